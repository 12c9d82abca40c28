// Which language and script a transcript is in, when no book.yaml says so: English (Latin letters
// outnumber Han characters), Traditional Chinese or Simplified Chinese. The script is decided by
// OpenCC (opencc-js): a character that changes under Traditional→Simplified conversion is evidence of
// Traditional text, one that changes under Simplified→Traditional is evidence of Simplified text.
// Characters shared by both scripts (the majority) say nothing. `language` in book.yaml always wins.
import * as OpenCC from 'opencc-js';

export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

let toSimplified: ((s: string) => string) | null = null;
let toTraditional: ((s: string) => string) | null = null;

/** Traditional (OpenCC `t`, also Taiwan and Hong Kong forms) to Simplified (OpenCC `cn`). */
export function t2s(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** Simplified (OpenCC `cn`) to Traditional (OpenCC `t`). */
export function s2t(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 't' }));
  return convert(text);
}

/** How many characters of `text` a conversion changes (position by position; per character when lengths differ). */
function changedChars(text: string, convert: (s: string) => string): number {
  const converted = convert(text);
  let n = 0;
  if (converted.length === text.length) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== converted.charCodeAt(i)) n++;
    return n;
  }
  for (const ch of text) if (convert(ch) !== ch) n++;
  return n;
}

export interface LanguageEvidence {
  language: Language;
  han: number;
  latin: number;
  /** Characters only Traditional text has (they change under t→cn). */
  traditional: number;
  /** Characters only Simplified text has (they change under cn→t). */
  simplified: number;
}

/** The evidence behind `detectLanguage` (for diagnostics and tests). Looks at the first 200,000 characters. */
export function languageEvidence(input: string): LanguageEvidence {
  const text = input.length > 200_000 ? input.slice(0, 200_000) : input;
  const hanText = (text.match(/\p{Script=Han}/gu) ?? []).join('');
  const han = hanText.length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const traditional = han ? changedChars(hanText, t2s) : 0;
  const simplified = han ? changedChars(hanText, s2t) : 0;
  let language: Language;
  // A Latin letter carries less than a Han character (an English word is ~5 letters, a Chinese
  // word ~1.5 characters): English only when Latin letters clearly dominate.
  if (latin > 3 * han) language = 'en';
  else if (han === 0) language = 'en';
  else language = traditional > simplified ? 'zh-Hant' : 'zh-Hans';
  return { language, han, latin, traditional, simplified };
}

/** zh-Hans, zh-Hant or en for a transcript's text. */
export function detectLanguage(text: string): Language {
  return languageEvidence(text).language;
}

/** The language a book is read in: book.yaml's `language` when it says one, else the detected one. */
export function resolveLanguage(declared: string | undefined, text: string): Language {
  if (declared) {
    const tag = declared.toLowerCase();
    if (tag.startsWith('en')) return 'en';
    if (/^zh-(hant|tw|hk|mo)\b/.test(tag) || tag === 'zh-hant') return 'zh-Hant';
    if (tag.startsWith('zh')) return 'zh-Hans';
  }
  return detectLanguage(text);
}
