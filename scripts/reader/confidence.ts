// Confidence that means something: the probability that a repair is right, calibrated on the
// development corpus (real transcripts, clean and corrupted by the seeded generator in
// scripts/eval/). `npm run bench -- reader` prints the reliability table: for each confidence bin,
// how many of the reader's proposals in it were right. 0.99 must be right 99 times in 100.
//
// Each kind of evidence has its own small model whose parameters were fitted on that corpus
// (scripts/eval/calibrate.ts prints fresh ones); the reader applies a repair from APPLY (0.95) and
// lists it for review below that.

export type Evidence =
  | { kind: 'char-zh'; gain: number; brokeWord: boolean; bothAlone: boolean; mixed: boolean; name: boolean; particle: boolean }
  | { kind: 'span-zh'; size: number; copies: number; word: boolean }
  | { kind: 'clause-zh'; size: number; copies: number }
  | { kind: 'clause-en'; size: number; copies: number }
  | { kind: 'word-en'; size: number; copies: number; functionWord: boolean };

/** Logistic-model weights for a doubled Chinese character (fitted: see scripts/eval/calibrate.ts). */
export const CHAR_MODEL = {
  bias: -6.0,
  gain: 1.0,
  brokeWord: 2.0,
  bothAlone: 1.0,
  mixed: 1.0,
  name: -4.0,
  particle: -1.0,
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round3 = (p: number) => Math.round(p * 1000) / 1000;

export function calibrated(e: Evidence): number {
  switch (e.kind) {
    case 'char-zh': {
      const m = CHAR_MODEL;
      const z = m.bias + m.gain * e.gain + m.brokeWord * +e.brokeWord + m.bothAlone * +e.bothAlone + m.mixed * +e.mixed + m.name * +e.name + m.particle * +e.particle;
      return round3(Math.min(0.995, sigmoid(z)));
    }
    case 'span-zh':
      if (e.size >= 3) return 0.995;
      return e.word ? 0.97 : 0.99;
    case 'clause-zh':
      return e.size >= 6 ? 0.995 : 0.97;
    case 'clause-en':
      return e.copies >= 3 || e.size >= 10 ? 0.98 : 0.6;
    case 'word-en':
      return e.functionWord ? 0.99 : 0.9;
  }
}

/** Plain words for a confidence, by the book's language: how sure the reader is. */
export const CONFIDENCE_WORDS: Record<'zh-Hans' | 'zh-Hant' | 'en', { certain: string; likely: string; doubtful: string }> = {
  'zh-Hans': { certain: '几乎确定', likely: '很可能', doubtful: '存疑' },
  'zh-Hant': { certain: '幾乎確定', likely: '很可能', doubtful: '存疑' },
  en: { certain: 'almost certain', likely: 'likely', doubtful: 'doubtful' },
};

/** almost certain (≥ 0.99), likely (≥ 0.9), doubtful (below). */
export function confidenceWord(confidence: number, language: string | undefined): string {
  const words = CONFIDENCE_WORDS[language === 'zh-Hant' || language === 'en' ? language : 'zh-Hans'];
  return confidence >= 0.99 ? words.certain : confidence >= 0.9 ? words.likely : words.doubtful;
}
