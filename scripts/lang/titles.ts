// English titles and forms of address that stand before a name and are not part of it (President Joe
// Biden, EPA Administrator Michael Regan, Senators Roger Wicker and Dan Sullivan): the one list the
// automatic index (index/en.ts) strips from names. Data, not logic: a word added here is stripped
// everywhere. A title that addresses people (senator, minister) is stripped in the plural too
// (Senators Roger Wicker); office words that are also common nouns (state, press) only as written.

/** Titles of people: stripped before a name, in the singular or the plural (senator, senators). */
export const PERSON_TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'messrs', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'secretary', 'minister', 'chancellor',
  'senator', 'sen', 'sens', 'rep', 'reps', 'representative', 'congressman', 'congresswoman', 'councilman', 'councilwoman',
  'governor', 'ambassador', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'captain', 'capt', 'major', 'lieutenant',
  'sergeant', 'commander', 'chairman', 'chairwoman', 'chair', 'speaker', 'leader', 'king', 'queen', 'prince', 'princess', 'pope',
  'judge', 'justice', 'mayor', 'director', 'spokesperson', 'spokesman', 'administrator', 'advisor', 'adviser', 'counsel',
  'excellency', 'h.e', 'majesty', 'highness', 'taoiseach', 'amir', 'emir', 'commissioner', 'premier', 'whip', 'envoy', 'coordinator', 'undersecretary', 'manager',
  // A company's officers, as an earnings call's participant list and its speakers name them (Hanover … - CEO,
  // Chief Portfolio Officer & IR).
  'ceo', 'cfo', 'coo', 'cto', 'cio', 'officer',
] as const;

/** Words of an office's name before a name (Prime Minister, Deputy Secretary, Secretary of State): stripped as written only. */
export const OFFICE_WORDS = [
  'vice', 'prime', 'deputy', 'foreign', 'rt', 'hon', 'the', 'honourable', 'honorable', 'press', 'state', 'defense', 'defence',
  'attorney', 'treasury', 'class', 'chief', 'crown', 'assistant',
] as const;

const PERSON = new Set<string>(PERSON_TITLES);
const OFFICE = new Set<string>(OFFICE_WORDS);

/** The singular of a title written in the plural (senators → senator, secretaries → secretary, chairmen → chairman). */
function singular(word: string): string | undefined {
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.slice(0, -1);
  return undefined;
}

/**
 * Whether a word (any case, a final full stop allowed: Sen., Dr.) is a title that stands before a name.
 * `plural: false` where a plural would be a body, not a title (House of Representatives); `office: false`
 * for the titles of people only (Senator, Secretary), not the words of an office's name (the, State, Press).
 */
export function isTitleWord(word: string, { plural = true, office = true } = {}): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (PERSON.has(w) || (office && OFFICE.has(w))) return true;
  return plural && isPluralTitle(word);
}

/**
 * Whether a word is a person's title in the plural (Senators, Representatives): a title only before the
 * names it gives (Senators Roger Wicker); alone or before a noun it is a name or a word (Queens, Presidents Day).
 */
export function isPluralTitle(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  const one = PERSON.has(w) ? undefined : singular(w);
  return one !== undefined && PERSON.has(one);
}
