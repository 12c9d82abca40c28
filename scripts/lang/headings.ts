// Default section headings in the book's language, from its strings file (`headingOpening`,
// `headingQuestion`, `headingTopic`, `topicSeparator`): the reader, `inspect` and `build` all take
// them from here, so no printed word of a heading is written in code.
import { formatString, loadStrings, defaultStringsSet, type TemplateSet } from './strings.ts';
import { scriptOf } from './language.ts';

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

/** The heading words of a template set (the default set when none) for a language. */
export function headingWords(language: string, set: TemplateSet = defaultStringsSet()): HeadingWords {
  const strings = loadStrings(set, language);
  // Transcripts set Latin labels in capitals (MR MILLER); a heading sets the name as a name (Mr Miller).
  const display = (name: string) => scriptOf(language) === 'Latn' && /^[A-Z][A-Z .'-]+$/.test(name)
    ? name.toLowerCase().replace(/(^|[\s.'-])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())
      // …and a title's small words in lower case (Secretary of Defense, not Secretary Of Defense).
      .replace(/(?<=\s)(Of|The|And|For|To|On|In|At)(?=\s)/g, (w) => w.toLowerCase()) : name;
  return {
    opening: (name) => formatString(strings, 'headingOpening', { name: display(name) }),
    question: (name, number) => formatString(strings, 'headingQuestion', { name: display(name), number }),
    topic: (name, topics, number) => formatString(strings, 'headingTopic', { name: display(name), number, topic: topics.join(strings.topicSeparator) }),
    untitled: (name, date) => formatString(strings, 'titleUntitled', { name: display(name), date }),
  };
}
