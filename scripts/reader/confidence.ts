// Confidence that means something: the probability that a repair is right, calibrated on the
// development corpus (real transcripts, clean and corrupted by the seeded generator in
// scripts/eval/). `npm run bench -- reader` prints the reliability table: for each confidence bin,
// how many of the reader's proposals in it were right. 0.99 must be right 99 times in 100.
//
// Each kind of evidence has its own small model whose parameters were fitted on that corpus
// (scripts/eval/calibrate.ts prints fresh ones); the reader applies a repair from APPLY (0.95) and
// lists it for review below that.

export type Evidence =
  | { kind: 'char-zh'; gain: number; brokeWord: boolean; bothAlone: boolean; mixed: boolean; name: boolean; particle: boolean; pairWord: boolean; reduplicable?: boolean }
  | { kind: 'span-zh'; size: number; copies: number; word: boolean }
  | { kind: 'clause-zh'; size: number; copies: number }
  | { kind: 'clause-en'; size: number; copies: number }
  | { kind: 'word-en'; size: number; copies: number };

/**
 * Logistic model for a doubled Chinese character that no legitimate mechanism explains (fitted on
 * the development part of the corpus only, 89 transcripts, clean and corrupted with 30 seeds:
 * scripts/eval/calibrate.ts; refitted 2026-12-05 when the part grew from the 46 legacy excerpts). What it
 * learned: such a pair is nearly always a copying slip; less so when both copies stand alone
 * (越越, 愿愿), much less when the dictionary knows the pair as a word the segmentation did not
 * choose (正正属于), and not when it sits in a name (巴特策策格).
 */
export const CHAR_MODEL = {
  bias: 5.535,
  gain: -0.1,
  brokeWord: 0.924,
  bothAlone: -1.522,
  mixed: 1.365,
  name: -3.306,
  particle: 0.396,
  bothAloneParticle: 0.378,
  bothAlonePairWord: -3.271,
};

/**
 * Precision first: a doubled character is repaired on its own only when, besides the model, the
 * word model finds the text at least e^GUARD_GAIN times likelier without the copy, or the copy
 * breaks a word (怎么看看待), or it is a particle standing alone twice (的的). Otherwise it is listed.
 * Fitted on the development part with the model (scripts/eval/calibrate.ts prints the table): of
 * the pairs the model puts at 0.95 or more without such evidence, every one from gain 4 up was a
 * copy (108 of 108 from gain 5, 142 of 142 from gain 4), and no pair of the clean texts reaches it.
 * A verb or adjective is the exception: it reduplicates freely (说说相声, 红红的, 走走看) in forms
 * no dictionary lists, so for it the guard stays at REDUPLICABLE_GUARD_GAIN.
 */
export const GUARD_GAIN = 4.0;
export const REDUPLICABLE_GUARD_GAIN = 6.0;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round3 = (p: number) => Math.round(p * 1000) / 1000;

export function calibrated(e: Evidence): number {
  switch (e.kind) {
    case 'char-zh': {
      const m = CHAR_MODEL;
      const z = m.bias + m.gain * e.gain + m.brokeWord * +e.brokeWord + m.bothAlone * +e.bothAlone + m.mixed * +e.mixed
        + m.name * +e.name + m.particle * +e.particle + m.bothAloneParticle * +(e.bothAlone && e.particle)
        + m.bothAlonePairWord * +(e.bothAlone && e.pairWord);
      const p = Math.min(0.995, sigmoid(z));
      const overwhelming = e.gain >= (e.reduplicable ? REDUPLICABLE_GUARD_GAIN : GUARD_GAIN) || e.brokeWord || (e.bothAlone && e.particle);
      // Without overwhelming evidence the claim is capped below the repair threshold (0.95).
      return round3(overwhelming ? p : Math.min(p, 0.9));
    }
    case 'span-zh':
      if (e.size >= 3) return 0.995;
      return e.word ? 0.97 : 0.99;
    case 'clause-zh':
      return e.size >= 6 ? 0.995 : 0.97;
    case 'clause-en':
      return e.copies >= 3 || e.size >= 10 ? 0.98 : 0.6;
    case 'word-en':
      // A content word (or a phrase holding one) typed twice; closed-class and expressive doubles
      // are never scored: they are speech or grammar (dedupe.ts typedDouble).
      return e.size === 1 ? 0.99 : 0.97;
  }
}
