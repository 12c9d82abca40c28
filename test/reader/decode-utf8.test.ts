// The UTF-8 reading (reader/decode.ts strictDecode): Node's validator and Buffer's decoder give what the
// WHATWG decoder gave (fatal, BOM kept) on well-formed text, and refuse what it refused: surrogates
// (CESU-8), overlong forms, code points past U+10FFFF, truncated and stray bytes.
import { describe, expect, it } from 'vitest';
import { strictDecode } from '../../scripts/reader/decode.ts';

const whatwg = (b: Uint8Array) => { try { return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b); } catch { return null; } };

describe('strictDecode of UTF-8', () => {
  it('reads and refuses exactly as the WHATWG decoder', () => {
    const cases: number[][] = [
      [], [0x41], [0xef, 0xbb, 0xbf, 0x41], [0xef, 0xbb, 0xbf], [0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87], [0xf0, 0xa0, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf],
      [0xf4, 0x90, 0x80, 0x80], [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], [0xed, 0x9f, 0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0xaf],
      [0xe4, 0xb8], [0x80], [0xbf, 0x41], [0xf5, 0x80, 0x80, 0x80], [0xff], [0xfe, 0xff], [0x00, 0x0a, 0x7f], [0xc2, 0x80], [0xdf, 0xbf], [0xee, 0x80, 0x80],
    ];
    for (const c of cases) expect(strictDecode('utf-8', Uint8Array.from(c))).toBe(whatwg(Uint8Array.from(c)));
    // Random bytes, mostly invalid, and random code points encoded, all valid; a view into a larger buffer.
    let x = 7;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 12) }, () => next() % 256);
      expect(strictDecode('utf-8', bytes)).toBe(whatwg(bytes));
      const text = Array.from({ length: 20 }, () => { const cp = next() % 0x110000; return cp >= 0xd800 && cp <= 0xdfff ? 'x' : String.fromCodePoint(cp); }).join('');
      const encoded = new TextEncoder().encode(text);
      const inside = new Uint8Array(encoded.length + 3);
      inside.set(encoded, 3);
      expect(strictDecode('utf-8', inside.subarray(3))).toBe(text);
    }
  });
});
