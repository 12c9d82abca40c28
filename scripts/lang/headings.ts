// Default section headings in the book's language, from its strings file (`headingOpening`,
// `headingQuestion`, `headingTopic`, `topicSeparator`): the reader, `inspect` and `build` all take
// them from here, so no printed word of a heading is written in code.
import { formatString, loadStrings, defaultStringsSet, type TemplateSet } from './strings.ts';
import { scriptOf } from './language.ts';
import { CAPITAL, CAPITALS } from '../reader/convention.ts';

/** A name in capitals, as a Latin label prints it (MR MILLER, JOSÉ NÚÑEZ). */
const IN_CAPITALS = new RegExp(`^[${CAPITAL}][${CAPITALS} .'-]+$`, 'u');

/** Default section headings in the book's language. */
export interface HeadingWords {
  /** The opening statement, given the speaker's name: `王毅开场发言`. */
  opening: (name: string) => string;
  /** A question whose topic is not known: `彭博社提问`, `Question 3`. */
  question: (name: string, number: number) => string;
  /** A question with its topic words: `彭博社：中美关系`. */
  topic: (name: string, topics: string[], number: number) => string;
  /** The book's title when neither book.yaml nor the transcript gives one: `2019年3月14日毛盛勇发言实录`. */
  untitled: (name: string, date: string) => string;
}

/**
 * A speaker's label as a name is written: transcripts set Latin labels in capitals (MR MILLER), a
 * heading, a made-up title and the book's author (book.yaml `author` left out) set it as a name
 * (Mr Miller), with a title's small words in lower case (Secretary of Defense). Other labels as they are.
 */
export function nameAsWritten(name: string, language: string): string {
  if (scriptOf(language) !== 'Latn' || !IN_CAPITALS.test(name)) return name;
  // Initials alone (HC, CR: an interview's labels) are written as they are.
  if (/^\p{Lu}{2,3}$/u.test(name.trim()) && !/^(?:MR|MRS|MS|DR)$/u.test(name.trim())) return name;
  return name.toLowerCase().replace(/(^|[\s.'-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase())
    .replace(/(?<=\s)(Of|The|And|For|To|On|In|At)(?=\s)/g, (w) => w.toLowerCase())
    // A name's particle inside it (Ursula von der Leyen, Charles de Gaulle), a Scottish or Irish prefix
    // (McCain), and the abbreviations that are written in mixed case or in capitals (German StS Seibert,
    // MdB, PM Lee, Lee MP, John Smith III).
    .replace(/(?<=\s)(Von|Van|Der|Den|De|Del|Della|Di|Du|Zu|Ten|Ter)(?=\s)/g, (w) => w.toLowerCase())
    .replace(/(?<=^|[\s-])Mc(\p{Ll})/gu, (_m, c: string) => `Mc${c.toUpperCase()}`)
    .replace(/(?<=^|\s)[\p{Lu}][\p{Ll}]*(?=[\s,]|$)/gu, (w) => WRITTEN_ABBREVIATIONS[w] ?? w);
}

/** Abbreviations in a label in capitals that a name is written with as they are (not Sts, Mdb, Pm). */
const WRITTEN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  Sts: 'StS', Psts: 'PStS', Mdb: 'MdB', Mdl: 'MdL', Mdep: 'MdEP', Bm: 'BM', Bmin: 'BMin', Bk: 'BK', Bkin: 'BKin',
  Mp: 'MP', Mep: 'MEP', Msp: 'MSP', Mla: 'MLA', Pm: 'PM', Dpm: 'DPM', Sm: 'SM', Ceo: 'CEO', Cfo: 'CFO', Coo: 'COO', Us: 'US', Uk: 'UK', Eu: 'EU',
  Ii: 'II', Iii: 'III', Iv: 'IV',
};

/** The heading words of a template set (the default set when none) for a language. */
export function headingWords(language: string, set: TemplateSet = defaultStringsSet()): HeadingWords {
  const strings = loadStrings(set, language);
  const display = (name: string) => nameAsWritten(name, language);
  return {
    opening: (name) => formatString(strings, 'headingOpening', { name: display(name) }),
    question: (name, number) => formatString(strings, 'headingQuestion', { name: display(name), number }),
    topic: (name, topics, number) => formatString(strings, 'headingTopic', { name: display(name), number, topic: topics.join(strings.topicSeparator) }),
    untitled: (name, date) => formatString(strings, 'titleUntitled', { name: display(name), date }),
  };
}
