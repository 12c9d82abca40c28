#!/usr/bin/env node
// Golden turns for the transcripts added on 2026-12-05, from each house style's own markup (not from the
// product's recogniser). One annotator per convention; each is a few lines that say how that house marks
// a speaker. Every result was then spot-checked by reading (README, "How the golden turns were made").
//
//   node test/corpus/annotate-shape.mjs <id> '<json>'
//
// <json>: {"convention": "wh-briefing" | "cnn-tv" | "ly-gazette" | "hansard-pp" | "congress-hearing" | "mfa-daily-briefing" | …,
//          "annotator"?: "<annotator, when it is not named like the convention, e.g. zh-qa>",
//          "split": "dev" | "test", "title": true | false | "<title text>",
//          "source": {url, institution, via, format?, repo?, path?, commit?},
//          "chair"?: "<label of the chair>", "witnesses"?: ["<label>", …], "roles"?: {"<line>": "<role>"}}
// Writes transcript.txt (restore.mjs, by source.format) and expected.json; prints every turn and every
// line that looks like a label but was not taken, so nothing is dropped silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { restoreSource } from './restore.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Each annotator returns [{line, label, speaker, role}] for the lines of transcript.txt. */
export const annotators = {
  // White House briefing room: `Q` + (no-break) spaces for a reporter; an upper-case label + colon for
  // everyone else (MS. JEAN-PIERRE:, MR. KIRBY:, AIR FORCE ONE CREW MEMBER:). A non-question turn right
  // after a question is an answer; the opening statement and anything else is remarks.
  'wh-briefing': (lines) => {
    const turns = [];
    lines.forEach((l, i) => {
      if (/^Q(?=[\s\u00a0])/u.test(l)) return turns.push({ line: i + 1, label: 'Q', speaker: 'Q', role: 'question' });
      // The page may put a no-break space inside a label (`MR.\u00a0 SULLIVAN:`): the same label.
      const m = /^([A-Z][A-Z.'’\- \u00a0]*[A-Z.]):(?=[\s\u00a0])/u.exec(l);
      if (m && /[A-Z]{2}/.test(m[1])) {
        const prev = turns.at(-1);
        const name = m[1].replace(/[\s\u00a0]+/gu, ' ');
        // A call's MODERATOR gives the floor: moderator.
        const role = name === 'MODERATOR' ? 'moderator' : prev?.role === 'question' ? 'answer' : 'remarks';
        turns.push({ line: i + 1, label: m[1], speaker: name, role });
      }
    });
    return turns;
  },
  // CNN transcripts: `NAME, TITLE:` the first time, `NAME:` or `INITIAL. NAME:` later, with an optional
  // `(voice over)`/`(on camera)`. Speaker = the name part, a short form mapped to the full name it
  // abbreviates; a senator's party in parentheses (`SEN. JOHN EDWARDS (D-NC), …`) is part of the label,
  // not of the name. Anchors and hosts (`…, CNN ANCHOR`, `…, CO-HOST`) host the programme (moderator);
  // everyone else's turn is remarks. Two turns run together on one line in the page (`… here. BEGALA:
  // Thanks.`) are one line, and a golden turn is a line: the second is not listed.
  'cnn-tv': (lines) => {
    const turns = [];
    const full = [];
    const anchors = new Set();
    lines.forEach((l, i) => {
      const m = /^([A-Z][A-Z.'’\- ]*[A-Z.])((?: \([A-Z]-[A-Z]{2}\))?)((?:, [^:(]+?)?)(?: \([a-z][a-z \-]*\))?:(?=\s)/u.exec(l);
      if (!m || !/[A-Z]{2}/.test(m[1])) return;
      const label = m[0].slice(0, -1);
      // The name, without a senator's `SEN.`-style prefix kept and without the party in parentheses.
      let speaker = m[1];
      if (m[3]) {
        full.push(speaker);
        if (/ANCHOR|HOST/.test(m[3])) anchors.add(speaker);
      } else {
        const parts = speaker.split(' ');
        const surname = parts.at(-1);
        const initial = parts.length > 1 ? parts[0][0] : null;
        const match = full.filter((f) => f.split(' ').at(-1) === surname && (!initial || f[0] === initial));
        if (match.length === 1) speaker = match[0];
        else if (match.length > 1) {
          // `O'BRIEN:` alone when two O'Briens host: the most recent full-name speaker of that surname.
          speaker = [...turns].reverse().find((t) => match.includes(t.speaker))?.speaker ?? speaker;
        }
      }
      turns.push({ line: i + 1, label, speaker, role: anchors.has(speaker) ? 'moderator' : 'remarks' });
    });
    return turns;
  },
  // 立法院公報: `主席：`, `秘書長：`, `<surname>委員<given name>：`, `<surname>秘書長<given name>：`, `<surname>部長<given name>：`
  // at the start of a paragraph. Speaker = surname + given name (the title taken out); the chair is 主席
  // (moderator); members (委員) ask (question: interpellation is their part, and their interjections are
  // turns of their own); ministers and other officials answer; the secretary-general's reports are remarks.
  'ly-gazette': (lines) => {
    const turns = [];
    const titles = '委員|院長|副院長|部長|次長|政務次長|秘書長|副秘書長|主任委員|副主任委員|召集委員|署長|局長|處長|主計長|審計長|市長|縣長';
    const re = new RegExp(`^(主席|秘書長|副秘書長|(\\p{Script=Han})(${titles})(\\p{Script=Han}{1,2}))[：:]`, 'u');
    lines.forEach((l, i) => {
      const m = re.exec(l);
      if (!m) return;
      if (m[1] === '主席') return turns.push({ line: i + 1, label: '主席', speaker: '主席', role: 'moderator' });
      // The secretary-general reporting the quorum, labelled by the bare title.
      if (!m[2]) return turns.push({ line: i + 1, label: m[1], speaker: m[1], role: 'remarks' });
      const title = m[3];
      const role = /委員$/.test(title) && !/主任委員/.test(title) ? 'question' : /秘書長/.test(title) ? 'remarks' : 'answer';
      turns.push({ line: i + 1, label: m[1], speaker: m[2] + m[4], role });
    });
    return turns;
  },
  // Motley Fool earnings calls: `Operator` alone on its line; `Name -- Title` alone on its line. Before the
  // `Questions and Answers:` heading executives give remarks; after it analysts (title names an analyst or
  // a firm, given in `analysts`) ask and executives answer. The operator is the moderator.
  'earnings-call': (lines, spec) => {
    const turns = [];
    let qa = false;
    lines.forEach((l, i) => {
      if (/^Questions (and|&) Answers:$/.test(l)) qa = true;
      if (l === 'Operator') return turns.push({ line: i + 1, label: 'Operator', speaker: 'Operator', role: 'moderator' });
      const m = /^([^\s].{1,60}?) -- (.{2,120})$/.exec(l);
      if (!m) return;
      const analyst = /Analyst/.test(m[2]) || (spec.analysts ?? []).includes(m[1]);
      turns.push({ line: i + 1, label: l, speaker: m[1], role: analyst ? 'question' : qa ? 'answer' : 'remarks' });
    });
    return turns;
  },
  // Earnings calls as plain text, one paragraph per line: `Name: speech`. The Operator gives the floor
  // (moderator) and names each analyst (`…question comes from [the line of] Doug Anmuth with JPMorgan`);
  // an analyst's turn asks (question), matched to the Operator's name by surname; a company speaker
  // after a question answers, before any question makes remarks.
  'earnings-call-colon': (lines) => {
    const turns = [];
    const analysts = new Set();
    lines.forEach((l, i) => {
      const m = /^([A-Z][A-Za-z.'’ -]{1,60}): /.exec(l);
      if (!m) return;
      const surname = m[1].split(' ').at(-1);
      if (m[1] === 'Operator') {
        const named = /(?:question|questions) (?:is |comes |will come )?from (?:the line of )?([A-Z][A-Za-z.'’ -]+?) (?:with|from|at) /.exec(l);
        if (named) analysts.add(named[1].split(' ').at(-1));
        return turns.push({ line: i + 1, label: 'Operator', speaker: 'Operator', role: 'moderator' });
      }
      const asked = turns.some((t) => t.role === 'question');
      turns.push({ line: i + 1, label: m[1], speaker: m[1], role: analysts.has(surname) ? 'question' : asked ? 'answer' : 'remarks' });
    });
    return turns;
  },
  // Thomson Reuters StreetEvents edited transcripts: each speaker's label alone on a line between two rules
  // of 80 hyphens, with the turn's number in brackets: `Operator    [1]`, `Name,  Company - Title    [2]`.
  // Speaker = the name before the comma. The Operator gives the floor (moderator); a participant whose title
  // says Analyst asks (question); a company speaker answers once a question has been asked, and before
  // that makes remarks. The participant lists at the top (` * Name` over `Company - Title`) are no labels.
  'earnings-call-streetevents': (lines) => {
    const turns = [];
    const rule = /^-{20,}$/;
    lines.forEach((l, i) => {
      if (!rule.test(lines[i - 1] ?? '') || !rule.test(lines[i + 1] ?? '')) return;
      const m = /^(Operator|([^,[]+?),\s+(.+?) - (.+?))\s+\[\d+\]$/.exec(l);
      if (!m) return;
      const label = l.replace(/\s+\[\d+\]$/, '');
      if (m[1] === 'Operator') return turns.push({ line: i + 1, label, speaker: 'Operator', role: 'moderator' });
      const asked = turns.some((t) => t.role === 'question');
      turns.push({ line: i + 1, label, speaker: m[2], role: /Analyst/.test(m[4]) ? 'question' : asked ? 'answer' : 'remarks' });
    });
    return turns;
  },
  // UK Hansard as Parallel Parliament prints it: the Hansard label alone on its line (name, sometimes the
  // office or the constituency and party), preceded by the member's name + ` Portrait ` and followed by a
  // `- Hansard -` line. Speaker = the member's name (before ` Portrait `). The Speaker is the moderator;
  // the members in spec.answerers (ministers answering oral questions, the Leader of the House moving
  // business) answer; everyone else asks (oral questions, interventions).
  'hansard-pp': (lines, spec) => {
    const turns = [];
    lines.forEach((l, i) => {
      const m = /^(.+?) Portrait (.+)$/.exec(l);
      if (!m || !/^- Hansard/.test(lines[i + 1] ?? '')) return;
      const speaker = m[1];
      const role = /Speaker\b/.test(m[2]) ? 'moderator' : (spec.answerers ?? []).includes(speaker) ? 'answer' : 'question';
      turns.push({ line: i + 1, label: l, speaker, role });
    });
    return turns;
  },
  // Chinese question-and-answer briefings (外交部, 国台办, 外长记者会 …): a label at the start of the paragraph
  // before a full-width colon. `…记者`/`…記者`/`问` ask; the spokesperson or principal (spec.principals)
  // answers — remarks before the first question (the opening statement, 「我们现在开始提问」); a host
  // (spec.moderators) is the moderator; spec.askers lists other askers (legislators at a question session).
  // Any other label is listed as not taken, for a person to check.
  'zh-qa': (lines, spec) => {
    const turns = [];
    lines.forEach((l, i) => {
      const m = /^([^：:，。？！\s]{1,30})：/u.exec(l);
      if (!m) return;
      const label = m[1];
      if (/(记者|記者)$/.test(label) || label === '问' || label === '問' || (spec.askers ?? []).includes(label)) return turns.push({ line: i + 1, label, speaker: label, role: 'question' });
      if ((spec.moderators ?? []).includes(label)) return turns.push({ line: i + 1, label, speaker: label, role: 'moderator' });
      if ((spec.principals ?? []).includes(label)) {
        const asked = turns.some((t) => t.role === 'question');
        turns.push({ line: i + 1, label, speaker: label, role: asked && turns.at(-1)?.role === 'question' ? 'answer' : asked ? 'answer' : 'remarks' });
      }
    });
    return turns;
  },
  // Interviews with a named interviewer as the State Department publishes them: an upper-case label and
  // a colon; the interviewer is `QUESTION` or named (`MS MITCHELL`, spec.interviewers) and asks; the
  // interviewee (`SECRETARY BLINKEN`) answers, or gives remarks before the first question.
  'en-interview': (lines, spec) => {
    const turns = [];
    lines.forEach((l, i) => {
      const m = /^([A-Z][A-Z.'’\- ]*[A-Z.]):(?=[\s\u00a0])/u.exec(l);
      if (!m || !/[A-Z]{2}/.test(m[1])) return;
      const label = m[1];
      const asks = label === 'QUESTION' || (spec.interviewers ?? []).includes(label);
      const role = asks ? 'question' : turns.some((t) => t.role === 'question') ? 'answer' : 'remarks';
      turns.push({ line: i + 1, label, speaker: label, role });
    });
    return turns;
  },
  // 国务院新闻办 press conferences: a job title, a space and a name, then the colon, alone on its line
  // (`新聞辦新聞發言人 胡凱紅：`, `国家发展改革委新闻发言人 孟玮：`); the speaker is the name. The host
  // (新闻办's own spokesman, or a label naming 主持人) moderates; a journalist (…记者) asks; an official
  // answers after a question and otherwise makes remarks. Photo captions (…中國網 宗超 攝) have no colon.
  'scio-press-conference': (lines) => {
    const turns = [];
    lines.forEach((l, i) => {
      const m = /^(\S[^：:，。\s]*(?: [^：:，。\s]+)*?)：$/u.exec(l);
      if (!m) return;
      const label = m[1];
      const speaker = label.includes(' ') ? label.slice(label.lastIndexOf(' ') + 1) : label;
      const role = /(新闻办|新聞辦|主持人)/u.test(label) ? 'moderator' : /(记者|記者)$/u.test(label) ? 'question'
        : turns.at(-1)?.role === 'question' ? 'answer' : 'remarks';
      turns.push({ line: i + 1, label, speaker, role });
    });
    return turns;
  },
  // Congressional hearings (GPO style): the label opens the paragraph and ends with a period —
  // `Mr. Linder.`, `Senator Ashcroft.`, `The Chairman.`, `Chairman Smith.` The chair (spec.chair) is the
  // moderator, witnesses (spec.witnesses) answer, other members ask.
  'congress-hearing': (lines, spec) => {
    const turns = [];
    lines.forEach((l, i) => {
      const m = /^((?:Mr|Mrs|Ms|Miss|Dr|Senator|Chairman|Chairwoman|Representative|General|Admiral|Secretary)\.? [A-Z][A-Za-z'’\-]+(?: of [A-Z][a-z]+)?|The (?:Chairman|Chairwoman|Chair|Clerk|Speaker))\.(?= )/.exec(l);
      if (!m) return;
      const label = m[1] + '.';
      const role = label === spec.chair || m[1] === spec.chair ? 'moderator' : (spec.witnesses ?? []).includes(m[1]) ? 'answer' : 'question';
      turns.push({ line: i + 1, label: m[1], speaker: m[1], role });
    });
    return turns;
  },
  // A house whose labels end with a colon and whose people the spec lists (added 2026-12-06 for NPR,
  // the IMF, advocate.com's Supreme Court transcript and Singapore's PMO, one annotator because each is
  // the same markup: `LABEL:` at a line's start, the speech after it or on the next line). `spec.labels`:
  // [{"label": "<exact label as printed>", "speaker": "<who>", "part": "asks" | "moderates" | "answers" |
  // "reports"}]. Only the listed labels are turns (a page's `SPEAKER:` field is not listed). Whoever
  // `asks` asks (question), `moderates` hosts or chairs (moderator), `reports` is a programme's guest or
  // correspondent (remarks); whoever `answers` answers right after another speaker's turn that ends with
  // a question mark, and otherwise makes remarks. Any other reading is set by hand in `spec.roles`.
  'listed-labels': (lines, spec) => {
    const turns = [];
    const byLabel = new Map(spec.labels.map((l) => [l.label, l]));
    lines.forEach((l, i) => {
      const colon = l.indexOf(':');
      const quoted = l.lastIndexOf('):', 200);
      // (A label alone on its line, as openparliament.ca prints a member's name, office or riding, is the line.)
      const label = [l.slice(0, colon), quoted > 0 ? l.slice(0, quoted + 1) : null, l.trim()].find((x) => x !== null && byLabel.has(x));
      if (label === undefined) return;
      const who = byLabel.get(label);
      const prev = turns.at(-1);
      const asked = prev && prev.speaker !== who.speaker && /[?？]["”’]?\s*$/u.test(prevText(lines, prev.line, i));
      const role = who.part === 'asks' ? 'question' : who.part === 'moderates' ? 'moderator' : who.part === 'reports' ? 'remarks' : asked ? 'answer' : 'remarks';
      turns.push({ line: i + 1, label, speaker: who.speaker, role });
    });
    return turns;
  },
};

/** The text of the turn that starts at 1-based line `from`, up to (not including) 0-based line `to`, blank lines and stage directions left out. */
function prevText(lines, from, to) {
  return lines.slice(from - 1, to).filter((l) => l.trim() && !/^\(.*\)$/.test(l.trim())).join(' ').trim();
}

/** Lines that look like a label (short text before a colon, or an upper-case run before a period) but no annotator took. */
function labelLike(lines, taken) {
  const out = [];
  lines.forEach((l, i) => {
    if (taken.has(i + 1)) return;
    const m = /^(.{1,40}?)[：:︰](?!\/\/)/u.exec(l);
    if (m && !/[，。,.?？]/.test(m[1]) && !/^\d/.test(m[1])) out.push(`${i + 1}: ${l.slice(0, 70)}`);
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [id, json] = process.argv.slice(2);
  const spec = JSON.parse(json);
  const dir = join(here, id);
  const book = parse(readFileSync(join(dir, 'book.yaml'), 'utf8'));
  const text = restoreSource(readFileSync(join(dir, 'excerpt.txt'), 'utf8'), book.language, spec.source.format);
  writeFileSync(join(dir, 'transcript.txt'), text);
  const lines = text.split('\n');
  const annotator = spec.annotator ?? spec.convention;
  const turns = annotators[annotator](lines, spec).map((t) => ({ ...t, role: spec.roles?.[t.line] ?? t.role }));
  const title = spec.title === true ? { text: lines[0], line: 1 } : typeof spec.title === 'string' ? { text: spec.title, line: 1 } : null;
  const expected = {
    source: {
      ...spec.source,
      retrieved: spec.added ?? '2026-12-05',
      restored: spec.source.format === 'wh-markdown'
        ? 'Markdown unwrapped and no-break spaces restored mechanically (restore.mjs unwrapMarkdown), checked against the repository file'
        : spec.source.format === 'gpo-text'
          ? 'GPO line wrapping undone mechanically (restore.mjs unwrapGpo: a paragraph opens with a four-space indent), the excerpt checked character for character against the repository file'
        : book.language.startsWith('zh') ? 'full-width punctuation restored mechanically' : 'none (English text kept as it came; lines trimmed)',
    },
    language: book.language,
    shape: spec.shape,
    convention: spec.convention,
    split: spec.split,
    added: spec.added ?? '2026-12-05',
    annotation: `annotate-shape.mjs ${annotator} (labels from the house style's markup), spot-checked by reading${spec.roles ? '; roles set by hand on lines ' + Object.keys(spec.roles).join(', ') : ''}`,
    title,
    turns,
  };
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  for (const t of turns) console.log(`${t.line}\t${t.role}\t${t.speaker}\t| ${lines[t.line - 1].slice(0, 60)}`);
  for (const l of labelLike(lines, new Set(turns.map((t) => t.line)))) console.log(`  not taken ${l}`);
  console.log(`${id}: ${turns.length} turns, ${Array.from(text).length} characters`);
}
