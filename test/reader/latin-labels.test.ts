// Speaker labels with letters beyond ASCII (issue 20): English transcripts name people as they spell
// themselves (JOSÉ NÚÑEZ, Mr Ó Muilleoir, Zoë), and a label so spelled opens its turn exactly as its
// ASCII twin does. The label grammar's letters are written once (reader/convention.ts CAPITAL, CAPITALS,
// LETTERS); CJK labels are untouched.
//
// The excerpts below keep the label shapes of real published transcripts as printed (labels, their
// delimiters and spacing, the opening words of a turn); the speech after the first words is abridged
// or paraphrased, so that each excerpt stays short. Sources:
// - WH: Press Conference by President Obama, President Peña Nieto, and Prime Minister Harper, Toluca,
//   19 Feb 2014 (White House, as reproduced at https://historymusings.wordpress.com/tag/enrique-pena-nieto/,
//   "Source: WH, 2-19-14"): `PRESIDENT PEÑA NIETO:  (As interpreted.)  Ladies and gentlemen, good evening.`
// - APP: The President's News Conference With President Enrique Peña Nieto of Mexico in Mexico City,
//   2 May 2013 (https://www.presidency.ucsb.edu/documents/the-presidents-news-conference-with-president-enrique-pena-nieto-mexico-mexico-city-mexico):
//   `President Peña Nieto. Ladies and gentlemen, good afternoon, everyone.`; Remarks Following a Meeting
//   With President Enrique Peña Nieto, 6 Jan 2015 (same site): `President Obama. Well, welcome, everybody. Feliz año nuevo.`
// - NIA: Northern Ireland Assembly, Committee for Finance, Official Report (Hansard), 5 Oct 2016, Sale of
//   NAMA Assets in Northern Ireland: Mr Máirtín Ó Muilleoir MLA (https://docslib.org/doc/4327098/official-report-hansard):
//   `The Chairperson (Mrs Little Pengelly): I invite the Minister to take a seat …`, witness `Mr Ó Muilleoir`,
//   members Ms Caitríona Ruane, Mr Jim Allister (the chair says `Caitríona, you are absolutely right: …`).
// - AMLO: President López Obrador's morning conference of 16 Mar 2022 in English
//   (https://www.infobae.com/en/2022/03/16/what-did-president-andres-manuel-lopez-obrador-say-live-on-the-morning-of-this-wednesday-march-16-2022/):
//   `PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR: Good morning.`, `ANA ELIZABETH GARCÍA VILCHIS: Mr. President, good morning; …`,
//   prose `… it's Raúl, Carlos, Rodolfo …`.
// - CALL: the Motley Fool's call shape (`Name -- Title` alone on its line, `Operator`; test/corpus/en-fool-2020-04)
//   with the participants of Vinci SA's Q2 2016 earnings call as Seeking Alpha lists them
//   (http://seekingalpha.com/article/3993773-vinci-sa-vcisf-ceo-xavier-huillard-q2-2016-results-earnings-call-transcript):
//   Xavier Huillard, Christian Labeyrie, Jérôme Stubler, Grégoire Thibault (Natixis); Zoë Ashcroft is the brief's.
import { describe, it, expect } from 'vitest';
import { readTranscript } from '../../scripts/reader/read.ts';
import { turns } from '../../scripts/model/walk.ts';
import { candidateOf, caseOf } from '../../scripts/reader/convention.ts';
import { labelContext, labelKey, recogniseLabel } from '../../scripts/reader/labels.ts';
import { headingWords } from '../../scripts/lang/headings.ts';

const WH = `Press Conference by President Obama, President Peña Nieto, and Prime Minister Harper

Patio Central
Palacio de Gobierno
Toluca, Mexico

7:25 P.M. CST

PRESIDENT PEÑA NIETO:  (As interpreted.)  Ladies and gentlemen, good evening.  Members of the media.  It is an honor to host you in Toluca.

PRESIDENT OBAMA:  Well, thank you, Enrique.  Muchas gracias.  It is wonderful to be back in Mexico.

PRIME MINISTER HARPER:  Thank you, Enrique, and thank you, Barack.

Q    Thank you, Mr. President.  A question for President Peña Nieto.  What comes next for energy?

PRESIDENT PEÑA NIETO:  (As interpreted.)  The reform is under way, and we will go on with it.

Q    Prime Minister, on the pipeline?

PRIME MINISTER HARPER:  Our position is well known.
`;

