// A term the language tools (zh.ts, en.ts) found, before candidates.ts merges, ranks and sizes them.

export type EntryKind = 'person' | 'place' | 'organisation' | 'subject';

/** A term the language tools found, before merging and ranking. */
export interface Candidate {
  /** As printed: the text's own script and spelling at its first occurrence. */
  term: string;
  kind: EntryKind;
  aliases: string[];
  /** Occurrences in the text (whole words in English). */
  count: number;
  /** Offset of the first occurrence. */
  first: number;
  /** How sure / how salient, from the finder (names 1–3; subjects by rarity). */
  score: number;
  /** Chinese: the Simplified form it was found as. */
  key?: string;
  /** A place it was written right after (印度新德里): its parent entry. */
  parent?: string;
  /**
   * English: a first name written alone, never after a title (Jeff, Laura): `addressed` when the text
   * mostly speaks to the person (Go ahead, Jeff. / Thanks, Karine.), a reporter, `alone` otherwise. A name called
   * on is never an entry nor an alias; a first name alone is an alias of a full name the book writes, if any.
   */
  firstName?: 'addressed' | 'alone';
  /** English: a proper name of no kind the tagger knows (Hamas, Auschwitz: capitalised mid-sentence, no word of the
   * lexicon): ranked as a name, not as a subject, though it is no sure name. */
  properName?: boolean;
  /** English: a named event or document (Bill of Rights, Marriage (Same Sex Couples) Bill): a name written
   * inside it (Bill, Same Sex Couples) is part of it there, as inside a longer name. */
  named?: boolean;
  /** English: a noun phrase whose words before the head are nouns, no adjective and no of (gas prices, debt relief,
   * human rights): a term by its form, where an adjective's phrase (constructive role, private sector) may be a way of saying. */
  compound?: boolean;
  /** Named only by speaker labels (路透社 of 路透社记者), never in the body: a sure name, ranked after the body's. */
  labelOnly?: boolean;
  /** The finder that proposed it first (dottedNames, tokens, nounRunSubjects, nameCandidates…): for diagnostics (scripts/eval/index-why.ts). */
  source?: string;
}

/** Why a Chinese finder's proposal was not taken (the collector's checks), for diagnostics: term (Simplified), kind, check. */
export type RejectTrace = (key: string, kind: EntryKind, check: string) => void;
