// The one registry of diagnostic codes (STYLE.md §5). Call sites pass a code and parameters; the
// words and the fix hint live here. Retired codes are never reused: mark them `retired: true`.
// Every code has a fixture in test/ that triggers exactly it (test/diagnostics.test.ts).
export type Severity = 'error' | 'warning' | 'info';

type Params = Record<string, string | number>;

interface CodeEntry {
  severity: Severity;
  title: string;
  message: (p: Params) => string;
  hint: (p: Params) => string;
  retired?: boolean;
}

export const codes = {
  TP001: { severity: 'error', title: 'file cannot be read',
    message: (p) => `cannot read ${p.what}: ${p.reason}`,
    hint: () => 'check that the path exists and is readable' },
  TP002: { severity: 'error', title: 'transcript is empty',
    message: () => 'the transcript has no text',
    hint: () => 'put the transcript text in transcript.txt (UTF-8, paragraphs separated by blank lines)' },
  TP003: { severity: 'error', title: 'transcript is binary',
    message: (p) => `the transcript looks like a binary file (${p.reason})`,
    hint: () => 'export the transcript as plain UTF-8 text and save it as transcript.txt' },
  TP004: { severity: 'warning', title: 'transcript converted from a legacy encoding',
    message: (p) => `the transcript is not UTF-8; it was read as ${p.encoding}`,
    hint: (p) => `convert the file once so the source is UTF-8: iconv -f ${p.encoding} -t UTF-8 transcript.txt > t && mv t transcript.txt` },
  TP005: { severity: 'error', title: 'transcript is not valid UTF-8',
    message: (p) => `the transcript is not valid UTF-8 and not ${p.tried} either`,
    hint: () => 'save the transcript as UTF-8 text (in most editors: Save as… → Encoding: UTF-8)' },
  TP006: { severity: 'error', title: 'transcript too large for one book',
    message: (p) => `the transcript is ${p.size} MB; one book takes at most ${p.limit} MB`,
    hint: () => 'split it into volumes (one folder in source/ each), or raise the limit with --max-mb if the machine has the memory' },
  TP010: { severity: 'error', title: 'book.yaml is not valid YAML',
    message: (p) => `book.yaml is not valid YAML: ${p.reason}`,
    hint: () => 'fix the YAML syntax at the marked position (indentation, a missing colon, an unclosed quote)' },
  TP011: { severity: 'error', title: 'book.yaml field is invalid',
    message: (p) => `field "${p.field}" ${p.reason}`,
    hint: (p) => `${p.fix}` },
  TP012: { severity: 'warning', title: 'topic matches nothing',
    message: (p) => `topic "${p.term}" occurs nowhere in the transcript`,
    hint: () => 'add aliases: [...] with the wording the speaker used, or remove the topic' },
  TP013: { severity: 'error', title: 'unknown template',
    message: (p) => `template "${p.name}" does not exist`,
    hint: (p) => `use one of: ${p.available}; or copy templates/default/ to templates/${p.name}/` },
  TP014: { severity: 'error', title: 'book directory has no book',
    message: (p) => `${p.dir} has no ${p.missing}`,
    hint: () => 'a book directory holds transcript.txt and book.yaml; see "Adding a book" in README.md' },
  TP020: { severity: 'error', title: 'correction does not apply',
    message: (p) => `correction ${p.index} find "${p.find}" occurs ${p.count} times in the transcript, not once`,
    hint: (p) => Number(p.count) === 0
      ? 'the text may already be fixed or the correction is stale: update or remove it'
      : 'make "find" longer so it names exactly one place' },
  TP021: { severity: 'info', title: 'repair left for review',
    message: (p) => `possible ${p.rule} "${p.before}" left as is (confidence ${p.confidence})`,
    hint: (p) => `if it is an error, add to book.yaml corrections: { find: "${p.find}", replace: "${p.replace}" }` },
  TP022: { severity: 'error', title: 'section heading refers to a missing section',
    message: (p) => `sections[${p.index}] refers to question ${p.question}, but the transcript has ${p.count}`,
    hint: () => 'number the sections from 1 in the order of the questions' },
  TP030: { severity: 'error', title: 'Chromium is missing',
    message: (p) => `Chromium was not found at ${p.path}`,
    hint: () => 'run `npm run setup` as root (it installs Debian\'s chromium), or set PUPPETEER_EXECUTABLE_PATH to a Chromium binary' },
  TP031: { severity: 'error', title: 'fonts are missing',
    message: (p) => `font files were not found: ${p.path}`,
    hint: () => 'run `npm ci` (fonts come from @fontsource/noto-serif-sc and @fontsource/noto-sans-sc)' },
  TP032: { severity: 'error', title: 'Chromium reported a problem',
    message: (p) => `Chromium: ${p.reason}`,
    hint: () => 'rerun with --debug for details; if Chromium crashed, check free memory and /tmp space' },
  TP033: { severity: 'warning', title: 'blocked request while rendering',
    message: (p) => `the page tried to load ${p.url}; it was blocked`,
    hint: () => 'books render offline; put images and fonts in the template folder' },
  TP034: { severity: 'error', title: 'page references did not converge',
    message: (p) => `page numbers still changed after ${p.passes} passes`,
    hint: () => 'a template change may make the contents page grow with each pass; report this with the book' },
  TP035: { severity: 'error', title: 'book timed out',
    message: (p) => `the book did not finish within ${p.seconds} s (Chromium hung or is overloaded)`,
    hint: () => 'it was retried once with a fresh browser; rerun with --debug, or raise --timeout for very long books' },
  TP036: { severity: 'error', title: 'PDF font a print shop rejects',
    message: (p) => `font ${p.font} in ${p.file} is ${p.problem}`,
    hint: () => 'use TrueType-outline web fonts loaded by file:// URL (see fonts in README.md); Debian\'s CFF Noto CJK becomes Type 3' },
  TP040: { severity: 'error', title: 'epubcheck error',
    message: (p) => `epubcheck ${p.id}: ${p.reason}`,
    hint: () => 'see the EPUB file named in the message; this is a bug in the writer or a template' },
  TP041: { severity: 'warning', title: 'epubcheck warning',
    message: (p) => `epubcheck ${p.id}: ${p.reason}`,
    hint: () => 'see the EPUB file named in the message' },
  TP050: { severity: 'error', title: 'output cannot be written',
    message: (p) => `cannot write ${p.path}: ${p.reason}`,
    hint: () => 'check that the output folder is writable and the disk is not full, or pass --out DIR' },
  TP090: { severity: 'error', title: 'internal error',
    message: (p) => `internal error: ${p.reason}`,
    hint: () => 'rerun with --debug and report the stack trace' },
  TP015: { severity: 'warning', title: 'index cross-reference names no topic',
    message: (p) => `topic "${p.term}" refers to "${p.target}" (${p.kind}), which is not a topic`,
    hint: (p) => `write the term exactly as another topic's term, or add a topic "${p.target}"` },
  TP042: { severity: 'error', title: 'Ace accessibility violation',
    message: (p) => `Ace ${p.id} (${p.impact}): ${p.reason}`,
    hint: () => 'see the EPUB document named in the message and the rule at http://kb.daisy.org/publishing/; fix the writer or template' },
  TP043: { severity: 'warning', title: 'Ace accessibility finding',
    message: (p) => `Ace ${p.id} (${p.impact}): ${p.reason}`,
    hint: () => 'a moderate or minor finding: see http://kb.daisy.org/publishing/ for the rule' },
  TP044: { severity: 'error', title: 'Ace did not run',
    message: (p) => `Ace by DAISY could not check the EPUB: ${p.reason}`,
    hint: () => 'run `npm ci` (Ace is @daisy/ace-cli, run on the system Chromium) and check that Chromium starts: see TP030' },
} satisfies Record<string, CodeEntry>;

export type Code = keyof typeof codes;
