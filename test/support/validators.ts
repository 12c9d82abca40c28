// epubcheck as the tests ask for it: through the product's runEpubcheck (scripts/check.ts), so every
// test gets the same JVM options and the run's verdict cache (an EPUB validated once per run, whoever
// asks; see scripts/core/verdicts.ts). Call these instead of starting `java -jar epubcheck.jar` yourself.
import { runEpubcheck } from '../../scripts/check.ts';

/** epubcheck's errors and fatal errors on the EPUB, as `ID message` lines (warnings left out). */
export async function epubcheckErrors(epub: string): Promise<string[]> {
  const { messages, diagnostics } = await runEpubcheck(epub);
  // epubcheck did not run at all (no report): that is an error too, with its reason.
  const failed = diagnostics.filter((d) => d.code === 'TP040' && /epubcheck RUN:/.test(d.message)).map((d) => d.message);
  return [...failed, ...messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL').map((m) => `${m.ID} ${m.message}`)];
}

/** epubcheck's warnings, errors and fatal errors on the EPUB (what "0 errors / 0 warnings" counts). */
export async function epubcheckFindings(epub: string): Promise<string[]> {
  const { messages, diagnostics } = await runEpubcheck(epub);
  const failed = diagnostics.filter((d) => d.code === 'TP040' && /epubcheck RUN:/.test(d.message)).map((d) => d.message);
  return [...failed, ...messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE').map((m) => `${m.severity} ${m.ID} ${m.message}`)];
}
