// Candidate index entries in English text, from compromise (a maintained rule-based English tagger:
// part of speech, Person / Place / Organization tags, offsets). compromise tags words well but cuts
// names at `of` and `and` (the Association | of | Southeast Asian Nations) and keeps honorifics in the
// name (President Joe Biden): the chunking into headings is done here, on its tags.
import { createRequire } from 'node:module';
import { genreDf } from './genre.ts';
import { isEnglishPlace } from './gazetteer.ts';
import { tagsOf, wordClass } from '../reader/english.ts';
import { isPluralTitle, isTitleWord } from '../lang/titles.ts';
import type { Candidate, RejectTrace } from './candidate.ts';

interface Term { text: string; tags: Set<string>; start: number; end: number; post: string; pre: string }

/** Last words of organisation names. */
const ORG_WORD = /^(front|forum|fund|council|department|ministry|office|administration|committee|commission|agency|union|organi[sz]ation|bank|party|court|congress|senate|parliament|assembly|government|alliance|association|institute|university|company|corporation|group|command|service|services|force|forces|army|navy|nations|league|federation|board|bureau|authority|foundation|cabinet|house|nato|club)$/i;
/** Last words of place names. */
const PLACE_WORD = /^(street|room|road|square|avenue|sea|ocean|strait|island|islands|gulf|bay|river|mountains|city|county|district|territory|province|region|state|peninsula|valley|desert|canal|airport|base|hall|building|palace|center|centre)$/i;
/** Words that make a capitalised run an event, a document or a programme, not a person (Groundhog Day, Belt and Road Initiative). */
const EVENT_WORD = /^(day|week|month|year|initiative|act|plan|agreement|strategy|policy|program|programme|summit|conference|war|crisis|speech|deal|treaty|accord|games|cup|olympics|festival|declaration|charter|protocol|doctrine|report|bill|law|convention|dialogue|talks|forum|fund)$/i;
/** Capitalised words that are never an entry on their own. */
const NOT_NAMES = new Set(['Q', 'A', 'I', 'OK', 'EST', 'EDT', 'PST', 'PDT', 'GMT', 'BST', 'UTC', 'AM', 'PM', 'P.M.', 'A.M.', 'MR', 'MS', 'MRS', 'DR', 'Laughter', 'Applause', 'Inaudible',
  'Crosstalk', 'Good', 'Happy', 'Thank', 'Thanks', 'Okay', 'Yes', 'No', 'Yeah', 'Hi', 'Hello', 'Sir', 'Ma’am', "Ma'am", 'Transcript', 'God', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prime Minister',
  'President', 'Secretary', 'Minister', 'Ambassador', 'General', 'Government', 'Administration', 'Department', 'Press', 'Briefing', 'Room',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Rt', 'Hon', 'MP', 'Delivered', 'From', 'Question', 'Answer', 'Moderator',
  'ET', 'CT', 'MT', 'PT', 'Portrait', 'Excerpts', 'Extracts', 'Debate', 'Full', 'Read', 'Aired', 'Live', 'Hansard']);
/** Common nouns written as initials (The URL is …, on TV): no entry alone, though a name may end in one (Web TV). */
const COMMON_INITIALS = new Set(['URL', 'TV', 'PDF', 'FAQ', 'SMS', 'VP', 'SVP', 'EVP', 'IR']);
/** A US state's postal code, written after its city (Chicago, IL): the state, written short; no entry of its own. */
const US_STATE_CODE = /^(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)$/u;
/** A guest's role as a label's description gives it (Mr. BILL MOYERS (Author, "…"):): no entry alone. */
const LABEL_ROLES = new Set(['Author', 'Host', 'Writer', 'Correspondent', 'Reporter', 'Journalist', 'Analyst', 'Commentator', 'Contributor']);
/** Nationalities and the like: adjectives, not entries (American, British, Eritrean). */
/**
 * The words a legislature calls itself, its room and its members by (the House, this Chamber, the hon. Member):
 * a debate's own setting, on every page of it, as 中方 is a briefing's; alone they are no entry (House of
 * Commons, the House Rules Committee, the White House are names and stay).
 */
const SETTING = new Set(['House', 'Chamber', 'Member', 'Members', 'Council']);
const DEMONYM = /^(\p{Lu}\p{Ll}+(?:an|ian|ean|ese|ish|i|ic|ans))$/u;
const isPlaceTerm = (t: { tags: Set<string> }) => t.tags.has('Country') || t.tags.has('Place');
const STOP = new Set('a an the of and or for to in on at by with from as is are was were be been this that these those it its our your their his her my we you they he she i me us them who what which when where why how all any some each every more most other such no not only own same so than too very can will just should now also there here one two three first last new next many much few well even back way thing things lot kind sort part time times day days week weeks year years today tomorrow yesterday morning afternoon evening people everyone everybody anyone something anything nothing question questions answer point fact case number couple bit end side place world country countries state states effort efforts work issue issues matter matters conversation conversations meeting meetings statement remarks sense lot hon gentleman lady friend member members'.split(' '));

type Nlp = typeof import('compromise').default;
let tagger: Nlp | null = null;

/**
 * compromise, loaded on first use: a Chinese book never needs it, and loading it costs a second at every
 * start. It is its own one-file CommonJS build (the package's `require` export, half the ESM sources'
 * load time), which gives the same text, tags, spacing and offsets as the ESM entry on all 108 English
 * corpus transcripts (compared whole when this was changed).
 */
function nlp(text: string): ReturnType<Nlp> {
  tagger ??= createRequire(import.meta.url)('compromise') as Nlp;
  return tagger(text);
}

function termsOf(text: string): Term[][] {
  const doc = nlp(text);
  const json = doc.json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; pre: string; post: string; offset: { start: number; length: number } }[] }[];
  return json.map((s) => s.terms.map((t) => ({ text: t.text, tags: new Set(t.tags), start: t.offset.start, end: t.offset.start + t.offset.length, post: t.post, pre: t.pre })));
}

const capitalised = (t: Term) => /^[\p{Lu}\d]/u.test(t.text);
const acronym = (s: string) => /^(?:\p{Lu}\.){2,3}$/u.test(s) || /^(?:[A-Z][A-Za-z]?){1,}[A-Z]$/.test(s) && s.length <= 8 && /^[A-Z]/.test(s) && s.replace(/[a-z]/g, '').length >= 2;
/** A name of capitals and a number (G20, G7, COP26): the tagger calls it a common noun. */
const lettersAndNumber = (s: string) => /^\p{Lu}{1,4}\d{1,3}$/u.test(s);
const named = (t: Term) => capitalised(t) && (t.tags.has('ProperNoun') || t.tags.has('Person') || t.tags.has('Place') || t.tags.has('Organization') || acronym(t.text) || lettersAndNumber(t.text) || /^\p{Lu}\p{Ll}+$/u.test(t.text) && !t.tags.has('Verb') && !t.tags.has('Adverb') && !t.tags.has('Determiner') && !t.tags.has('Pronoun') && !t.tags.has('Preposition'));

