// Reading a zip in tests without the system's unzip: the central directory lists the entries in file
// order, each with its local header offset; data is stored (0) or deflated (8). About 30 lines of the
// zip format (APPNOTE 4.3) read independently of yazl, which writes our EPUBs.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry { name: string; method: number; data: Buffer }

export function readZip(file: string): ZipEntry[] {
  const buf = readFileSync(file);
  // End of central directory: the last 0x06054b50 (a comment may follow it).
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file}: not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${file}: bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`${file}: ${name} uses compression method ${method}`);
    entries.push({ name, method, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + skip;
  }
  return entries;
}

/** Extracts every entry under `dir` and returns `dir`. */
export function extractZip(file: string, dir: string): string {
  for (const e of readZip(file)) {
    if (e.name.endsWith('/')) continue;
    const path = join(dir, e.name);
    if (!path.startsWith(dir)) throw new Error(`${file}: entry ${e.name} leaves the folder`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, e.data);
  }
  return dir;
}
