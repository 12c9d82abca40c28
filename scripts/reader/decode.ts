// Bytes to text: UTF-8 (with or without BOM) is read as is; valid GB18030/GBK is converted with a
// warning (editors in mainland China often receive those); anything else is refused with a fix.
import { diagnostic, fail, type Diagnostic } from '../core/diagnostics.ts';

export interface Decoded {
  text: string;
  diagnostics: Diagnostic[];
}

export function decodeTranscript(bytes: Uint8Array, file: string): Decoded {
  const diagnostics: Diagnostic[] = [];
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) fail('TP003', { reason: 'it contains NUL bytes' }, { file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      fail('TP005', { tried: 'GB18030' }, { file });
    }
    diagnostics.push(diagnostic('TP004', { encoding: 'GB18030' }, { file }));
  }
  // Control characters other than tab/newline/CR/form feed mean this is not a transcript.
  const controls = text.slice(0, 8192).match(/[\u0001-\u0008\u000E-\u001F\u007F]/g);
  if (controls && controls.length > 8) fail('TP003', { reason: `${controls.length} control characters in the first 8 KB` }, { file });
  if (text.trim() === '') fail('TP002', {}, { file });
  return { text, diagnostics };
}
