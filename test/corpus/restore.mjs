#!/usr/bin/env node
// Rebuilds every test/corpus/<id>/transcript.txt from the excerpt it was taken from.
//
// The search corpus the texts come from stores pages with full-width punctuation folded to ASCII
// (，：；？！（） → , : ; ? ! ( ) and the ideographic space → a space). excerpt.txt keeps that text as
// it came (the chosen contiguous run of paragraphs, nothing else); this script undoes the folding
// mechanically and writes transcript.txt:
//
//   1. every line is trimmed at both ends (paragraph indents were ideographic spaces, folded to
//      ASCII spaces) and runs of blank lines become one blank line;
//   2. Chinese texts only (language zh-*): an ASCII , : ; ? ! next to a CJK character (Han, kana,
//      CJK or full-width punctuation, “ ” ‘ ’ 《 》 「 」 — …) becomes ，：；？！; an ASCII ( or ) next
//      to one becomes （ or ）, and so does its partner in the pair. Repeated until nothing changes,
//      so ?) at the end of a sentence is restored too. Between two Latin letters or digits the ASCII
//      character stays (3,000 · 10:30 · COVID-19 · 5.2%);
//   Dots are left alone: this corpus keeps the ellipsis character unfolded ("…" in the Pentagon gaggle,
//   "……" in the 1989 Executive Yuan text), so "..." or "......" in a text is what the page had.
//   English texts get step 1 only.
//
// Usage: node test/corpus/restore.mjs [--check]   (--check: exit 1 if a transcript.txt is stale)
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF“”‘’《》「」『』〈〉—…·、]/u;
const FULL = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const isCjk = (c) => c !== undefined && CJK.test(c);

/** Index of the bracket paired with chars[i] ('(' or ')'), or -1. */
function partner(chars, i) {
  const open = chars[i] === '(' || chars[i] === '（';
  let depth = 0;
  for (let j = i; open ? j < chars.length : j >= 0; j += open ? 1 : -1) {
    if (chars[j] === '(' || chars[j] === '（') depth += open ? 1 : -1;
    else if (chars[j] === ')' || chars[j] === '）') depth += open ? -1 : 1;
    if (depth === 0) return j;
  }
  return -1;
}

export function restoreChineseLine(line) {
  const chars = Array.from(line);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (!(c in FULL)) continue;
      if (!isCjk(chars[i - 1]) && !isCjk(chars[i + 1])) continue;
      const j = c === '(' || c === ')' ? partner(chars, i) : -1;
      chars[i] = FULL[c];
      changed = true;
      if (j >= 0 && (chars[j] === '(' || chars[j] === ')')) chars[j] = FULL[chars[j]];
    }
  }
  return chars.join('');
}

// Sources read from GitHub repositories as Markdown (`source.format: "wh-markdown"`, the White House
// briefing-room archive converted by pandoc): the excerpt is the file's text as `read_file` returned it
// after a person copied it, which keeps every character except the no-break space (U+00A0), copied as an
// ASCII space. Restored mechanically, in this order:
//   a. no-break spaces: inside a line, a run of k ≥ 2 spaces before a non-space is k−1 no-break spaces and
//      one space (the site writes `Q` + three no-break spaces + a space, and a no-break space + a space
//      between sentences); a single space at the end of a line is a no-break space;
//   b. a line that ends with two or more spaces is a Markdown hard break (the page's <br>) and stays a line;
//   c. the other lines of a paragraph were wrapped at a space by the converter and are joined with one;
//   d. Markdown escapes (`\[`, `\]`, `\*`, `\_`, `\$` …) lose their backslash and `<s>`/`</s>` tags go
//      (the page shows the struck word as text);
//   e. then steps 1 and 3 below (trim, collapse blank lines).
// Checked: for every such folder, the same steps b–e applied to the repository file (which has its
// no-break spaces) give the same transcript.txt (see README, "Restoration").
export function unwrapMarkdown(text, { nbspFolded = true } = {}) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => {
    if (!nbspFolded) return l;
    let out = l.replace(/ {2,}(?=[^ ])/g, (run) => '\u00a0'.repeat(run.length - 1) + ' ');
    out = out.replace(/([^ ])( +)$/, (_, c, run) => c + (run.length % 2 === 1 ? '\u00a0' + run.slice(1) : run));
    return out;
  });
  const out = [];
  let para = null;
  for (const l of lines) {
    if (l.trim() === '') {
      if (para !== null) { out.push(para); para = null; }
      out.push('');
      continue;
    }
    const hard = / {2,}$/.test(l);
    const body = hard ? l.replace(/ +$/, '') : l;
    if (para === null) para = body;
    else para += ' ' + body.replace(/^ +/, '');
    if (hard) { out.push(para); para = null; }
  }
  if (para !== null) out.push(para);
  return out.join('\n').replace(/\\([!-\/:-@\[-`{-~])/g, '$1').replace(/<\/?s>/g, '');
}

// Congressional hearings read from GPO's plain-text edition (`source.format: "gpo-text"`, the CHRG-*.htm
// files: one <pre> block, lines wrapped at about 65 characters). A paragraph opens with a line indented by
// four spaces; every other line continues it. GPO wraps after a space or after a hyphen or dash, both
// kept at the end of the line (`of our ⏎previous`, `risk-⏎retention`, `we have to--⏎--`), so a
// continuation line is joined by deleting the line break alone. Paragraphs are then separated by a blank
// line and steps 1 and 3 below apply. Nothing else changes (GPO's ``quotes'' and `\1/2\` stay).
export function unwrapGpo(text) {
  const paras = [];
  for (const l of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (l.trim() === '') continue;
    if (/^ {4}\S/.test(l) || paras.length === 0) paras.push(l);
    else paras[paras.length - 1] += l;
  }
  return paras.join('\n\n');
}

/** transcript.txt from excerpt.txt, by the format recorded in expected.json (`source.format`). */
export function restoreSource(text, language, format = 'pages') {
  if (format === 'wh-markdown') return restore(unwrapMarkdown(text), language);
  if (format === 'gpo-text') return restore(unwrapGpo(text), language);
  return restore(text, language);
}

export function restore(text, language) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
  const out = [];
  for (const l of lines) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(language.startsWith('zh') ? restoreChineseLine(l) : l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const id of readdirSync(here).sort()) {
    const dir = join(here, id);
    if (!existsSync(join(dir, 'excerpt.txt'))) continue;
    const { language } = parse(readFileSync(join(dir, 'book.yaml'), 'utf8'));
    const format = existsSync(join(dir, 'expected.json')) ? JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).source?.format : undefined;
    const text = restoreSource(readFileSync(join(dir, 'excerpt.txt'), 'utf8'), language, format);
    const target = join(dir, 'transcript.txt');
    const old = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (old === text) continue;
    if (check) { console.error(`stale: ${id}/transcript.txt`); stale++; continue; }
    writeFileSync(target, text);
    console.log(`wrote ${id}/transcript.txt`);
  }
  process.exit(stale ? 1 : 0);
}