const APP = `The President's News Conference With President Enrique Peña Nieto of Mexico in Mexico City, Mexico

May 02, 2013

President Peña Nieto. Ladies and gentlemen, good afternoon, everyone. First and foremost, I would like to extend the warmest welcome to President Barack Obama.

President Obama. Well, welcome, everybody. Feliz año nuevo. It is a pleasure to be with President Peña Nieto again.

President Peña Nieto. Thank you. We will now take questions from the media.

President Obama. Let me add one word on trade. It matters to both our peoples.
`;

const NIA = (extra = '') => `Committee for Finance

The Chairperson (Mrs Little Pengelly): I invite the Minister to take a seat. Caitríona, you are absolutely right: we had this discussion in the Committee.

Mr Ó Muilleoir: Thank you very much, Chair. I am happy to be here and to answer the Committee's questions.
${extra}
Ms Ruane: Thank you, Minister. When did you first learn of the fee?

Mr Ó Muilleoir: I learned of it from the media, as everyone else did.

Mr Allister: Minister, can I take you back to the letter of 2014?

Mr Ó Muilleoir: Certainly.
`;

const AMLO = `2022: Year of Ricardo Flores Magón, precursor of the Mexican Revolution

PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR: Good morning. We are going to start this conference today, Wednesday. Since they are all men, it's Raúl, Carlos, Rodolfo, three women later.

ANA ELIZABETH GARCÍA VILCHIS: Mr. President, good morning; good morning, compañeras, comrades. Today we bring four notes.

PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR: Thank you. Let us open for questions.

QUESTION: Good morning, President. A question on the airport, please.

PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR: It will open on the date we gave.
`;

const CALL = `Vinci SA Q2 2016 Earnings Call

Prepared Remarks:

Operator

Good morning, ladies and gentlemen, and welcome to the call. I would now like to turn the conference over to Xavier Huillard. Please go ahead.

Xavier Huillard -- Chairman and Chief Executive Officer

Well, good morning to you all. Thank you for joining us, and let me present our first half.

Questions and Answers:

Operator

Our first question comes from Grégoire Thibault of Natixis.

Grégoire Thibault -- Natixis -- Analyst

Good morning. What should we expect for the margin in the second half?

Christian Labeyrie -- Chief Financial Officer

We expect it to be stable over the year.

Operator

Our next question comes from Zoë Ashcroft.

Zoë Ashcroft -- Analyst

Thank you. On the airports, what is the timing of closing?

Jérôme Stubler -- Chief Executive Officer

We expect the closing in the autumn.
`;

/** Each turn as `kind label → name` (names composed: book.yaml's spelling may be typed decomposed). */
function read(text: string, speaker: string, speakers: string[] = []): string[] {
  const r = readTranscript(Buffer.from(text), { speaker, speakers });
  return turns(r.tree).map((t) => `${t.kind} ${t.speaker.label} → ${t.speaker.name.normalize('NFC')}`);
}

/** Turns against expected lines, where `*` stands for any kind. */
function expectTurns(got: string[], expected: string[]) {
  expect(got.map((g, i) => expected[i]?.startsWith('* ') ? `* ${g.split(' ').slice(1).join(' ')}` : g)).toEqual(expected);
}

