// What `check` must know about an EPUB before it hands it to a validator or a browser, read from the
// zip itself with bounded memory: the entries and their sizes (the central directory, read from the end
// of the file), and whether any document carries script (a `<script>` element, an `on…=` event
// attribute or a `javascript:` URL, read with the output gate's XML parser). Our writer never writes script; Ace opens every document in Chromium with JavaScript on
// (it injects axe-core), so an EPUB with script is not given to it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { xmlProblems } from '../core/markup.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** The central directory of a zip (no ZIP64: an EPUB this tool checks is far below 4 GB). */
export function zipEntries(fd: number): ZipEntry[] {
  const size = fstatSync(fd).size;
  const tailLength = Math.min(size, 65_557);
  const tail = readAt(fd, size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > size || cdSize > 64 * 1024 * 1024) throw new Error('the central directory is damaged');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count && p + 46 <= cd.length; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error('the central directory is damaged');
    const nameLength = cd.readUInt16LE(p + 28);
    const extra = cd.readUInt16LE(p + 30);
    const comment = cd.readUInt16LE(p + 32);
    entries.push({
      method: cd.readUInt16LE(p + 10), compressedSize: cd.readUInt32LE(p + 20), size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42), name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** One entry's bytes, never more than `limit` (larger entries are refused by the caller first). */
export function entryData(fd: number, entry: ZipEntry, limit: number): Buffer {
  const header = readAt(fd, entry.offset, 30);
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${entry.name}: damaged local header`);
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = readAt(fd, start, Math.min(entry.compressedSize, limit));
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw, { maxOutputLength: limit });
  throw new Error(`${entry.name}: unknown compression method ${entry.method}`);
}

export interface EpubInspection {
  entries: ZipEntry[];
  /** Entries larger than the limit (uncompressed). */
  tooLarge: ZipEntry[];
  /** Documents with script: `name` and what was found. */
  scripted: { name: string; what: string }[];
}

/**
 * The first script a document carries, read by the output gate's XML parser (core/markup.ts, saxes):
 * a `<script>` element, an event attribute or a `javascript:` URL. The parser reads on past a
 * well-formedness error, so script after one is still found.
 */
export function firstScript(text: string): string | undefined {
  return xmlProblems(text).find((p) => p.kind === 'script' || p.kind === 'event')?.what;
}

export function inspectEpub(path: string, limitBytes: number): EpubInspection {
  const fd = openSync(path, 'r');
  try {
    const entries = zipEntries(fd);
    const tooLarge = entries.filter((e) => e.size > limitBytes || e.compressedSize > limitBytes);
    const scripted: EpubInspection['scripted'] = [];
    for (const e of entries) {
      if (tooLarge.includes(e) || !/\.(x?html?|svg|xml|opf|ncx)$/i.test(e.name)) continue;
      const text = entryData(fd, e, limitBytes).toString('utf8');
      const what = firstScript(text);
      if (what) scripted.push({ name: e.name, what });
    }
    return { entries, tooLarge, scripted };
  } finally {
    closeSync(fd);
  }
}
