// The probe suite's second half: every legitimate double and speech repetition in the corpus's
// published transcripts (test/corpus/, each with its source URL), as one sentence per probe. The
// first half, test/reader/probes.jsonl, was gathered by hand from published pages found with the
// search tool. The reader must apply no edit to any probe (test/reader/probes.test.ts).
// Run: npx tsx scripts/eval/probes.ts — writes test/reader/probes-corpus.jsonl.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from './corrupt.ts';

export interface Probe {
  text: string;
  language: Language;
  /** Where the sentence was published (URL), and for corpus probes the transcript line it is on. */
  source: string;
  via: string;
  /** The repeated unit as it stands in the text. */
  double?: string;
}

/** Back-to-back repeats: Han runs of 1–6 characters (谢谢, 局局长, 主席，主席), English words said or typed twice. */
const HAN_DOUBLE = /(\p{Script=Han}{1,6})(?:[，、。！？：；…—\s]{0,2})\1/gu;
const EN_DOUBLE = /\b([A-Za-z]+(?:['’][a-z]+)?)(?:\s+|,\s+|\s+--?\s+|\s*[—–]\s*)\1\b/gi;

/** The sentence around [start, end) of a line: from the previous sentence end to the next, at most ~160 characters. */
function sentenceAround(line: string, start: number, end: number, zh: boolean): string {
  const stop = zh ? /[。！？!?]/ : /[.!?](?=\s)/;
  let a = start;
  while (a > 0 && start - a < 100 && !stop.test(line[a - 1] ?? '')) a--;
  let b = end;
  while (b < line.length && b - end < 100 && !stop.test(line[b - 1] ?? '')) b++;
  return line.slice(a, b).trim();
}

// At most 30 per transcript: the long briefings hold hundreds of "that that" and "— we —" alike, and the
// probe test must stay a few seconds of CPU (about 1,000 probes, each read twice).
export function extractProbes(entries: { id: string; text: string; expected: { language: Language; source: { url: string } } }[], perText = 30): Probe[] {
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const zh = e.expected.language !== 'en';
    let made = 0;
    e.text.split('\n').forEach((line, n) => {
      for (const m of line.matchAll(zh ? HAN_DOUBLE : EN_DOUBLE)) {
        if (made >= perText) return;
        // Numerals and dates are not what the suite probes (二〇〇〇, 1:00).
        if (/^[零〇一二三四五六七八九十百千万]+$/u.test(m[1])) continue;
        const text = sentenceAround(line, m.index!, m.index! + m[0].length, zh);
        if (text.length < 6 || seen.has(text)) continue;
        seen.add(text);
        probes.push({ text, language: e.expected.language, source: `${e.expected.source.url} (test/corpus/${e.id}/transcript.txt:${n + 1})`, via: 'corpus', double: m[0] });
        made++;
      }
    });
  }
  return probes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadCorpus, corpusRoot } = await import('../fixtures/corpus.ts');
  const probes = extractProbes(loadCorpus(corpusRoot, 'all'));
  const out = join(corpusRoot, '..', 'reader', 'probes-corpus.jsonl');
  writeFileSync(out, probes.map((p) => JSON.stringify(p)).join('\n') + '\n');
  console.log(`${probes.length} probes from the corpus → ${out}`);
}