/** The text with its accents taken off (É → E, Ó → O): the ASCII twin of a transcript. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

const cases: [string, string, string, string[], string[]][] = [
  ['White House, capitals and two spaces after the colon', WH, 'PRESIDENT PEÑA NIETO', ['PRESIDENT OBAMA', 'PRIME MINISTER HARPER'], [
    'remarks PRESIDENT PEÑA NIETO → PRESIDENT PEÑA NIETO', 'remarks PRESIDENT OBAMA → PRESIDENT OBAMA', 'remarks PRIME MINISTER HARPER → PRIME MINISTER HARPER',
    'question Q → Q', 'answer PRESIDENT PEÑA NIETO → PRESIDENT PEÑA NIETO', 'question Q → Q', 'answer PRIME MINISTER HARPER → PRIME MINISTER HARPER']],
  ['American Presidency Project, a name and a period', APP, 'President Peña Nieto', ['President Obama'], [
    'remarks President Peña Nieto → President Peña Nieto', 'remarks President Obama → President Obama',
    'remarks President Peña Nieto → President Peña Nieto', 'remarks President Obama → President Obama']],
  ['Northern Ireland Assembly committee, Mr Ó Muilleoir:', NIA(), 'Mr Ó Muilleoir', [], [
    'moderator The Chairperson (Mrs Little Pengelly) → The Chairperson', 'remarks Mr Ó Muilleoir → Mr Ó Muilleoir',
    'question Ms Ruane → Ms Ruane', 'answer Mr Ó Muilleoir → Mr Ó Muilleoir', 'question Mr Allister → Mr Allister', 'answer Mr Ó Muilleoir → Mr Ó Muilleoir']],
  ['Mexican presidency in English, capitals and a colon', AMLO, 'PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR', [], [
    // Who speaks; the roles (the official between the president's turns, the president's answer in
    // the opening) are the role logic's, the same as the ASCII twin's (asserted below).
    '* PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR → PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR', '* ANA ELIZABETH GARCÍA VILCHIS → ANA ELIZABETH GARCÍA VILCHIS',
    '* PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR → PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR', 'question QUESTION → QUESTION',
    '* PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR → PRESIDENT ANDRES MANUEL LÓPEZ OBRADOR']],
  ['earnings call, Name -- Title alone on its line', CALL, 'Xavier Huillard', ['Christian Labeyrie', 'Jérôme Stubler'], [
    'moderator Operator → Operator', 'remarks Xavier Huillard -- Chairman and Chief Executive Officer → Xavier Huillard', 'moderator Operator → Operator',
    'question Grégoire Thibault -- Natixis -- Analyst → Grégoire Thibault', 'answer Christian Labeyrie -- Chief Financial Officer → Christian Labeyrie',
    'moderator Operator → Operator', 'question Zoë Ashcroft -- Analyst → Zoë Ashcroft', 'answer Jérôme Stubler -- Chief Executive Officer → Jérôme Stubler']],
];

describe('labels with letters beyond ASCII, from real transcripts', () => {
  it.each(cases)('%s: every turn, as its ASCII twin reads', (_name, text, speaker, speakers, expected) => {
    const got = read(text, speaker, speakers);
    expectTurns(got, expected);
    // The same transcript with its accents taken off reads the same, roles included.
    expect(read(fold(text), fold(speaker), speakers.map(fold))).toEqual(got.map(fold));
  });

  it.each(cases)('%s: decomposed input (NFD) reads as composed, labels printed composed', (_name, text, speaker, speakers, expected) => {
    // The reader decides labels on the lines before it composes marks (read.ts: labels, then
    // normalisation per paragraph), so the grammar itself holds marks with their letters.
    expect(text.normalize('NFD')).not.toBe(text);
    const got = read(text, speaker, speakers);
    expect(read(text.normalize('NFD'), speaker, speakers)).toEqual(got);
    // …and a book.yaml typed decomposed names the same principal.
    expect(read(text, speaker.normalize('NFD'), speakers.map((s) => s.normalize('NFD')))).toEqual(got);
    expectTurns(got, expected);
  });

  it('a colon in accented prose opens no turn', () => {
    // Inside a sentence, after a phrase, after a one-word opener in a capitals house style.
    const base = read(NIA(), 'Mr Ó Muilleoir');
    for (const prose of ['Último punto: the letter came in 2014, and we answered it within the week.', 'Él dijo: we answered it within the week.',
      'The heading said it plainly: Último aviso, the last notice.']) {
      expect(read(NIA(`\n${prose}\n`), 'Mr Ó Muilleoir'), prose).toEqual(base);
    }
    const wh = read(WH, 'PRESIDENT PEÑA NIETO', ['PRESIDENT OBAMA', 'PRIME MINISTER HARPER']);
    const withProse = WH.replace('PRIME MINISTER HARPER:  Thank you', 'Último: the reform is under way, and it will go on.\n\nPRIME MINISTER HARPER:  Thank you');
    expect(read(withProse, 'PRESIDENT PEÑA NIETO', ['PRESIDENT OBAMA', 'PRIME MINISTER HARPER'])).toEqual(wh);
    // The chair's `Caitríona, you are absolutely right: …` stays the chair's speech.
    const r = readTranscript(Buffer.from(NIA()), { speaker: 'Mr Ó Muilleoir' });
    expect(r.blocks.some((b) => b.startsWith('The Chairperson (Mrs Little Pengelly): I invite') && b.includes('Caitríona, you are absolutely right: we had'))).toBe(true);
  });
});

describe('the letters of a label', () => {
  it('in capitals means no small letter, in any cased script; marks go with their letter', () => {
    for (const l of ['JOSÉ NÚÑEZ', 'MS. ÅSA LINDSTRÖM', 'FRANZ JOSEF STRAUß', 'ŁUKASZ KOWALSKI', 'MEHMET AĞCA', 'VICTOR ȚURCANU', 'JØRGEN MØLLER',
      'ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ', 'СЕРГЕЙ ЛАВРОВ', 'JOSÉ NÚÑEZ'.normalize('NFD')]) expect(caseOf(l), l).toBe('upper');
    for (const l of ['Mr Ó Muilleoir', 'Zoë Ashcroft', 'Ms Velázquez', 'Mr Dáithí McKay', 'President Peña Nieto', 'Ms Fernández'.normalize('NFD')]) expect(caseOf(l), l).toBe('title');
    expect(caseOf('José dijo que')).toBe('other');
  });

  it('CJK labels are read as before: Han by its own grammar, kana and Hangul have no case', () => {
    expect(caseOf('王毅')).toBe('han');
    expect(caseOf('やまだ')).toBe('other');
    expect(caseOf('김정은')).toBe('other');
    expect(candidateOf('外交部发言人毛宁：我们注意到')).toMatchObject({ label: '外交部发言人毛宁', delimiter: 'colon', case: 'han', english: false });
  });

  it('every English label shape takes accented names', () => {
    // Capitals and a run of spaces; capitals with a no-break space inside; a hearing's name and period.
    expect(candidateOf('JOSÉ NÚÑEZ  We wait for their answer.')).toMatchObject({ label: 'JOSÉ NÚÑEZ', delimiter: 'spaces' });
    expect(candidateOf('MS.\u00a0 SÁNCHEZ:  Thank you.')).toMatchObject({ label: 'MS. SÁNCHEZ', delimiter: 'colon' });
    expect(candidateOf('Senator MENÉNDEZ. Thank you, Mr. Chairman.')).toMatchObject({ label: 'Senator MENÉNDEZ', delimiter: 'period' });
    expect(candidateOf('Mr. Peña. Thank you, Madam Chair.')).toMatchObject({ label: 'Mr. Peña', delimiter: 'period' });
    // Composed or decomposed, a shape is the same: a letter with its marks is one letter (Ó alone is a
    // one-letter word, as O is).
    for (const t of ['JOSÉ NÚÑEZ  We wait.', 'MÁIRTÍN Ó MUILLEOIR  Thank you.', 'Senator Ó Brien. Thank you, Mr. Chairman.', 'Mr. Peña. Thank you.',
      'Zoë Ashcroft -- Analyst', 'Mr Ó Muilleoir: Thank you, Chair.', 'CHAIRMAN MENÉNDEZ: Order.']) {
      const nfc = candidateOf(t);
      const nfd = candidateOf(t.normalize('NFD'));
      // The same label, case and delimiter, over the same characters once composed.
      const composedLength = nfd && t.normalize('NFD').slice(0, nfd.length).normalize('NFC').length;
      expect(nfd && { ...nfd, label: nfd.label.normalize('NFC'), length: composedLength }, t).toEqual(nfc);
    }
    // A hearing's form of address opens a turn even in a short excerpt; a senator questions.
    const hearing = 'Ms. Velázquez. Thank you, Mr. Chairman, and thank you for holding this hearing today.';
    const ctx = labelContext([hearing], []);
    expect(recogniseLabel(hearing, ctx)).toMatchObject({ label: 'Ms. Velázquez', kind: 'other' });
    expect(recogniseLabel('Senator Menéndez. Thank you, Mr. Chairman. My question is for the Secretary.', labelContext([], []))).toMatchObject({ kind: 'question' });
    // Roles: a host after the comma, a chair by name.
    expect(recogniseLabel('JOSÉ DÍAZ-BALART, MSNBC ANCHOR: Good morning.', ctx)).toMatchObject({ name: 'JOSÉ DÍAZ-BALART', kind: 'moderator' });
    expect(recogniseLabel('CHAIRMAN MENÉNDEZ: The committee will come to order.', ctx)).toMatchObject({ kind: 'moderator' });
    expect(recogniseLabel('MS. SÁNCHEZ: Thank you.', { principals: ['Ms. Sánchez'] })).toMatchObject({ kind: 'principal', name: 'Ms. Sánchez' });
    // A key is the composed spelling.
    expect(labelKey('JOSÉ NÚÑEZ'.normalize('NFD'))).toBe(labelKey('José Núñez'));
  });

  it('a heading sets a name in capitals as a name, accents and all', () => {
    const words = headingWords('en');
    expect(words.opening('JOSÉ NÚÑEZ')).toBe(words.opening('JOSE NUNEZ').replace('Jose Nunez', 'José Núñez'));
    expect(words.opening('ÅSA LINDSTRÖM')).toContain('Åsa Lindström');
  });
});
