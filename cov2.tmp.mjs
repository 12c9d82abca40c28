import { readFileSync } from 'node:fs';
import { Blob, Face } from 'harfbuzzjs';
const f = process.argv[2];
const buf = readFileSync(f);
const face = new Face(new Blob(new Uint8Array(buf)), 0);
const u = face.collectUnicodes();
const planes = {}; for (const c of u) { const k = c >= 0x20000 ? 'SIP' : c>=0x3400&&c<0x4dc0 ? 'ExtA' : 'other'; planes[k]=(planes[k]||0)+1; }
console.log(f, u.length, planes, buf.subarray(0,4).toString('hex'), [...face.getTableTags?.() ?? []].join(','));
