// Ace by DAISY on a built EPUB (STYLE.md §11: an external checker becomes diagnostics, its rule ids
// kept). Ace drives a browser through puppeteer; it runs on Debian's Chromium through a small wrapper
// script, because Ace launches its browser with its own argument list and ours must be added.
// The dependency is @daisy/ace-cli (the puppeteer runner, what @daisy/ace's `ace-puppeteer` calls),
// not @daisy/ace: that one also pulls in Electron, whose install step downloads a binary and would
// make `npm ci` fail on a machine without internet access beyond the registry.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { run } from '../core/run.ts';
import { cachedVerdict } from '../core/verdicts.ts';
import { projectRoot } from '../render/templates.ts';
import { chromiumFlags, chromiumPath } from '../core/browser.ts';

export interface AceViolation {
  impact: 'critical' | 'serious' | 'moderate' | 'minor';
  rule: string;
  /** The document inside the EPUB (`EPUB/package.opf`, `s3.xhtml`). */
  file: string;
  description: string;
}

interface EarlAssertion {
  'earl:testSubject'?: { url?: string };
  'earl:test'?: { 'earl:impact'?: string; 'dct:title'?: string };
  'earl:result'?: { 'dct:description'?: string };
  assertions?: EarlAssertion[];
}

/** The violations in Ace's report.json (EARL: one assertion per document, nested rule results). */
export function aceViolations(report: { assertions?: EarlAssertion[] }): AceViolation[] {
  const out: AceViolation[] = [];
  for (const doc of report.assertions ?? []) {
    for (const a of doc.assertions ?? []) {
      out.push({
        impact: (a['earl:test']?.['earl:impact'] ?? 'serious') as AceViolation['impact'],
        rule: a['earl:test']?.['dct:title'] ?? 'unknown',
        file: doc['earl:testSubject']?.url ?? '',
        description: (a['earl:result']?.['dct:description'] ?? '').slice(0, 300),
      });
    }
  }
  return out;
}

/**
 * Ace opens the EPUB's documents by file:// URL and injects axe-core, so JavaScript must stay on; what
 * the documents' own script could do is cut off instead: no name resolves, every request (loopback
 * too) goes to a proxy on the discard port where nothing listens, and WebRTC may not send UDP past it.
 * `check` also refuses to give Ace an EPUB that holds script at all (TP047, scripts/epub/inspect.ts).
 */
export const ACE_NETWORK_OFF = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp', '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--disable-background-networking', '--disable-component-update', '--disable-domain-reliability', '--no-pings',
];

/**
 * Ace opens each document of the spine in a new page (four at a time), and Chromium gave each page a
 * renderer process of its own: starting one cost about as much CPU as checking the document. Every
 * document is a file:// page of the same EPUB, so one renderer serves them all. Measured on the seed's
 * EPUB (25 documents, cpu-total.mjs, 2026-12-06): 44.5 CPU s a run before, 35.5 after, the same report.
 */
export const ACE_ONE_RENDERER = ['--renderer-process-limit=1', '--process-per-site', '--disable-site-isolation-trials'];

export function aceBinary(): string {
  return join(projectRoot, 'node_modules', '.bin', 'ace-cli');
}

/**
 * Ace's command line with its documents checked in reused browser pages (ace-runner.cjs beside this
 * file: the same checks and report as `ace-cli`, about a third less CPU: see there).
 */
export function aceRunner(): string {
  return join(projectRoot, 'scripts', 'epub', 'ace-runner.cjs');
}

/** Ace's violations on the EPUB (its report.json), or why it did not run. */
async function aceReport(epubPath: string, timeoutMs: number): Promise<AceViolation[] | { failed: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ace-'));
  try {
    if (!existsSync(aceBinary())) return { failed: `${aceBinary()} is missing` };
    const wrapper = join(dir, 'chromium');
    const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
    writeFileSync(wrapper, `#!/bin/sh\nexec ${[chromiumPath(), ...chromiumFlags, ...ACE_NETWORK_OFF, ...ACE_ONE_RENDERER].map(quote).join(' ')} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const outDir = join(dir, 'out');
    const r = await run(process.execPath, [aceRunner(), '--force', '--silent', '--outdir', outDir, '--tempdir', join(dir, 'tmp'), epubPath], {
      timeout: timeoutMs,
      // Ace gives its browser 5 s to start (ACE_TIMEOUT_INITIAL) and fails with "Re-run Ace using the
      // --verbose option" when it takes longer, as it does on a busy machine: give it the run's limit.
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: wrapper, PUPPETEER_SKIP_DOWNLOAD: '1', ACE_TIMEOUT_INITIAL: String(timeoutMs), ACE_TIMEOUT_EXTENSION: String(timeoutMs) },
    });
    const reportFile = join(outDir, 'report.json');
    if (!existsSync(reportFile)) return { failed: (r.error?.message || r.stderr || r.stdout || `exit ${r.status}`).trim().slice(0, 300) };
    return aceViolations(JSON.parse(readFileSync(reportFile, 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runAce(epubPath: string, timeoutMs = 600_000): Promise<{ violations: AceViolation[]; diagnostics: Diagnostic[] }> {
  let failed = '';
  // The verdict depends on the browser Ace drives as well as on the bytes (core/verdicts.ts).
  const tool = ['ace', aceBinary(), aceRunner(), chromiumPath(), ...chromiumFlags, ...ACE_NETWORK_OFF, ...ACE_ONE_RENDERER].join(' ');
  const violations = await cachedVerdict(tool, epubPath, async () => {
    const v = await aceReport(epubPath, timeoutMs);
    if (Array.isArray(v)) return v;
    failed = v.failed;
    return undefined;
  });
  if (!violations) return { violations: [], diagnostics: [diagnostic('TP044', { reason: failed }, { file: epubPath })] };
  const diagnostics = violations.map((v) => diagnostic(v.impact === 'critical' || v.impact === 'serious' ? 'TP042' : 'TP043',
    { id: v.rule, impact: v.impact, reason: v.description }, { file: `${epubPath}/${v.file}` }));
  return { violations, diagnostics };
}