/** Words an institution's or a place's name is built on before `of`, `for`, `on` (Government of Ethiopia, Committee on Rules, Kingdom of Morocco). */
const OF_HEAD = /^(kingdom|republic|emirates|summit|medal|order|people[’']s|states|isle|cape|lake|mount|port|gulf|bay|sea|school|college|academy|society|center|centre|church|movement|coalition|secretariat|court|office|conference|convention|leader|speaker|battle|siege|treaty|university)$/i;
/** The last word of a military unit's name, which a number before it belongs to (100th Air Refueling Wing). */
const UNIT_WORD = /^(wing|division|brigade|regiment|battalion|squadron|fleet|corps|group|army|airborne|infantry|cavalry|command|district|precinct)$/i;
/** Months' short forms, as a date writes them (6 Jun 2019). */
const MONTH_SHORT = /^(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/u;
/** A firm's legal ending: the last word of its name. */
const LEGAL_END = /^(?:Limited|Ltd\.?|Inc\.?|Incorporated|Corp\.?|Corporation|plc|PLC|LLC|LLP|Holdings)$/u;
/** Words that end a run: a dateline's (Aboard Air Force One En Route Philadelphia). */
const RUN_BREAK = new Set(['En', 'Route', 'Aboard', 'Via']);
/** Time zones and all-capital words of a transcript's furniture (BEGIN VIDEOTAPE, END). */
const FURNITURE = /^(C?E[SD]?T|[CMPA][SD]T|GMT|BST|UTC|BEGIN|END|VIDEOTAPE|VIDEO|CLIP|ROOM|OFF|MIC|CAMERA|COMMERCIAL|BREAK)$/;

/**
 * A title before a name, inside a run or at its start (President Joe Biden, EPA Administrator Michael Regan,
 * Senators Roger Wicker): the list is lang/titles.ts. A title in the plural is one only before a name
 * (`next`: Senators Roger Wicker); alone or before a noun it is a name or a word (Queens, Presidents Day).
 */
const isTitle = (t: Term, next?: Term) => isTitleWord(t.text, { plural: false }) || (isPluralTitle(t.text) ? next !== undefined && personWord(next) : t.tags.has('Honorific'));
/** A title of a person right before a name (Senator Kerry, King Abdullah): not an office's word (the, State). */
const isPersonTitle = (t: Term, next: Term) => isTitleWord(t.text, { plural: false, office: false }) || (isPluralTitle(t.text) ? personWord(next) : t.tags.has('Honorific'));
/** A word that can be (part of) a person's name: a known name, or a proper noun no institution, place or event is named by (Delahunt, not Day). */
const personWord = (t: Term) => /^\p{Lu}/u.test(t.text) && (['Person', 'FirstName', 'LastName'].some((tag) => t.tags.has(tag))
  || (t.tags.has('ProperNoun') && !EVENT_WORD.test(t.text) && !ORG_WORD.test(t.text) && !PLACE_WORD.test(t.text)));
const ofHead = (t: Term) => { const w = t.text.replace(/[’']s$/u, ''); return ORG_WORD.test(w) || PLACE_WORD.test(w) || EVENT_WORD.test(w) || OF_HEAD.test(w); };

/** The last words of a firm's name after `and` (Stifel Nicolaus and Company, Smith & Sons). */
const COMPANY_TAIL = /^(Company|Co\.?|Sons|Partners|Associates)$/;

/**
 * Two places joined by a hyphen (Russia-Ukraine, Israel-Hamas) are two names; a hyphenated name whose
 * part the tagger takes for a place (Sarbanes-Oxley: Oxley) is one, and so is a region named so (Indo-Pacific).
 */
function twoPlaces(x: Term, y: Term): boolean {
  if (isEnglishPlace(`${x.text}-${y.text}`)) return false;
  const known = (t: Term) => t.tags.has('Country') || isEnglishPlace(t.text);
  return (isPlaceTerm(x) && isPlaceTerm(y)) || known(x) || known(y);
}

/** Where a run of names that starts at `i` ends (joined by of, for, on, the, and, hyphens and initials). */
function runEnd(terms: Term[], i: number): number {
  const named3 = namedPlaceRun(terms, i);
  if (named3 > i) return named3;
  let j = i;
  for (;;) {
    const a = terms[j + 1];
    const post = terms[j].post;
    // A hyphen joins (Indo-Pacific, Ocasio-Cortez, Jae-in); an initial's or St.'s full stop does not end it.
    // Not a compound of two countries (Russia-Ukraine) nor a name with a lower-case word (Saudi-led, Riyadh-based).
    if (a && /^[-‐]$/u.test(post) && (/^\p{Lu}/u.test(a.text) ? !twoPlaces(terms[j], a) : a.text.length <= 2)) { j++; continue; }
    // The capital and its district (Washington, D.C.) are one place.
    if (a && a.text === 'D.C.' && terms[j].text === 'Washington' && /^,\s*$/u.test(post)) { j++; continue; }
    const initial = (/^\p{Lu}$/u.test(terms[j].text) || /^(St|Mt|Ft)$/.test(terms[j].text)) && /^\.\s*$/.test(post);
    // Any other mark ends a run: a comma, a full stop, a quotation mark, an ellipsis, a slash.
    if (!a || (!/^\s*$/.test(post) && !initial)) break;
    if (/[(\[“"‘]/.test(a.pre) || /\n/.test(post)) break; // (ASEAN) after a name is its abbreviation; a line ends a name
    if (RUN_BREAK.has(a.text)) break;
    // A surname's lower-case particles (Ursula von der Leyen, Mohammed bin Salman) are the name's.
    const p = particlesAfter(terms, j);
    if (p > j && personWord(terms[j]) && !isTitle(terms[j], a)) { j = p; continue; }
    // A firm's legal ending ends its name (OneSmart … Group Limited | Announces Unaudited Financial Results).
    if (LEGAL_END.test(terms[j].text) && j > i) break;
    // An organisation's possessive ends it (CNN's Alessio Vinci: the network's reporter, two entries);
    // a people's does not (Tigray People’s Liberation Front).
    if (/[’']s$/u.test(terms[j].text) && !/^people[’']s$/iu.test(terms[j].text) && (terms[j].tags.has('Organization') || acronym(terms[j].text.replace(/[’']s$/u, '')))) break;
    // So does a full name's (Lyndon Johnson's White House: the president and the institution, two entries).
    // (Ben Stein's Money, a show, stays whole: what follows must be a name of two words or more itself.)
    if (/[’']s$/u.test(terms[j].text) && j > i && terms[j].tags.has('LastName') && personWord(terms[j - 1]) && a && named(a) && terms[j + 2] && named(terms[j + 2]) && /^\s+$/u.test(a.post)) break;
    // And any possessive before a person's full name, a given name then a surname (the National Review's Kate
    // O'Beirne, Comedy Central's Stephen Colbert: the magazine and its writer, two entries).
    if (/[’']s$/u.test(terms[j].text) && a && a.tags.has('FirstName') && /^\s+$/u.test(a.post) && terms[j + 2]?.tags.has('LastName') && capitalised(terms[j + 2])) break;
    // An elided particle glued to a capitalised word is the name's (Côte d’Ivoire).
    if (a && /^[dl][’']\p{Lu}/u.test(a.text) && /^\s+$/u.test(post)) { j++; continue; }
    // An organisation the lexicon knows whole (Associated Press, General Motors) holds its words, though one alone is no name.
    if (lexiconOrganisation(terms[j], a)) { j++; continue; }
    // A word never an entry alone may still end an institution's name (the State Department, the Biden Administration).
    if (named(a) && (!NOT_NAMES.has(a.text) || ORG_WORD.test(a.text)) && !NOT_NAMES.has(terms[j].text)) { j++; continue; }
    const b = terms[j + 2];
    const c = terms[j + 3];
    // `of`, `for`, `on` join only after the word an institution or place is named on (Government of
    // Ethiopia, Committee on Rules): Duda of Poland, Madrid for NATO, Putin on Wednesday are two words.
    // A day or a month after them is a date, not the name's (NATO Summit on Thursday).
    // Nor does `on` or `for` join a place (Congress on Ukraine: the subject of the engagements, not the body's name).
    if (/^(of|for|on|de|du|la)$/i.test(a.text) && b && named(b) && !b.tags.has('Date') && (ofHead(terms[j]) || isTitle(terms[j]))
      && !(/^(for|on)$/i.test(a.text) && isEnglishPlace(b.text))) { j += 2; continue; }
    if (/^of$/i.test(a.text) && /^the$/i.test(b?.text ?? '') && c && named(c) && !c.tags.has('Date') && (ofHead(terms[j]) || isTitle(terms[j]))) { j += 3; continue; }
    // Not across a title (Yellen and Chair Powell are two people).
    // A firm named for its partners (Stifel Nicolaus and Company): the `and` and its last word are the name's.
    if (/^(and|&)$/i.test(a.text) && b && COMPANY_TAIL.test(b.text) && /^\s*$/.test(a.post)) { j += 2; continue; }
    // An ampersand joins partners' names into one firm's (Ingalls & Snyder, Procter & Gamble).
    // Not titles (Chief Portfolio Officer & IR: two roles).
    if (a.text === '&' && b && capitalised(b) && /^\s+$/.test(post) && /^\s+$/.test(a.post) && !isTitleWord(terms[j].text, { plural: false }) && !COMMON_INITIALS.has(b.text)) { j += 2; continue; }
    if (/^and$/i.test(a.text) && j === i && b && named(b) && terms[j + 3] && named(terms[j + 3]) && !terms[j].tags.has('Place') && !b.tags.has('Place')
      && !isTitle(b, terms[j + 3]) && !b.tags.has('Person')) { j += 2; continue; }
    break;
  }
  return j;
}

/** A surname's particles, written in lower case inside a full name; al and el joined by a hyphen (al-Zawahiri). */
const PARTICLE = /^(von|van|der|den|de|da|di|du|del|della|dos|das|bin|ibn|ter|ten|le|la|al|el)$/u;

/**
 * Where lower-case particles after term `j` and the capitalised name word they introduce end (von der
 * Leyen, bin Salman, al-Zawahiri), or `j` when none follow.
 */
function particlesAfter(terms: Term[], j: number): number {
  let k = j;
  while (terms[k + 1] && PARTICLE.test(terms[k + 1].text) && /^(\s+|[-‐])$/u.test(terms[k + 1].post) && /^\s*$/.test(terms[k].post)) k++;
  return k > j && terms[k + 1] && /^\p{Lu}\p{Ll}/u.test(terms[k + 1].text) ? k + 1 : j;
}

/** Whether term `k` is a particle of the capitalised name after it (von, der of von der Leyen). */
function particleOfName(terms: Term[], k: number): boolean {
  let n = k;
  while (terms[n] && PARTICLE.test(terms[n].text) && /^(\s+|[-‐])$/u.test(terms[n].post)) n++;
  return n > k && terms[n] !== undefined && /^\p{Lu}\p{Ll}/u.test(terms[n].text);
}

/**
 * Where a name whose run starts at `i` really starts: before the lower-case particles of its surname
 * (President von der Leyen: von der Leyen, not Leyen); `i` when none come before it.
 */
function particlesBefore(terms: Term[], i: number): number {
  let k = i;
  while (k > 0 && PARTICLE.test(terms[k - 1].text) && /^(\s+|[-‐])$/u.test(terms[k - 1].post)) k--;
  return k < i && (k === 0 || /^\s+$/u.test(terms[k - 1].post)) ? k : i;
}

/**
 * A building or an institution named in three capitalised words or more, title words included
 * (General Assembly Hall, James S. Brady Press Briefing Room, Prime Minister's Office): where it ends,
 * or `i` when the words from `i` are no such name.
 */
function namedPlaceRun(terms: Term[], i: number): number {
  let k = i;
  while (terms[k + 1] && capitalised(terms[k + 1]) && (/^\s*$/.test(terms[k].post) || /^\p{Lu}$/u.test(terms[k].text) && /^\.\s*$/.test(terms[k].post))
    && !/[(\[“"‘]/.test(terms[k + 1].pre) && !RUN_BREAK.has(terms[k + 1].text)) k++;
  while (k - i >= 2 && !isFixedName(terms.slice(i, k + 1))) k--;
  return k - i >= 2 ? k : i;
}
/** Two capitalised words the tagger's lexicon reads as one organisation's name (Associated Press, General Motors). */
const lexiconOrganisation = (a: Term, b: Term): boolean => capitalised(a) && capitalised(b) && /^\s+$/u.test(a.post)
  && a.tags.has('Organization') && b.tags.has('Organization') && !a.tags.has('Place') && !b.tags.has('Place') && !acronym(a.text) && !acronym(b.text);
const isFixedName = (run: Term[]) => run.length > 2 && /^(hall|room|building|palace|center|centre)$/i.test(run[run.length - 1].text);

/**
 * A run cut to its name: titles before it (President Joe Biden, EPA Administrator Michael Regan,
 * Secretary of Defense Lloyd Austin → the person), a title of a place (Prime Minister of Pakistan,
 * President of the United States → the place), a sentence's first function word, post-nominals.
 */
function trimRun(input: Term[]): Term[] {
  let run = input;
  if (isFixedName(run) || (run.length === 2 && lexiconOrganisation(run[0], run[1]))) return run;
  // Titles and a sentence's function words, in any order (His Excellency Teodor Meleşcanu: the pronoun, then the title).
  for (let before = 0; before !== run.length;) {
    before = run.length;
    while (run.length > 1 && !/^(of|for|on|and)$/i.test(run[1].text) && (NOT_NAMES.has(run[0].text) || RUN_BREAK.has(run[0].text) || run[0].tags.has('Date') || (isTitle(run[0], run[1]) && !ORG_WORD.test(run[run.length - 1].text) && !(PLACE_WORD.test(run[run.length - 1].text) && run.length > 2)))) run = run.slice(1);
    while (run.length > 1 && wordClass(run[0].text) === 'function') run = run.slice(1);
  }
  // A title's qualifier before it (Permanent Representative of India, Acting Deputy Secretary, Executive Director): the title's.
  while (run.length > 2 && /^(Permanent|Acting|Special|Senior|Principal|Deputy|Assistant|Associate|Executive)$/.test(run[0].text) && isTitle(run[1], run[2])) run = run.slice(1);
  while (run.length > 1 && /^(MP|MEP|MSP|AM|QC|KC|Jr|Sr|PhD)\.?$/.test(run[run.length - 1].text)) run = run.slice(0, -1);
  while (run.length > 1 && /^(of|and|for|on|the)$/i.test(run[run.length - 1].text)) run = run.slice(0, -1);
  // A number's word goes (50 percent, two Senators), a name of letters and digits stays (G20 Osaka Summit, COP26).
  while (run.length > 1 && ((run[0].tags.has('Value') && !lettersAndNumber(run[0].text)) || /^(two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)$/i.test(run[0].text))) run = run.slice(1);
  // A run cut inside a hyphenated word (Year-|End Financial, the date word dropped) is a fragment.
  const cut = input.indexOf(run[0]);
  if (cut > 0 && /^[-‐]$/u.test(input[cut - 1].post)) return [];
  // A title the run ends in (Israeli Prime [Minister], National Security Advisor, Crown Prince): an office, no name.
  if (run.length > 1 && (isTitleWord(run[run.length - 1].text, { plural: false }) || (run[run.length - 1].tags.has('Honorific') && !isPluralTitle(run[run.length - 1].text)))) return [];
  // The last title word inside the run introduces the name after it (… Counsel Don McGahn).
  let k = -1;
  for (let x = 0; x < run.length - 1; x++) if (isTitle(run[x], run[x + 1]) && !/^(of|for|on|the|and)$/i.test(run[x + 1].text)) k = x;
  const rest = run.slice(k + 1);
  if (k >= 0 && rest.length <= 3 && rest.some((t) => t.tags.has('Person')) && !rest.some((t) => ofHead(t) || t.tags.has('Place') || t.tags.has('Organization'))) return rest;
  // A title of a place or an office (Minister of Pakistan, Secretary of State): the place, or nothing.
  // `for` too (Minister for Foreign Affairs: an office, no entry).
  if (isTitle(run[0]) && run.length > 2 && /^(of|for)$/i.test(run[1].text)) {
    const the = /^the$/i.test(run[2].text);
    const place = run.slice(the ? 3 : 2);
    // An institution named whole after the title (Chairman of the Federal Reserve, Chair of the House Rules
    // Committee, Executive Director of Security Council Report): the institution; a one-word domain (Leader of
    // the House, Secretary of the Treasury) is not one, nor a two-word one without `the` (Minister of Foreign Affairs).
    if ((the ? place.length >= 2 : place.length >= 3) && !isTitleWord(place[0].text, { plural: false })) return place;
    if (!ORG_WORD.test(run[run.length - 1].text)) {
      // Only a place is left of it (Pakistan, the United States); an office's domain is not (the Exchequer, State).
      const known = place.length && (place.some(isPlaceTerm) || isEnglishPlace(place.map((t) => t.text).join(' ')) || (place.length === 1 && acronym(place[0].text)));
      return known ? place : [];
    }
  }
  return run;
}

/**
 * Whether a sentence is a headline in title case (CNN's Bush Hours Away, Pat Tillman Killed): every
 * word capitalised but the short function words, so its capitals name nothing.
 */
function headline(terms: Term[]): boolean {
  const words = terms.filter((t) => /^\p{L}/u.test(t.text));
  const lower = words.filter((t) => /^\p{Ll}/u.test(t.text) && !/^(a|an|the|of|in|on|at|to|for|and|or|with|from|by|as|vs)$/.test(t.text));
  if (words.length < 3 || lower.length || words.every((t) => /^[\p{Lu}\d.]+$/u.test(t.text))) return false;
  // A line of names in title case (Prime Minister's Office, 10 Downing Street) is no headline: a headline
  // capitalises a verb or an adverb the tagger takes for no name (Killed, Prepares, Away).
  // …or a verb after to (Prime Minister Khurelsukh of Mongolia to Visit Japan).
  if (words.some((t, k) => k > 0 && words[k - 1].text === 'to' && /^\p{Lu}/u.test(t.text) && tagsOf(t.text.toLowerCase()).includes('VB') && !NAME_TAGS.some((tag) => t.tags.has(tag)))) return true;
  return words.some((t) => t.text.length >= 3 && /^(VB[DNPZ]?|RB)$/.test(tagsOf(t.text.toLowerCase())[0] ?? '') && !['Place', 'Organization', 'Country', 'City', 'FirstName', 'LastName'].some((tag) => t.tags.has(tag)));
}

/** In a headline, a capitalised word is a name only when the tagger knows it as one and it is no common word (Killed). */
// A middle initial, full stop or not (Jason B Bazinet), is a name's in a headline too.
const headlineName = (t: Term) => acronym(t.text) || /^\p{Lu}\.?$/u.test(t.text) || ['Place', 'Organization', 'Country', 'City'].some((tag) => t.tags.has(tag))
  // A last name that is also a common verb or adverb (Kerry Prepare: the tagger's LastName) is the headline's verb.
  || t.tags.has('FirstName') || (t.tags.has('LastName') && !/^(VB|RB|JJ)/.test(tagsOf(t.text.toLowerCase())[0] ?? ''))
  || (t.tags.has('Person') && wordClass(t.text.toLowerCase()) === 'unknown');

const NAME_TAGS = ['Person', 'Place', 'Organization', 'Country', 'City'];

/** What a run of names is: an organisation, a place, a person or (an event, a document) a subject. */
function kindOfRun(run: Term[], term: string): Candidate['kind'] {
  const last = run[run.length - 1];
  const isPerson = run.some((t) => t.tags.has('Person') && !t.tags.has('Honorific')) && !run.some((t) => t.tags.has('Organization') || t.tags.has('Place'));
  if (run.length === 1 && acronym(term) && !run[0].tags.has('Country')) return 'organisation';
  if (CUT_FROM_FIRM.has(run[0])) return 'person';
  if (ORG_WORD.test(last.text.replace(/[’']s$/u, '')) && (run.length > 1 || /^(congress|parliament|senate|nato|cabinet)$/i.test(last.text)) || run.some((t) => t.tags.has('Organization'))) return 'organisation';
  if (PLACE_WORD.test(last.text) && run.length > 1 || run.some((t) => t.tags.has('Place') || t.tags.has('Country') || t.tags.has('City'))) return 'place';
  // A document's name ends in its kind (National Audit Bill, Fair Housing Act): no person, though Bill is a first name too.
  if (isPerson && !(run.length > 1 && /^(bill|act|law|order|regulations)$/i.test(last.text))) return 'person';
  // Two or three unknown capitalised words that name no event or document: a person (Bull Holsey); not when
  // the last is a plural noun or a number the lexicon knows (National Accounts, Commencement Exercises, the Big
  // Four): no surname is one, and the words name a thing (properPair: a subject kept as a name is).
  if (properPair(run) && !/^(NNS|NNPS|CD)$/.test(tagsOf(last.text.toLowerCase())[0] ?? '')) return 'person';
  return 'subject';
}

/** Two or three capitalised words the tagger calls proper nouns, no initialism, no event's or document's word: a
 * person's name, or, as a subject (National Accounts), a thing's, weighed as a named event is (nameCandidates). */
const properPair = (run: Term[]): boolean => run.length >= 2 && run.length <= 3 && run.every((t) => t.tags.has('ProperNoun') && !acronym(t.text)) && !run.some((t) => EVENT_WORD.test(t.text));

/** A word the lexicon knows as a common word (hold, conference), not a proper noun nor unknown to it (Hanover). */
const commonWord = (word: string): boolean => !acronym(word) && /^(NN|NNS|VB\w*|JJ\w*|RB\w*|IN|CD)$/.test(tagsOf(word.toLowerCase())[0] ?? '');

/** Capitalised words the text also capitalises inside a sentence: names, not a sentence's first word. */
function midCapitals(sentences: Term[][]): Set<string> {
  const out = new Set<string>();
  for (const terms of sentences) for (let i = 1; i < terms.length; i++) if (capitalised(terms[i]) && !/[.:“"”—!?]\s*$/u.test(terms[i - 1].post)) out.add(terms[i].text);
  return out;
}

/** Whether a one-word run is no name: a capitalised function or expressive word, a word only a sentence starts with, furniture. */
function loneWordIsNoName(t: Term, term: string, mid: Set<string>): boolean {
  if (FURNITURE.test(term) || NOT_NAMES.has(term[0] + term.slice(1).toLowerCase())) return true;
  // A chief officer's initials (CEO, CFO, CSO, CMO): a role, as the titles' ceo and cfo are.
  if (/^C[A-Z]{1,2}O$/u.test(term)) return true;
  // A common word in capitals (the 14-18 NOW programme) is no acronym; a country's (US) is.
  if (/^\p{Lu}+$/u.test(term) && ['function', 'expressive'].includes(wordClass(term.toLowerCase())) && !isPlaceTerm(t) && !isEnglishPlace(term)) return true;
  if (acronym(term) || NAME_TAGS.some((tag) => t.tags.has(tag))) return false;
  // It, We, Her, That, Hey, I'll: the part-of-speech lexicon the reader uses says which (nouns such as Budget or Pentagon stay).
  if (/^\p{Lu}\p{Ll}*[’'](ll|m|ve|re|d)$/u.test(term) || ['function', 'expressive'].includes(wordClass(term))) return true;
  return !mid.has(t.text);
}

/** A sentence cut at its line ends: a heading or a dateline on its own line is read alone. */
function byLine(terms: Term[]): Term[][] {
  const out: Term[][] = [[]];
  for (const t of terms) { out[out.length - 1].push(t); if (/\n/.test(t.post)) out.push([]); }
  return out.filter((l) => l.length);
}

/** How a one-word name is used: after a title (Senator Kerry), as a first name alone (Laura), or to address someone (Thanks, Jon.). */
export interface NameUse { titled: boolean; firstName: boolean; addressed: boolean }

/**
 * How one one-word run is used. A first name is what the tagger knows as one (FirstName, not also a
 * LastName); a word is addressed when it stands between a comma or a sentence start and the sentence's
 * end (Go ahead, Jeff. / Jon? / Thank you, Karine.), or opens a sentence before a comma as a first name
 * (Kyra, thanks) or as the one a question is put to (Karine, can you give us an update?), or stands as a first
 * name between commas (Well, Trevor, I think… / With that, Colleen, welcome back.).
 */
function nameUse(terms: Term[], at: number, titled: boolean): NameUse {
  const t = terms[at];
  const firstName = t.tags.has('FirstName') && !t.tags.has('LastName');
  const before = at === 0 || /,\s*$/u.test(terms[at - 1].post);
  const ends = /^\s*[.?!]/u.test(t.post) || at === terms.length - 1;
  // Opening a question before a comma (Karine, can you give us an update?) is calling on someone too.
  const question = /\?/u.test(terms[terms.length - 1].post) || /\?$/u.test(terms[terms.length - 1].text);
  // A first name between commas mid-sentence is said to the person (as you know, Peter, to be a part of…).
  // Thanked by name (Thank you very much Mark, it's great to be here): said to the person, comma or none.
  const thanked = firstName && /^\s*[,.!]/u.test(t.post) && terms.slice(Math.max(0, at - 4), at).some((x) => /^(thank|thanks)$/iu.test(x.text)) && /^(you|much|thanks)$/iu.test(terms[at - 1]?.text ?? '');
  const addressed = before && ends || thanked || (at === 0 && /^\s*,/u.test(t.post) && (firstName || question)) || (before && firstName && /^\s*,/u.test(t.post));
  return { titled, firstName, addressed: addressed || (firstName && listedFirstName(terms, at)) };
}

/**
 * A first name in a list of bare names (some great students here, I think Lucy, Caleb, Shantel, and Alex): people
 * named in passing, by first name only, as a reporter called on is; no entry. A neighbour in the list is a single
 * capitalised word, the tagger's first name or proper noun, a comma (and an `and`) between.
 */
function listedFirstName(terms: Term[], at: number): boolean {
  const bare = (k: number) => terms[k] !== undefined && (terms[k].tags.has('FirstName') || terms[k].tags.has('ProperNoun')) && /^\p{Lu}\p{Ll}+$/u.test(terms[k].text)
    && !(terms[k - 1] && /^\s+$/u.test(terms[k - 1].post) && capitalised(terms[k - 1])) && !(terms[k + 1] && /^\s+$/u.test(terms[k].post) && capitalised(terms[k + 1]));
  const and = (k: number) => terms[k]?.text === 'and';
  const after = /^,\s*$/u.test(terms[at].post) && (bare(at + 1) || (and(at + 1) && bare(at + 2)));
  const before = at > 0 && ((/^,\s*$/u.test(terms[at - 1].post) && bare(at - 1)) || (and(at - 1) && /^,?\s*$/u.test(terms[at - 2]?.post ?? '') && bare(at - 2)));
  return after || before;
}

/** A label in capitals opening a line, up to its colon (BEN STEIN, ACTOR/TV HOST:): where it ends and where its name ends (the first comma, or the colon). */
function capsLabelEnd(text: string, terms: Term[]): { end: number; comma: number } | undefined {
  const from = terms[0].start;
  const m = /^(\p{Lu}[\p{Lu}.'’ -]+?)((?:\s*\([^)]{1,12}\))?(?:,[\p{Lu}\d .,'’/&()-]*)?):/u.exec(text.slice(from, from + 120));
  if (!m || !/\p{Lu}{2}/u.test(m[1]) || m[1].trim().split(/\s+/u).length > 5) return undefined;
  return { end: from + m[0].length, comma: from + m[1].length };
}

/**
 * Where an institution ends when one run of capitals names it and then a person (the run's end `j`
 * otherwise): before a title and the name after it (United States Agency for International Development |
 * Administrator Power; National Security Council | Coordinator John Kirby), or before a last name right
 * after the institution's word (White House Gender Policy Council | Klein). The rest is read as a run of its own.
 */
function institutionEnd(terms: Term[], i: number, j: number): number {
  const orgEnd = (t: Term) => ORG_WORD.test(t.text) || (t.tags.has('Organization') && !t.tags.has('Person'));
  for (let x = j - 1; x > i + 1; x--) {
    if (isTitle(terms[x], terms[x + 1]) && !/^(of|for|on|the|and)$/i.test(terms[x + 1].text) && orgEnd(terms[x - 1]) && j - x <= 3
      && !ORG_WORD.test(terms[j].text) && !PLACE_WORD.test(terms[j].text)) return x - 1;
  }
  const last = terms[j];
  if (j - i >= 2 && ORG_WORD.test(terms[j - 1].text) && (last.tags.has('LastName') || last.tags.has('FirstName')) && !last.tags.has('Organization') && !ORG_WORD.test(last.text)) return j - 1;
  return j;
}

/**
 * A line's first word, a noun, before a capitalised word after a space (Comedy Central's Stephen Colbert): the
 * name's first word, not a sentence's capital; without it the name would come out cut (Central).
 */
const nounBeforeName = (terms: Term[]): boolean => terms.length > 1 && /^ $/u.test(terms[0].post) && /^NNS?$/.test(tagsOf(terms[0].text.toLowerCase())[0] ?? '')
  && !terms[0].tags.has('Date') && named(terms[1]) && !isTitle(terms[1]) && !terms[1].tags.has('FirstName');

/**
 * A run the next word makes an office (the Special Inspector | General for the pandemic recovery, the Solicitor |
 * General): the office's first words, no name, when they are common words (a name before a title stays: Reading
 * East Member, United States Agency for International Development Administrator).
 */
const officeAhead = (terms: Term[], j: number, run: Term[]): boolean => {
  const next = terms[j + 1];
  return run.every((t) => commonWord(t.text) && !t.tags.has('Person') && !t.tags.has('Place')) && next !== undefined && /^ $/u.test(terms[j].post) && /^\p{Lu}\p{Ll}/u.test(next.text) && isTitleWord(next.text, { plural: false });
};

/** Names (people, places, organisations) and capitalised events of one text, as runs of capitalised words. */
function nameCandidates(text: string, sentences: Term[][], add: (kind: Candidate['kind'], term: string, start: number, score: number, named?: boolean, proper?: boolean) => void, used: (term: string, use: NameUse) => void = () => {}, trace?: RejectTrace): void {
  const mid = midCapitals(sentences);
  for (const terms of sentences.flatMap(byLine)) {
    // A sentence in capitals (THIS IS A RUSH TRANSCRIPT) has no names to tell by their capitals.
    const letters = terms.map((t) => t.text).join('');
    if ((letters.match(/\p{Lu}/gu) ?? []).length > 0.6 * (letters.match(/\p{L}/gu) ?? []).length && terms.length > 3) continue;
    // A speaker's label in capitals the reader left in the text (BEN STEIN, ACTOR/TV HOST: …; COL. JAMES YONTS,
    // U.S. ARMY: …): the person it names, and no entry of its title's words (HOST, TV, U.S.).
    const label = capsLabelEnd(text, terms);
    if (label) {
      const person = labelPerson(text.slice(terms[0].start, label.comma))?.toUpperCase();
      const at = person ? text.indexOf(person, terms[0].start) : -1;
      if (person && at >= 0 && at < label.comma) add('person', person, at, 2);
    }
    // In a headline in title case, only what the tagger knows as a name.
    const strict = headline(terms);
    const ok = (t: Term) => named(t) && (!strict || headlineName(t));
    for (let i = 0; i < terms.length; i++) {
      // A line's first word is a name when the tagger says so or the text capitalises it mid-sentence too (Stifel).
      if (label && terms[i].start < label.end) continue;
      if (!ok(terms[i]) || (i === 0 && !terms[i].tags.has('ProperNoun') && !acronym(terms[i].text) && !mid.has(terms[i].text) && !nounBeforeName(terms))) continue;
      let j = personBeforeFirm(terms, i, institutionEnd(terms, i, runEnd(terms, i)));
      if (strict) { let k = i; while (k < j && ok(terms[k + 1])) k++; j = k; }
      const trimmed = trimRun(terms.slice(i, j + 1));
      const from = trimmed.length && trimmed[0] === terms[i] ? particlesBefore(terms, i) : i;
      const run = [...terms.slice(from, i), ...trimmed];
      // Title case run on after a firm's legal ending is its announcement's headline (… Group Limited Announces
      // Unaudited Financial Results), no name.
      const announcement = i > 0 && LEGAL_END.test(terms[i - 1].text) && /^\s+$/u.test(terms[i - 1].post)
        // …and a run that starts inside a hyphenated name (BRICS-|Africa Outreach) is its fragment.
        || (i > 0 && /^[-‐]$/u.test(terms[i - 1].post) && j > i) || officeAhead(terms, j, run);
      i = j;
      // A title alone names nobody, nor does a form of address in the plural (their Majesties); a plural title
      // alone may be a name (Queens, the borough).
      if (!run.length || announcement || (run.length === 1 && (isTitle(run[0]) || /^(Majesties|Highnesses|Excellencies)$/u.test(run[0].text)))) continue;
      // In a headline, common words the tagger calls an organisation (to Hold Conference Call) name nothing.
      if (strict && run.length > 1 && run.every((t) => commonWord(t.text) && !t.tags.has('Person'))) continue;
      const term = text.slice(run[0].start, run[run.length - 1].end);
      // Nationalities (Eritrean, Ukrainians) are no entries; a country is (Philippines, Bahamas).
      // A surname ending like a nationality (Berlusconi) is a person when the tagger says so.
      if (run.length === 1 && DEMONYM.test(term) && !(run[0].tags.has('Place') && !/ans$/u.test(term)) && !isEnglishPlace(term)
        && !(run[0].tags.has('Person') && !run[0].tags.has('Demonym'))) { trace?.(term, 'place', 'nationality'); continue; }
      if (run.length === 1 && loneWordIsNoName(run[0], term, mid)) { trace?.(term, 'subject', 'a lone word that names nothing'); continue; }
      // Nationalities in a row (Palestinian American, Russian and Ukrainian) describe people; they name nobody.
      if (run.length > 1 && run.every((t) => t.tags.has('Demonym') || /^(and|or)$/i.test(t.text)) && !isEnglishPlace(term)) continue;
      if (groupOfPeople(run, term)) continue; // A word after a title is a person's name (Secretary Blinken), a known country or region a place.
      const at = terms.indexOf(run[0]);
      const titled = at > 0 && isPersonTitle(terms[at - 1], terms[at]) && !run.some((t) => t.tags.has('Place') || t.tags.has('Organization'));
      let kind: Candidate['kind'] = isEnglishPlace(term) ? 'place' : kindOfRun(run, term);
      if (kind === 'subject' && titled && run.length <= 3) kind = 'person';
      if (ordinalUnit(terms, at, run)) { add('organisation', text.slice(terms[at - 1].start, run[run.length - 1].end), terms[at - 1].start, 2); continue; }
      // A named event or document (Battle of Jutland, Summit of the Future) is salient as a name is, said once or more.
      const namedEvent = run.length >= 3 && run.some((t) => /^of$/i.test(t.text));
      // A capital The inside a sentence names what follows (in Room H-313, The Capitol; The Hague): a proper name, though a common word.
      const theName = at > 1 && terms[at - 1].text === 'The' && !/[.:!?“"]\s*$/u.test(terms[at - 2].post) && !/\n/u.test(terms[at - 2].post);
      add(kind, term, run[0].start, kind !== 'subject' ? 2 : namedEvent || theName || properPair(run) ? 1.2 : 1, kind === 'subject' && (namedEvent || properPair(run)), kind === 'subject' && (theName || properPair(run)));
      if (run.length === 1 && kind !== 'place' && kind !== 'organisation') used(term, nameUse(terms, at, titled));
    }
  }
}

/**
 * A participant's name run into the firm after it, where a roll's lines were joined (Charles Carey Formula One
 * Group, Jason B Bazinet Citigroup Inc, Jeffrey Duncan Wlodarczak Pivotal Research Group LLC): a run that starts
 * at a first name and ends in an organisation's word is cut before the first word the lexicon knows as a common
 * word, when two to four name words come before it. Returns where the first run ends.
 */
const CUT_FROM_FIRM = new WeakSet<Term>();
function personBeforeFirm(terms: Term[], i: number, j: number): number {
  if (!(terms[i].tags.has('FirstName') || terms[i + 1]?.tags.has('FirstName')) || j - i < 3 || !(ORG_WORD.test(terms[j].text) || LEGAL_END.test(terms[j].text))) return j;
  // (The tagger's Organization tag is no help here: in such a run it tags the person's words so too.)
  const firmWord = (t: Term) => commonWord(t.text) && !t.tags.has('Person') && !/^\p{Lu}\.?$/u.test(t.text);
  // A first name, a middle initial (with or without its full stop) and the surname are the whole name (Jason B
  // Bazinet | Citigroup Inc, whose firm word the lexicon does not know).
  if (terms[i].tags.has('FirstName') && /^\p{Lu}\.?$/u.test(terms[i + 1].text) && j - i >= 4) { CUT_FROM_FIRM.add(terms[i]); return i + 2; }
  for (let k = i + 2; k <= Math.min(i + 4, j - 1); k++) {
    if (!firmWord(terms[k])) continue;
    if (terms.slice(i + 1, k).some(firmWord)) return j;
    // The person's words are no organisation's, whatever the tagger said of the joined run (kindOfRun).
    CUT_FROM_FIRM.add(terms[i]);
    return k - 1;
  }
  return j;
}

/** A nationality and a plural common noun (European Allies, Asian Americans): a group of people, no name. */
function groupOfPeople(run: Term[], term: string): boolean {
  return run.length === 2 && (run[0].tags.has('Demonym') || DEMONYM.test(run[0].text)) && /s$/u.test(run[1].text) && commonWord(run[1].text)
    && !ORG_WORD.test(run[1].text) && !isEnglishPlace(term);
}

/**
 * A unit's ordinal before its name (100th Air Refueling Wing, 82nd Airborne Division): the unit's name, an
 * organisation. Not an occasion's count (the 140th Commencement Exercises are the Commencement Exercises).
 */
function ordinalUnit(terms: Term[], at: number, run: Term[]): boolean {
  return at > 0 && run.length >= 2 && /^\d+(?:st|nd|rd|th)$/u.test(terms[at - 1].text) && /^\s+$/u.test(terms[at - 1].post) && UNIT_WORD.test(run[run.length - 1].text);
}

/** Candidates of one English text (the book's body text). */
/** Short words a title leaves in lower case (Journal of the Plague Year). */
const TITLE_SMALL = /^(a|an|the|of|in|on|at|to|for|and|or|with|from|by|as|vs)$/;

/**
 * A work's title in quotation marks with its subtitle after a colon ("Bill Moyers Journal: The Conversation
 * Continues"): one title, not a name and a fragment cut at the colon. Every word capitalised but a title's
 * small words, not all in capitals (a programme's furniture, "IRAQ: A WEEK AT WAR").
 */
function quotedTitles(text: string): { title: string; start: number }[] {
  const out: { title: string; start: number }[] = [];
  for (const m of text.matchAll(/[“"]([^“”"\n\[\]]{3,100}?:\s[^“”"\n\[\]]{2,100}?)[,.]?[”"]/gu)) {
    const title = m[1].trim();
    const words = title.split(/[\s:]+/u).filter((w) => /^\p{L}/u.test(w));
    if (words.length < 3 || title === title.toUpperCase() || !words.every((w, k) => /^\p{Lu}/u.test(w) || (k > 0 && TITLE_SMALL.test(w)))) continue;
    out.push({ title, start: m.index! + m[0].indexOf(title) });
  }
  // …and one in title case with its colon, unquoted, after called or titled (a series called Judy Woodruff Presents:
  // America at a Crossroads): the whole title, not a person "Judy Woodruff Presents" and a place.
  for (const m of text.matchAll(/\b(?:called|titled|entitled)\s+(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+)*?:\s+\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+)*?)(?=[.,;!?]|\s*$)/gmu)) {
    const words = m[1].split(/[\s:]+/u);
    if (words.length >= 3 && words.length <= 12 && words.every((w, k) => /^\p{Lu}/u.test(w) || (k > 0 && TITLE_SMALL.test(w)))) out.push({ title: m[1], start: m.index! + m[0].indexOf(m[1]) });
  }
  return out;
}

export function englishCandidates(text: string, trace?: RejectTrace): Candidate[] {
  const found = new Map<string, Candidate>();
  let source = 'bracketedActs';
  const add = (kind: Candidate['kind'], term: string, start: number, score: number, named = false, proper = false, compound = false): void => {
    // A final full stop stays on an initialism (U.S., D.C.).
    // A possessive may be written with a backtick, as news databases print an apostrophe (California`s).
    term = term.replace(/[’'`]s$/u, '').replace(/(?<!(?:^|\.)\p{Lu})[.,;:!?)]+$/u, '').replace(/[,;:!?)]+$/u, '').trim();
    if (term.length < 2 || NOT_NAMES.has(term) || COMMON_INITIALS.has(term) || LABEL_ROLES.has(term) || SETTING.has(term) || LEGAL_END.test(term) || (/^\d/.test(term) && !/^\d+(?:st|nd|rd|th)\s\p{Lu}/u.test(term))) return;
    // Two names a slash joins (a heading's Clare Short/Katharine Gun): two entries, each where it is written.
    const slash = kind !== 'subject' ? /^(\p{Lu}[^/]*?\p{L})\/(\p{Lu}.*)$/u.exec(term) : null;
    if (slash) { add(kind, slash[1], start, score); add(kind, slash[2], start + slash[1].length + 1, score); return; }
    // A month's short form between a day and a year is a date (6 Jun 2019).
    // …or before a day (Oct. 21, 2007).
    if (MONTH_SHORT.test(term) && (/\d\s+$/u.test(text.slice(Math.max(0, start - 4), start)) || /^\.?\s*\d/u.test(text.slice(start + term.length, start + term.length + 4)))) return;
    if (US_STATE_CODE.test(term) && /\p{Lu}\p{Ll}+,\s*$/u.test(text.slice(Math.max(0, start - 20), start))) return;
    const c = found.get(term) ?? { term, kind, aliases: [], count: 0, first: start, score: 0, source };
    if (c.kind === 'subject' && kind !== 'subject') c.kind = kind;
    c.score = Math.max(c.score, score);
    if (named) c.named = true;
    if (proper) c.properName = true;
    if (compound) c.compound = true;
    found.set(term, c);
  };
  const sentences = termsOf(text);
  // An act or a bill with its subject in brackets (the Marriage (Same Sex Couples) Bill, European Union
  // (Withdrawal) Act 2018) is one named document: the tagger reads the words in and around the brackets apart.
  // Its subject may join two fields by `and` (the Public Services (Social Enterprise and Social Value) Bill).
  for (const m of text.matchAll(/(?:\p{Lu}[\p{L}'’-]*\s+)+\((?:(?:\p{Lu}[\p{L}'’-]*|and)\s*)+\)\s+(?:Bill|Act)(?:\s+\d{4})?/gu)) add('subject', m[0], m.index!, 1.2, true);
  // So is one whose title joins two fields by `and` (the Budget Responsibility and National Audit Bill, the
  // Parliamentary Voting System and Constituencies Bill): the tagger ends a name at the `and`.
  for (const m of text.matchAll(/(?<![\p{L}'’-])(?:\p{Lu}[\p{L}'’-]*\s+)+and\s+(?:\p{Lu}[\p{L}'’-]*\s+)+(?:Bill|Act)(?:\s+\d{4})?(?![\p{L}])/gu)) add('subject', m[0], m.index!, 1.2, true);
  source = 'quotedTitles';
  for (const { title, start } of quotedTitles(text)) add('subject', title, start, 1.2, true);
  const uses = new Map<string, NameUse[]>();
  source = 'nameCandidates';
  nameCandidates(text, sentences, add, (term, use) => uses.set(term, [...uses.get(term) ?? [], use]), trace);
  source = 'nounPhrases';
  nounPhrases(text, sentences, add);
  source = 'rollNames';
  // A roll's names are people though the tagger read some as words (Sessions) or subjects.
  for (const { term, start } of rollNames(text)) { add('person', term, start, 2); const c = found.get(term); if (c) c.kind = 'person'; }
  for (const [term, c] of found) {
    if (c.kind !== 'subject' || c.properName || !commonWordAlone(term)) continue;
    if (institutionByCapital(text, term, found)) { c.kind = 'organisation'; c.score = Math.max(c.score, 2); continue; }
    found.delete(term);
    trace?.(term, c.kind, 'a capitalised common word alone');
  }
  const mid = midCapitals(sentences);
  for (const [term, c] of found) if (c.kind === 'subject' && unknownProperNoun(term, mid)) c.properName = true;
  for (const c of found.values()) {
    c.count = countWords(text, c.term);
    const firstName = firstNameOnly(uses.get(c.term) ?? []);
    if (firstName) c.firstName = firstName;
  }
  return [...found.values()].filter((c) => (c.count > 0 || (trace?.(c.term, c.kind, 'no whole-word use'), false))
    && (!falseStart(text, c.term) || (trace?.(c.term, c.kind, 'a word cut short'), false)));
}

/**
 * A term the speaker broke off and said again (the Bipartisan Infrastruc- — Infrastructure Law, Big Fo- — with the
 * Big Four): its last word is cut short, a hyphen and a pause after it, wherever the text writes it.
 */
function falseStart(text: string, term: string): boolean {
  const esc = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])(.{0,2})`, 'gsu'))];
  return all.length > 0 && all.every((m) => /^[-‐](?:\s|[—–-])/u.test(m[1]));
}

/**
 * A common noun the text capitalises after `the` or `this` and never writes in lower case (the Pentagon,
 * the Journal, the Executive, this Government, the Fed): the text's name of an institution, not the word.
 * Not a document's or an event's word (the Act, the Summit: a longer name's fragment), not a word that
 * only starts a longer name (the Marriage (Same Sex Couples) Bill), not the firm speaking of itself (the
 * Company), and not the short form of a longer organisation's first word (Fed of Federal Reserve); nor a word
 * a number follows (the Title 19, the Flight 93 Memorial: the numbered thing is named, not the word).
 */
function institutionByCapital(text: string, term: string, found: Map<string, Candidate>): boolean {
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(term) || !/^NN$/.test(tagsOf(term.toLowerCase())[0] ?? '') || EVENT_WORD.test(term) || term === 'Company') return false;
  if (new RegExp(`(?<![\\p{L}])${term.toLowerCase()}(?![\\p{L}])`, 'u').test(text)) return false;
  const the = new RegExp(`(?<![\\p{L}])(?:the|this) ${term}(?![\\p{L}])(?![ \\t]*[(\\p{Lu}\\p{N}])`, 'u');
  if (!the.test(text)) return false;
  return ![...found.values()].some((o) => o.kind === 'organisation' && o.term.split(/\s+/u).some((w) => w !== term && w.startsWith(term)));
}

/**
 * Whether a one-word name is only ever a first name: never after a title (Senator Kerry, King Abdullah
 * are names by which the text calls a person), and either a first name to the tagger or said only to
 * address someone. `addressed` when most uses address someone (a reporter called on: Go ahead, Jeff.): half of
 * them for a first name the tagger knows, two thirds for any other word (Thank you, Karine. / Karine — /
 * Karine, the Queen has died.: a name the lexicon does not hold is called on as surely).
 */
export function firstNameOnly(uses: NameUse[]): 'addressed' | 'alone' | undefined {
  if (!uses.length || uses.some((u) => u.titled)) return undefined;
  const addressed = uses.filter((u) => u.addressed).length;
  if (addressed * 2 >= uses.length && (addressed * 3 >= uses.length * 2 || uses.every((u) => u.firstName))) return 'addressed';
  return uses.every((u) => u.firstName) ? 'alone' : undefined;
}

/** Adjectives that judge or place rather than class (a possible base, an important step, the current period): no term starts with one. */
const VAGUE_MODIFIER = new Set(('possible potential likely unlikely important significant real good great big bad new old whole certain particular specific dangerous '
  + 'various different additional other several serious clear huge major main broad broader overall current previous recent ongoing further next last '
  + 'same entire full very real true strong little large small high low best better worst biggest first second third final initial early late '
  + 'critical key detailed').split(' '));

/** A word the lexicon reads first as an adverb or a particle (go ahead, looking forward, step forward): no part of a
 * noun phrase. (Not a verb: many nouns are first a verb to the lexicon, lead, run, permit.) */
const adverb = (word: string): boolean => /^(RB|RBR|RBS|RP)$/.test(tagsOf(word)[0] ?? '');

/**
 * A capitalised word alone that the lexicon knows as a common word (Summit, Agreement, Allies, Title: a
 * word written with a capital as the start of a name the text shortens, or a document's heading) is no
 * subject; a word it does not know (Brexit, Omicron) or knows as a proper noun may be.
 */
export const commonWordAlone = (term: string): boolean => !/\s/u.test(term) && /^\p{Lu}/u.test(term)
  && !/^NNPS?$/.test(tagsOf(term.toLowerCase())[0] ?? 'NNP');

/**
 * A word alone, capitalised mid-sentence, that the lexicon does not know (Hamas, Auschwitz): a proper name.
 * Not the plural of a word it knows (Jews, Nazis, Israelis: a people, not a name of the book's).
 */
const unknownProperNoun = (term: string, mid: Set<string>): boolean => {
  const unknown = (w: string) => wordClass(w) === 'unknown' && (tagsOf(w)[0] ?? '') === '';
  const lower = term.toLowerCase();
  return /^\p{Lu}\p{Ll}{2,}$/u.test(term) && mid.has(term) && unknown(lower) && !(lower.endsWith('s') && !unknown(lower.slice(0, -1)));
};

/**
 * Subjects: noun phrases of two to four words (climate crisis, cessation of hostilities agreement)
 * that hold a word the genre does not use everywhere.
 */
function nounPhrases(text: string, sentences: Term[][], add: (kind: Candidate['kind'], term: string, start: number, score: number, named?: boolean, proper?: boolean, compound?: boolean) => void): void {
  const phrases = new Map<string, { count: number; start: number; rare: number; compound: boolean }>();
  for (const terms of sentences) {
    for (let i = 0; i < terms.length; i++) {
      // A phrase that starts inside a hyphenated word (top-to-|bottom review) is its fragment.
      if (i > 0 && /^[-‐]$/u.test(terms[i - 1].post)) continue;
      // A phrase whose first word is the unit or measure of the number before it (25 | percent tariff,
      // 10 | mile radius: the tagger's Unit or Currency) is the number's fragment.
      if (i > 0 && terms[i - 1].tags.has('Value') && (terms[i].tags.has('Unit') || terms[i].tags.has('Currency'))) continue;
      for (let j = i + 1; j < Math.min(i + 5, terms.length); j++) {
        const run = terms.slice(i, j + 1);
        if (run.slice(0, -1).some((t) => /[,;:.!?()—–]/.test(t.post))) break;
        const words = run.map((t) => t.text.toLowerCase().replace(/[’']s$/u, ''));
        // A term starts with the word that classes it, never a judgement (possible, important): those
        // phrases are said, not named; the phrase from the next word on is tried in its turn.
        if (VAGUE_MODIFIER.has(words[0])) break;
        // A surname's particles before its capitalised word (von der | Leyen) are the name's, no phrase.
        if (run.some((_t, k) => particleOfName(terms, i + k))) break;
        const ok = run.every((t, k) => (k > 0 && words[k] === 'of') || (!capitalised(t) && !adverb(words[k])
          && (t.tags.has('Noun') || t.tags.has('Adjective')) && !t.tags.has('Pronoun') && !t.tags.has('Date') && !t.tags.has('Value') && !STOP.has(words[k])
          // A word the lexicon reads first as a preposition or another function word (under federal law) is no term's.
          && wordClass(words[k]) !== 'function'
          // A page's separator (Read whole briefing | Comments) is no word.
          && /\p{L}/u.test(words[k])));
        if (!ok) break;
        const head = run[run.length - 1];
        if (!head.tags.has('Noun') || words[0] === 'of' || words[words.length - 1] === 'of') continue;
        // An office said without its holder (prime minister, deputy secretary: lang/titles.ts) names a person, no subject.
        if (words.every((w) => isTitleWord(w, { plural: false }))) continue;
        const rare = words.filter((w) => w !== 'of' && genreDf('en', w) < 0.25);
        if (rare.length === 0) continue;
        const phrase = words.join(' ');
        // Nouns before the head, no adjective and no of (gas prices, debt relief, human rights): a compound.
        const compound = run.slice(0, -1).every((t, k) => words[k] !== 'of' && t.tags.has('Noun') && !t.tags.has('Adjective'));
        const p = phrases.get(phrase) ?? { count: 0, start: run[0].start, rare: 0, compound };
        p.count++;
        p.rare = rare.length / words.filter((w) => w !== 'of').length;
        phrases.set(phrase, p);
      }
    }
  }
  for (const [phrase, p] of phrases) {
    const source = text.slice(p.start, p.start + phrase.length);
    add('subject', source.toLowerCase() === phrase ? source : phrase, p.start, 0.5 + 0.5 * p.rare + 0.3 * Math.min(p.count - 1, 3), false, false, p.compound);
  }
}

/** Occurrences of a phrase as whole words (case-sensitive for names, not for lower-case subjects). */
export function countWords(text: string, term: string): number {
  const esc = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const flags = /^\p{Ll}/u.test(term) ? 'giu' : 'gu';
  return (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, flags)) ?? []).length;
}

/** Words a firm's full name ends in after its short name (Hanover Capital Mortgage Holdings, Stifel Nicolaus and Company). */
const COMPANY_SUFFIX = /^(?:(?:and|&) (?:Company|Co\.?|Sons|Partners|Associates)|Holdings|Inc\.?|Incorporated|Corp\.?|Corporation|Group|Company|Co\.?|Ltd\.?|Limited|plc|PLC|LLC|LLP|L\.P\.)$/u;

/** Whether `short` is a firm's name without its legal ending (Hanover Capital Mortgage for … Holdings, Stifel Nicolaus for … and Company). */
export function companyShortForm(short: string, full: string): boolean {
  return full.startsWith(`${short} `) && COMPANY_SUFFIX.test(full.slice(short.length + 1));
}

/** A person's later short forms the text uses: the surname (Blinken) when it stands alone. */
export function englishNameAliases(text: string, name: string): string[] {
  const words = name.split(/\s+/);
  if (words.length < 2) return [];
  // A surname with its particles (von der Leyen of Ursula von der Leyen) is the short form.
  const p = words.findIndex((w, k) => k > 0 && PARTICLE.test(w.replace(/[-‐].*$/u, '')));
  const surname = words.slice(p > 0 ? p : words.length - 1).join(' ');
  return countWords(text, surname) > countWords(text, name) ? [surname] : [];
}

/** An acronym (ASEAN, NHS) of a full name in the text: its letters in order among the name's capitals and word starts. */
export function acronymOf(shortIn: string, full: string): boolean {
  // Initials with full stops (U.S., U.K.) are initials too.
  const short = /^(?:\p{Lu}\.){2,4}$/u.test(shortIn) ? shortIn.replace(/\./g, '') : shortIn;
  if (!/^[A-Z]{2,8}$/.test(short.replace(/[a-z]/g, '')) || full.split(/\s+/).length < 2) return false;
  const letters = short.replace(/[^A-Za-z]/g, '').toUpperCase();
  const words = full.split(/\s+/).filter((w) => !/^(of|and|the|for|on)$/i.test(w));
  if (words[0]?.[0]?.toUpperCase() !== letters[0]) return false;
  const caps = full.toUpperCase();
  let at = 0;
  for (const ch of letters) { at = caps.indexOf(ch, at); if (at < 0) return false; at++; }
  // Every word of the name gives its initial, in order (ASEAN: A, S, A, N; not SEC for Stifel Nicolaus and Company).
  let k = 0;
  for (const w of words) { k = letters.indexOf(w[0].toUpperCase(), k); if (k < 0) return false; k++; }
  return words.length <= letters.length + 1 && words.length >= Math.ceil(letters.length / 2);
}

/** A word in capitals as a name is printed (KELLY → Kelly, O'BRIEN → O'Brien, JEAN-PIERRE → Jean-Pierre). */
const nameCase = (w: string): string => (/\p{Ll}/u.test(w) ? w : w.toLowerCase().replace(/^mc(?=\p{Ll})/u, 'Mc').replace(/(^|[-'’]|Mc)(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase()));

/**
 * The person a speaker label names, as the index heads it: the label's name without its titles
 * (Senator Bunning → Bunning, MS KELLY → Kelly, SEN. JOHN EDWARDS → John Edwards, Mr Edward Leigh →
 * Edward Leigh); undefined for a role (MODERATOR, UNIDENTIFIED MALE, SENIOR ADMINISTRATION OFFICIAL TWO,
 * THE PRESIDENT). A name is one to three words, titled or of two words at least, and ends in no common word
 * unless it starts with a first name (JOHN KING).
 */
export function labelPerson(name: string): string | undefined {
  const words = name.replace(/\s*\(.*$/u, '').split(/\s+/u).filter(Boolean);
  let k = 0;
  while (k < words.length && isTitleWord(words[k])) k++;
  const rest = words.slice(k);
  if (!rest.length || rest.length > 3 || (k === 0 && rest.length < 2)) return undefined;
  if (!rest.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return undefined;
  const heading = rest.map(nameCase).join(' ');
  // A role ends in a common word (UNIDENTIFIED MALE, WHITE HOUSE AIDE); a name may too only after a first name (JOHN KING).
  if (commonWord(nameCase(rest[rest.length - 1]).replace(/[.]$/u, '')) && !(rest.length > 1 && termsOf(heading)[0]?.[0]?.tags.has('FirstName'))) return undefined;
  return heading;
}

/**
 * The outlet a broadcast label writes after the speaker's name (SUZANNE MALVEAUX, CNN WHITE HOUSE
 * CORRESPONDENT → CNN): the first word after the comma when it is initials no lexicon knows, followed by
 * the role; undefined otherwise (GUEST HOST, U.S. ARMY, VICE PRESIDENT OF THE UNITED STATES).
 */
export function labelOutlet(label: string, name: string): string | undefined {
  if (!name || !label.startsWith(name)) return undefined;
  const m = /^,\s*(\p{Lu}{2,5})\s+\p{Lu}/u.exec(label.slice(name.length));
  if (!m || commonWord(nameCase(m[1])) || isTitleWord(m[1]) || isEnglishPlace(m[1])) return undefined;
  return m[1];
}

/**
 * A member's seat and party in a parliament's label, in the brackets after the name (Mr Tony Burke
 * (Watson, Australian Labor Party, Manager of Opposition Business (House)) → the seat Watson, the party
 * Australian Labor Party; Christopher Pyne (Sturt, Liberal Party, Leader of the House)). The seat is the
 * first part, in capitalised words and no title; a party is a part that ends in Party, Greens or Nationals.
 */
export function labelSeatAndParty(label: string, name: string): { seat?: string; party?: string } {
  if (!name || !label.startsWith(name)) return {};
  const m = /^\s*\(([^()]+)/u.exec(label.slice(name.length));
  if (!m) return {};
  const parts = m[1].split(/\s*[,—–]\s*/u).map((p) => p.trim()).filter(Boolean);
  // (A guest's role is no seat: Mr. BILL MOYERS (Author, "Bill Moyers Journal: …").)
  const seat = parts[0] && /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}$/u.test(parts[0]) && !parts[0].split(/[ -]/).some((w) => isTitleWord(w)) && !LABEL_ROLES.has(parts[0]) ? parts[0] : undefined;
  const party = parts.find((p) => /^\p{Lu}[\p{L} ]{2,40}\b(?:Party|Greens|Nationals)$/u.test(p));
  return { seat: seat && seat !== party ? seat : undefined, party };
}

/** The words of one name in a roll: capitalised words, hyphens, a place that tells two namesakes apart (Hastings of Florida). */
const ROLL_NAME = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}(?:\s+of\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?$/u;

/**
 * A roll of members after a title (Present: Representatives Linder, Myrick, Sessions, Dreier, Hastings of
 * Florida, and McGovern. / Representative Hastings of Washington and Diaz-Balart.): every name in the list
 * is a person, though the tagger knows none of them (Sessions, a common word; LaTourette). The list runs to
 * the sentence's end and has two names at least, each of them capitalised words only.
 */
export function rollNames(text: string): { term: string; start: number }[] {
  const out: { term: string; start: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+\.?)[ \t]+(\p{Lu}[^.\n;:]*?(?:\.\s|\.$|\n|$))/gu)) {
    if (!isTitleWord(m[1], { office: false }) || /\b(?:of|the)\s+$/iu.test(text.slice(Math.max(0, m.index! - 5), m.index!))) continue;
    const list = m[2].replace(/[.\s]+$/u, '');
    const items = list.split(/,\s*(?:and\s+)?|\s+and\s+/u);
    if (items.length < 2 || !items.every((x) => ROLL_NAME.test(x.trim()))) continue;
    let at = m.index! + m[0].indexOf(m[2]);
    for (const item of items) {
      const start = text.indexOf(item, at);
      at = start + item.length;
      let name = item.trim();
      while (isTitleWord(name.split(/\s+/u)[0]) && /\s/u.test(name)) name = name.replace(/^\S+\s+/u, '');
      // A title of a place in apposition (Ms. Harumi Takahashi, Governor of Hokkaido): an office, no member of a roll.
      if (/^\p{Ll}/u.test(name)) continue;
      out.push({ term: name, start });
    }
  }
  return out;
}
