// The EPUB container (OCF): a zip whose bytes depend only on its entries and one date.
//
// Why yazl and not epub-gen-memory's jszip: every file epub-gen-memory would write had to be replaced
// (its templates hard-code xml:lang="en", its serializer turns Chinese into numeric references and
// strips data-*, its identifier is a random UUID and its dates are "now", its images are fetched over
// the network). What was left of it was a zip call, and jszip stamps entries with the current time.
// yazl lets us fix everything that goes into the bytes: entry order, DOS timestamps, no extra fields,
// compression level.
import yazl from 'yazl';

export interface OcfEntry {
  /** Path inside the container, e.g. `EPUB/package.opf`. */
  path: string;
  data: Uint8Array | string;
}

/**
 * DOS timestamps are local wall-clock fields and yazl reads them with getFullYear()/getHours(); shift
 * the instant so those local fields equal the UTC ones, and the bytes do not depend on the build
 * machine's time zone. DOS time cannot go before 1980.
 */
export function dosDate(date: Date): Date {
  const clamped = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date;
  return new Date(clamped.getTime() + clamped.getTimezoneOffset() * 60_000);
}

/** Packs the entries in the order given after `mimetype` (stored, first, no extra field: OCF §4.3). */
export function packOcf(entries: OcfEntry[], modified: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = dosDate(modified);
  // forceDosTimestamp: no "extended timestamp" extra field, so epubcheck's mimetype rule holds and the
  // only time in the file is the one we chose.
  const common = { mtime, mode: 0o100644, forceDosTimestamp: true } as const;
  zip.addBuffer(Buffer.from('application/epub+zip', 'ascii'), 'mimetype', { ...common, compress: false });
  const seen = new Set(['mimetype']);
  for (const entry of entries) {
    if (seen.has(entry.path)) throw new Error(`duplicate EPUB entry ${entry.path}`);
    seen.add(entry.path);
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    zip.addBuffer(data, entry.path, { ...common, compressionLevel: 9 });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}
