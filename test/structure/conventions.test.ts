// Each document's own label convention (issue 20): the shapes new house styles use, each written here
// in the house's form (the wording is ours, the shapes are theirs), read with a minimal `speaker:`.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTranscript } from '../../scripts/reader/read.ts';
import { candidateOf, induceConventions, stampedAlone } from '../../scripts/reader/convention.ts';
import { labelKey } from '../../scripts/reader/labels.ts';
import { textAsks } from '../../scripts/reader/structure.ts';
import { titleText } from '../../scripts/model/walk.ts';
import type { Section } from '../../scripts/model/types.ts';

function read(text: string, speaker: string, extra: object = {}) {
  const r = readTranscript(Buffer.from(text), { speaker, ...extra });
  const sections = r.tree.children.filter((c): c is Section => c.type === 'section');
  const turns = sections.flatMap((s) => s.children).filter((t) => !t.speaker.implicit)
    .map((t) => `${t.speaker.position?.start.line} ${t.kind === 'question' ? 'Q' : '-'} ${t.speaker.name}`);
  return { r, sections, turns, title: r.tree.children.some((c) => c.type === 'title') ? titleText(r.tree) : null };
}

const NBSP = '\u00a0';

describe('label conventions of new house styles', () => {
  it('White House: Q and no-break spaces, no colon', () => {
    const text = `Press Briefing by the Press Secretary\n\nMS. JEAN-PIERRE:${NBSP} Good afternoon, everybody.\n\nQ${NBSP}${NBSP}${NBSP} Thank you.${NBSP} Will the President meet the Speaker this week?\n\nMS. JEAN-PIERRE:${NBSP} He will, and we will share the date.\n\nQ${NBSP}${NBSP}${NBSP} 4/20 is a date too, no?\n\nMS. JEAN-PIERRE:${NBSP} I will leave that alone.\n\nQ${NBSP}${NBSP}${NBSP} (Inaudible.)\n\nMS. JEAN-PIERRE:${NBSP} Go ahead.\n`;
    const { turns, r } = read(text, 'MS. JEAN-PIERRE');
    expect(turns).toEqual(['3 - MS. JEAN-PIERRE', '5 Q Q', '7 - MS. JEAN-PIERRE', '9 Q Q', '11 - MS. JEAN-PIERRE', '13 Q Q', '15 - MS. JEAN-PIERRE']);
    expect(r.conventions.map((c) => `${c.position} ${c.delimiter} ${c.case}`)).toEqual(expect.arrayContaining(['start spaces upper', 'start colon upper']));
  });
  it('White House: a no-break space inside a label (MR.\u00a0 SULLIVAN:) is the same label; a place line above no time line is no title', () => {
    expect(candidateOf(`MR.${NBSP} SULLIVAN:${NBSP} The President will consult.`)).toMatchObject({ label: 'MR. SULLIVAN', delimiter: 'colon' });
    const text = `Via Teleconference\n\nMODERATOR:${NBSP} Good morning, everyone.${NBSP} I'll hand it over.\n\nMR. SULLIVAN:${NBSP} Thanks.${NBSP} We will take your questions.\n\nQ${NBSP}${NBSP}${NBSP} Will the President go to Warsaw this week?\n\nMR.${NBSP} SULLIVAN:${NBSP} He will, on Friday.\n`;
    const { turns, title } = read(text, 'MR. SULLIVAN');
    expect(title).toBeNull();
    expect(turns.slice(2)).toEqual(['7 Q Q', '9 - MR. SULLIVAN']);
  });
  it('Hansard: a point of order is remarks raised with the chair, even when it ends with a question mark', () => {
    const text = 'Points of Order\n\nJohn Bercow Portrait Mr Speaker\n- Hansard - -\n\nI am grateful to the hon. Gentleman for his point of order.\n\nEdward Leigh Portrait Mr Edward Leigh\n- Hansard - -\n\nOn a point of order, Mr Speaker. Would it be in order for the Bill to be committed to the whole House?\n\nJohn Bercow Portrait Mr Speaker\n- Hansard - -\n\nThat is not a point of order, but it is on the record.\n';
    const { turns } = read(text, 'John Bercow');
    expect(turns.find((t) => t.startsWith('8 '))).toBe('8 - Edward Leigh');
  });
  it('国新办: a job title, a space and a name alone on a line; 一、 headings open sections', () => {
    const text = '国家发展改革委举行新闻发布会\n\n国家发展改革委新闻发言人 孟玮：\n大家上午好，欢迎参加今天的发布会。今天介绍两方面情况。\n一、关于投资项目审批\n今年以来，共审批核准固定资产投资项目六十个。\n二、关于中欧班列\n中欧班列开行保持良好势头。\n中央广播电视总台央视记者：\n请问当前经济运行态势如何？谢谢。\n国家发展改革委新闻发言人 孟玮：\n谢谢你的提问。总体看，经济运行稳中有进。\n经济日报记者：\n请问如何保障煤炭供应？\n国家发展改革委政策研究室副主任 孟玮：\n煤炭供应总体是有保障的。\n';
    const { turns, sections, title } = read(text, '孟玮');
    expect(title).toBe('国家发展改革委举行新闻发布会');
    expect(turns).toEqual(['3 - 孟玮', '9 Q 中央广播电视总台央视', '11 - 孟玮', '13 Q 经济日报', '15 - 孟玮']);
    expect(sections.map((s) => s.heading).slice(0, 3)).toEqual(['孟玮开场发言', '一、关于投资项目审批', '二、关于中欧班列']);
  });
  it('hearings: Mr. SMITH. and The CHAIRMAN. inline, ending with a period; a member who speaks once is a turn', () => {
    const text = 'NOMINATION HEARING\n\nThe committee met at 2:05 p.m., Senator Capehart presiding.\n\nThe CHAIRMAN. The committee will please come to order.\n\nMr. BURNS. I have not prepared any statement. I will be glad to answer questions.\n\nThe CHAIRMAN. Do you have any remarks before the Senators ask questions?\n\nMr. BURNS. No; I do not feel that I do.\n\nSenator DOUGLAS. Mr. Burns, what is your view of the deficit this year?\n\nMr. BURNS. It should be reduced as the economy recovers.\n';
    const { turns } = read(text, 'Mr. BURNS');
    expect(turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['5 The CHAIRMAN', '7 Mr. BURNS', '9 The CHAIRMAN', '11 Mr. BURNS', '13 Senator DOUGLAS', '15 Mr. BURNS']);
    expect(turns[4]).toBe('13 Q Senator DOUGLAS');
  });
  it('Hansard: the member alone on a line beside a constituency; the heading above is no label', () => {
    const text = 'Engagements\n\nKate Osamor (Edmonton) (Lab/Co-op)\n\n1. If he will list his official engagements for Wednesday 26 January.\n\nThe Prime Minister (Boris Johnson)\n\nThis morning I had meetings with ministerial colleagues and others.\n\nKate Osamor\n\nDid the Prime Minister agree to writing off the fraud?\n\nThe Prime Minister\n\nNo, of course not.\n\nCraig Tracey (North Warwickshire) (Con)\n\n2. Will the Prime Minister join me in thanking the hospital staff?\n\nThe Prime Minister\n\nI join my hon. Friend in thanking them.\n';
    const { turns, title } = read(text, 'The Prime Minister');
    expect(title).toBe('Engagements');
    expect(turns).toEqual(['3 Q Kate Osamor', '7 - The Prime Minister', '11 Q Kate Osamor', '15 - The Prime Minister', '19 Q Craig Tracey', '23 - The Prime Minister']);
  });
  it('Hansard as Parallel Parliament prints it: Name Portrait Label, page furniture between label and speech', () => {
    const text = 'Oral Answers to Questions\n\nRead Full debate\nWednesday 5th March 2025\n\nCommons Chamber\nRead Hansard Text Watch Debate\nAnna Field Portrait Anna Field (Northtown) (Lab)\n- Hansard - - - Excerpts\n\n4. What steps he is taking to improve rural bus services.\n\nHilary Benn Portrait The Secretary of State for Transport (Hilary Benn)\n- View Speech - Hansard - - - Excerpts\n\nWe are funding new routes in every region this year, and I will report to the House on their progress.\n\nTom Ridge Portrait Tom Ridge\n- View Speech - Hansard - - - Excerpts\n\nWill the Secretary of State meet me to discuss the route through my constituency?\n\nHilary Benn Portrait Hilary Benn\n- View Speech - Hansard - - - Excerpts\n\nI would be happy to meet the hon. Gentleman.\n';
    const { turns, r, sections } = read(text, 'Hilary Benn');
    expect(turns).toEqual(['8 Q Anna Field', '13 - Hilary Benn', '18 Q Tom Ridge', '23 - Hilary Benn']);
    // The printed label is Hansard's own; the furniture is gone, recorded as a change.
    expect(sections.flatMap((s) => s.children).find((t) => !t.speaker.implicit)?.speaker.label).toBe('Anna Field (Northtown) (Lab)');
    expect(r.changes.filter((c) => c.rule === 'page-furniture')).toHaveLength(4);
    expect(r.blocks.join('\n')).not.toContain('- Hansard -');
  });
  it('TV news: NAME, TITLE (voice-over): and ANNOUNCER:; the surname alone (KING) is the speaker first named in full', () => {
    const text = 'THE SITUATION ROOM\n\nBLITZER: Happening now, breaking news on the storm.\n\nJOHN KING, CNN CHIEF NATIONAL CORRESPONDENT (voice-over): The storm hit the coast overnight.\n\nANNOUNCER: This is CNN.\n\nBLITZER: John, what are you hearing from the governor?\n\nKING: The governor says the state is ready.\n';
    expect(read(text, 'BLITZER').turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['3 BLITZER', '5 JOHN KING', '7 ANNOUNCER', '9 BLITZER', '11 JOHN KING']);
  });
  it('transcription services: Name (mm:ss): alone on its line, and Speaker N for a voice they cannot name (real text: rev.com, 2025-07-31)', () => {
    // The opening of https://www.rev.com/transcripts/karoline-leavitt-white-house-press-briefing-on-7-31-25,
    // as the search corpus holds it (its first paragraphs, the third cut after its first two sentences).
    const text = 'Karoline Leavitt (00:00):\nGood afternoon everyone.\nSpeaker 1 (00:00):\nGood afternoon.\nKaroline Leavitt (03:04):\nWe have a lot of news today and I have quite a few announcements for you, so let\'s get to it. First, on behalf of the President and the White House, we express our deepest condolences to the family of New York Police Officer Islam, who made the ultimate sacrifice in defense of his fellow New Yorkers.\n(03:45)\nIn other news, President Trump\'s working visit to Scotland was a huge success.\n';
    const { turns, r } = read(text, 'Karoline Leavitt');
    expect(turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['1 Karoline Leavitt', '3 Speaker 1', '5 Karoline Leavitt']);
    expect(r.conventions[0]).toMatchObject({ position: 'line', delimiter: 'colon' });
    // The timestamp is the service's, not the name's, before the colon or after it (Rev's older pages).
    expect(candidateOf('Speaker 2 (12:41):')).toMatchObject({ label: 'Speaker 2', alone: true, stamped: true });
    expect(candidateOf('Speaker 2: (01:50)')).toMatchObject({ label: 'Speaker 2', stamped: true });
    expect(candidateOf('Chuck Schumer: (00:37)')).toMatchObject({ label: 'Chuck Schumer', stamped: true });
    // A time in brackets in prose opens no turn: the words before it read as no name.
    const prose = read(`${text}The vote was held at (10:30): a quorum was present.\n`, 'Karoline Leavitt');
    expect(prose.turns).toHaveLength(3);
  });
  it('transcription services: the time after a label alone on its line (Otter, 通义听悟) or before the label (Plaud, Fireflies); a phrase broken off at the next voice is still a turn', () => {
    // Otter's export: `Speaker N  m:ss` and two trailing spaces, a sentence cut where the next voice starts.
    const otter = 'Speaker 1  0:00  \nWelcome back to the programme. Today we talk about the budget.\n\nSpeaker 2  0:33  \nThank you. The council voted last night, and the result surprised everyone.\n\nSpeaker 3  0:52  \nIt passed by one vote. The\n\nSpeaker 2  0:54  \nmayor had to cast it herself.\n\nSpeaker 3  1:06  \nThat is right.\n';
    expect(read(otter, 'Speaker 2').turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['1 Speaker 1', '4 Speaker 2', '7 Speaker 3', '10 Speaker 2', '13 Speaker 3']);
    // A name with the time alone on its line, its speech on the next line of the same block.
    const named = 'Michael Graf  00:03\nGood morning, thanks for joining. Let us start with the budget.\n\nJane Doe  00:15\nThanks Michael. The budget is on track for the quarter.\n\nMichael Graf  00:40\nAnd the hiring plan?\n\nJane Doe  00:44\nWe hired four engineers last month.\n';
    expect(read(named, 'Jane Doe').turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['1 Michael Graf', '4 Jane Doe', '7 Michael Graf', '10 Jane Doe']);
    const plaud = '[00:00:01] Speaker 1: Good morning, thanks for joining.\n[00:00:15] Speaker 2: Thanks. The budget is on track for the quarter.\n[00:00:40] Speaker 1: And the hiring plan?\n[00:00:44] Speaker 2: We hired four engineers last month.\n';
    expect(read(plaud, 'Speaker 2').turns).toEqual(['1 Q Speaker 1', '2 - Speaker 2', '3 Q Speaker 1', '4 - Speaker 2']);
    expect(candidateOf('00:00:03 Jane Doe: Thanks Michael.')).toMatchObject({ label: 'Jane Doe', length: 19, stamped: true });
    const tingwu = '发言人1 00:03\n大家好，今天我们讨论预算问题。\n\n发言人2 00:15\n谢谢。本季度预算执行正常。\n\n发言人1 00:40\n招聘计划呢？\n\n发言人2 00:44\n上个月我们招了四名工程师。\n';
    expect(read(tingwu, '发言人2').turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['1 发言人1', '4 发言人2', '7 发言人1', '10 发言人2']);
    // A page's header name without a time stays in its block (the title), as before.
    expect(stampedAlone('John Kirby')).toBe(false);
    expect(stampedAlone('Jane Doe  00:15  ')).toBe(true);
  });
  it('a label in Markdown bold (a page copied as Markdown), in 【】 before the speech (the premier\'s press conference as some pages print it), and a record\'s Q. / A.', () => {
    // The opening of thechangelog/transcripts practicalai/practical-ai-133.md (real text, its first turns).
    const bold = "**Daniel Whitenack:** Welcome to another episode of Practical AI. This is Daniel Whitenack.\n\n**Chris Benson:** I am doing very well. How is it going today, Daniel?\n\n**Daniel Whitenack:** It's going wonderful. I don't know if you -- our listeners can't see me, but you can see me, I'm in a new room.\n\n**Chris Benson:** It's funny that you mentioned that, because I know I've mentioned to you that I'm planning to move as well, very local to where we're at...\n";
    expect(read(bold, 'Daniel Whitenack').turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['1 Daniel Whitenack', '3 Chris Benson', '5 Daniel Whitenack', '7 Chris Benson']);
    // The shape of http://m.grayareaapparel.com/n4/n18/c139553/content.html (2020): 【張業遂】…, 【李克強】…; our wording.
    const zh = '【主持人】各位记者朋友，大家上午好。\n\n【王文涛】谢谢主持人。今年以来，商务部扎实推进各项工作。\n\n【新华社记者】请问今年外贸形势如何？\n\n【王文涛】总体稳中向好。\n';
    expect(read(zh, '王文涛').turns).toEqual(['1 - 主持人', '3 - 王文涛', '5 Q 新华社', '7 - 王文涛']);
    // A news script's cue in the same brackets is no speaker; a bracket holding a field is none either.
    expect(candidateOf('【同期】中新社记者 梁晓辉')?.label).not.toBe('同期');
    expect(candidateOf('【編輯：李雪萍】')?.label).not.toBe('編輯：李雪萍');
    const record = 'Q. Please state your name for the record.\n\nA. John Smith.\n\nQ. Where do you live?\n\nA. In Springfield, Illinois.\n\nQ. How long have you lived there?\n\nA. About ten years.\n';
    expect(read(record, 'John Smith').turns.slice(2)).toEqual(['5 Q Q', '7 - John Smith', '9 Q Q', '11 - John Smith']);
    // A list lettered A., B., C. in a speech is no record: no turn.
    expect(read('We have three goals this year.\n\nA. Growth that reaches every family in the country.\n\nB. Security at home and abroad.\n\nC. A cleaner environment for our children.\n', 'Jane Doe').turns).toEqual([]);
  });
  it('国新办 style alone on its line: a speech shorter than its label still follows it; the chair before a rare name in brackets is the moderator', () => {
    const alone = '主持人 寿小丽\n各位记者朋友，大家上午好。\n\n国家统计局局长 康义\n谢谢主持人。今年以来，经济运行总体平稳。\n\n新华社记者\n请问今年经济形势如何？\n\n国家统计局局长 康义\n总体稳中向好。\n';
    expect(read(alone, '康义').turns).toEqual(['1 - 寿小丽', '4 - 康义', '7 Q 新华社', '10 - 康义']);
    const bracketed = '[主持人 袭艳春]\n各位记者朋友，大家上午好。\n\n[国家统计局局长 康义]\n谢谢主持人。今年以来，经济运行总体平稳。\n\n[新华社记者]\n请问今年经济形势如何？\n\n[国家统计局局长 康义]\n总体稳中向好。\n';
    const { turns, r } = read(bracketed, '康义');
    expect(turns).toEqual(['1 - 袭艳春', '4 - 康义', '7 Q 新华社', '10 - 康义']);
    expect(r.tree.children.filter((c): c is Section => c.type === 'section')[0].children[0].kind).toBe('moderator');
  });
  it('Hansards of Australia and Canada, and an office before the principal\'s name: the seat, office and time in brackets are no part of the name', () => {
    const au = 'Mr DUTTON (Dickson—Leader of the Opposition) (14:00): My question is to the Prime Minister. Why has the cost of living risen?\n\nMr ALBANESE (Grayndler—Prime Minister) (14:01): I thank the Leader of the Opposition for his question. Inflation has halved.\n\nThe SPEAKER: The Prime Minister has the call.\n\nMr ALBANESE: Inflation has halved.\n';
    expect(read(au, 'Mr ALBANESE').turns).toEqual(['1 Q Mr DUTTON', '3 - Mr ALBANESE', '5 - The SPEAKER', '7 - Mr ALBANESE']);
    const ca = 'Hon. Pierre Poilievre (Carleton, CPC): Mr. Speaker, the Prime Minister promised to lower costs. Will he cancel the tax?\n\nRt. Hon. Justin Trudeau (Prime Minister, Lib.): Mr. Speaker, we are delivering for Canadians every day.\n\nHon. Pierre Poilievre (Carleton, CPC): Mr. Speaker, that is not true.\n\nRt. Hon. Justin Trudeau (Prime Minister, Lib.): Mr. Speaker, we will keep working.\n';
    expect(read(ca, 'Justin Trudeau').turns).toEqual(['1 Q Hon. Pierre Poilievre', '3 - Justin Trudeau', '5 Q Hon. Pierre Poilievre', '7 - Justin Trudeau']);
    const mea = 'Official Spokesperson, Shri Randhir Jaiswal: Good afternoon friends. Let me begin with the visit of the Prime Minister.\n\nQuestion: Sir, what about the trade talks?\n\nOfficial Spokesperson, Shri Randhir Jaiswal: The talks are continuing.\n';
    expect(read(mea, 'Randhir Jaiswal').turns).toEqual(['1 - Randhir Jaiswal', '3 Q Question', '5 - Randhir Jaiswal']);
  });
  it('Hansard as TheyWorkForYou prints it (Photo of Name Name Office): the name is the label; the debate title above is the title, no turn (real text: theyworkforyou.com, 21 April 2022)', () => {
    const twfy = 'Business of the House\n\n– in the House of Commons at 10:31 am on 21 April 2022.\n\nPhoto of Thangam Debbonaire Thangam Debbonaire Shadow Leader of the House of Commons\n\nWill the Leader of the House give us the forthcoming business?\n\nPhoto of Mark Spencer Mark Spencer Lord President of the Council and Leader of the House of Commons\n\nIt will be a pleasure. The business for the week commencing 25 April will include:\n\nPhoto of Thangam Debbonaire Thangam Debbonaire Shadow Leader of the House of Commons\n\nThere is a good showing for business questions today, isn’t there, Mr Speaker?\n';
    const { turns, title } = read(twfy, 'Mark Spencer');
    expect(title).toBe('Business of the House');
    expect(turns).toEqual(['5 Q Thangam Debbonaire', '9 - Mark Spencer', '13 Q Thangam Debbonaire']);
  });
  it('Hansard as its own site copies: the member alone on a line with the speech on the very next line, an oral question\'s number and id before the member (Q1. [900001]); the heading above is the title', () => {
    const text = 'Engagements\n\nQ1. [900001] Lincoln Jopp (Spelthorne) (Con)\nIf he will list his official engagements for Wednesday 14 January.\n\nThe Prime Minister (Keir Starmer)\nThis morning I had meetings with ministerial colleagues and others. In addition to my duties in this House, I shall have further such meetings later today.\n\nLincoln Jopp\nI associate myself with the Prime Minister’s remarks, particularly about Iran.\n\nThe Prime Minister\nIt was the previous Government who lost control of immigration.\n';
    const { turns, title } = read(text, 'Keir Starmer');
    expect(title).toBe('Engagements');
    expect(turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['3 Lincoln Jopp', '6 Keir Starmer', '9 Lincoln Jopp', '12 Keir Starmer']);
    expect(candidateOf('Q1. [900001] Lincoln Jopp (Spelthorne) (Con)')).toMatchObject({ label: 'Lincoln Jopp (Spelthorne) (Con)', alone: true });
    // Singapore's Hansard: the office with the person in brackets before the colon, then the office alone.
    const sg = 'ORAL ANSWERS TO QUESTIONS\n\nThe Prime Minister (Mr Lawrence Wong): Mr Speaker, Sir, the Government has put in place a package to help households.\n\nMr Speaker: Mr Leong.\n\nMr Leong Mun Wai (Non-Constituency Member): Sir, will the Prime Minister consider removing the GST on essential items?\n\nThe Prime Minister: Sir, a targeted approach is better.\n';
    expect(read(sg, 'Lawrence Wong').turns).toEqual(['3 - Lawrence Wong', '5 - Mr Speaker', '7 Q Mr Leong Mun Wai', '9 - Lawrence Wong']);
    // The same line in the Daily Part, the speech after a colon.
    expect(candidateOf('T2. [901234] Dame Caroline Dinenage (Gosport) (Con): My constituent Suzanne will miss out.')).toMatchObject({ label: 'Dame Caroline Dinenage (Gosport) (Con)', delimiter: 'colon' });
  });
  it('a network\'s headline that ends with the principal\'s name, above labels that all end with a colon, is the title (CNN INTERVIEW WITH PRESIDENT ZELENSKYY)', () => {
    const cnn = 'CNN INTERVIEW WITH PRESIDENT ZELENSKYY\n\nANDERSON COOPER, CNN ANCHOR: Good evening. Tonight, an interview with the president of Ukraine.\n\nVOLODYMYR ZELENSKYY, UKRAINIAN PRESIDENT (through translator): Thank you for coming to Kyiv.\n\nCOOPER: How long can Ukraine hold on?\n\nZELENSKYY (through translator): As long as we have the support of our partners.\n';
    const { turns, title } = read(cnn, 'ZELENSKYY');
    expect(title).toBe('CNN INTERVIEW WITH PRESIDENT ZELENSKYY');
    expect(turns.map((t) => t.split(' ')[0])).toEqual(['3', '5', '7', '9']);
  });
  it('a Chinese label of two parts, one in brackets before the colon: the chair with a name (主持人（寿小丽）：), a speaker with the office (蒋超良（国家发展改革委副主任）：); a bracket ending a heading or a photo\'s caption is no label', () => {
    const text = '国务院新闻办公室举行新闻发布会\n\n主持人（寿小丽）：女士们、先生们，大家上午好。欢迎出席国务院新闻办新闻发布会。\n\n蒋超良（国家发展改革委副主任）：谢谢主持人。很高兴和大家见面。\n\n中央广播电视总台央视记者：请问今年有哪些新举措？\n\n蒋超良：谢谢你的提问。今年我们将推出一系列新的举措。\n';
    const { turns, title, sections } = read(text, '蒋超良');
    expect(title).toBe('国务院新闻办公室举行新闻发布会');
    expect(turns).toEqual(['3 - 寿小丽', '5 - 蒋超良', '7 Q 中央广播电视总台央视', '9 - 蒋超良']);
    expect(sections[0].children[0].kind).toBe('moderator');
    // Two fields of the header on consecutive lines are two paragraphs, not one run together.
    const header = read('国务院新闻办公室举行新闻发布会\n\n时间：2024年3月5日\n地点：国务院新闻办新闻发布厅\n\n' + text.split('\n\n').slice(1).join('\n\n'), '蒋超良');
    expect(header.r.blocks.slice(1, 3)).toEqual(['时间：2024年3月5日', '地点：国务院新闻办新闻发布厅']);
    // A heading's note (dev: zh-hans-premier-2017-03-15) and a photo's caption under the principal's name.
    const heading = '国务院总理李克强答中外记者问（实录）\n\n外交部发言人毛宁（新华社记者 李贺摄）\n\n傅莹：各位记者朋友，大家好。\n\n李克强：谢谢大家。\n';
    const read2 = read(heading, '李克强');
    expect(read2.title).toBe('国务院总理李克强答中外记者问（实录）');
    expect(read2.turns.filter((t) => /^[13] /.test(t))).toEqual([]);
    expect(read2.turns).toContain('7 - 李克强');
  });
  it('a subtitle file (WebVTT as Zoom writes it, SRT): cue numbers and timings are dropped and recorded; a label repeated on the next cue is the format\'s; a cue that goes on is a line of the paragraph', () => {
    const vtt = 'WEBVTT\n\nNOTE written by the meeting software\n\n1\n00:00:03.510 --> 00:00:05.110\nJohn Smith: Good morning, everyone, and\n\n2\n00:00:05.500 --> 00:00:12.000\nJohn Smith: welcome to the briefing. The director will take your questions.\n\n3\n00:00:12.400 --> 00:00:20.000\nJane Doe: Thank you, John. The review of the program is complete.\n\n4\n00:00:20.100 --> 00:00:24.000\nReporter: When will the report be published?\n\n5\n00:00:24.300 --> 00:00:28.000 align:start position:10%\nJane Doe: Next month.\n';
    const { r, turns, title } = read(vtt, 'Jane Doe');
    expect(title).toBeNull();
    expect(turns).toEqual(['7 - John Smith', '15 - Jane Doe', '19 Q Reporter', '23 - Jane Doe']);
    expect(r.blocks[0]).toBe('John Smith: Good morning, everyone, and welcome to the briefing. The director will take your questions.');
    const dropped = r.changes.filter((c) => c.rule === 'page-furniture').map((c) => c.before);
    expect(dropped).toEqual(expect.arrayContaining(['WEBVTT', 'NOTE written by the meeting software', '1', '00:00:03.510 --> 00:00:05.110', 'John Smith: ']));
    // SRT without labels: one paragraph while the speech runs on; a new one after a sentence and a pause.
    const srt = '1\n00:00:03,510 --> 00:00:05,110\nGood morning, everyone, and welcome\n\n2\n00:00:05,500 --> 00:00:08,000\nto the briefing. Today we have the director with us.\n\n3\n00:00:12,400 --> 00:00:15,000\nShe will take your questions after her remarks.\n';
    expect(read(srt, 'Jane Doe').r.blocks).toEqual(['Good morning, everyone, and welcome to the briefing. Today we have the director with us.', 'She will take your questions after her remarks.']);
    // Chinese captions without punctuation join without a space.
    const zh = 'WEBVTT\n\n1\n00:00:02.150 --> 00:00:06.150\n我和很多到这里来寻找\n\n2\n00:00:06.240 --> 00:00:08.050\n硅谷体验的人都聊过\n\n3\n00:00:08.100 --> 00:00:09.000\n他们都很兴奋\n';
    expect(read(zh, '李明').r.blocks).toEqual(['我和很多到这里来寻找硅谷体验的人都聊过他们都很兴奋']);
    // WebVTT's voice tags name the speaker; its other markup (italics, classes, karaoke times) is dropped.
    const tagged = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v John Smith>Good morning, everyone, and</v>\n\n00:00:04.200 --> 00:00:07.000\n<v John Smith>welcome to the <i>briefing</i>.</v>\n\n00:00:08.000 --> 00:00:12.000\n<v Jane Doe>Thank you, John.\n\n00:00:12.500 --> 00:00:14.000\n<v Reporter>When will it be published?\n\n00:00:14.200 --> 00:00:16.000\n<v.loud Jane Doe>Next <00:00:15.000><c>month.</c>\n';
    const v = read(tagged, 'Jane Doe');
    expect(v.turns).toEqual(['4 - John Smith', '10 - Jane Doe', '13 Q Reporter', '16 - Jane Doe']);
    expect(v.r.blocks.map((b) => b.replace(/^<v[^>]*>/, ''))).toEqual(['Good morning, everyone, and welcome to the briefing.', 'Thank you, John.', 'When will it be published?', 'Next month.']);
    // A text that only mentions a timing once is no subtitle file.
    expect(read('MODERATOR: The clip runs 00:00:03,510 --> 00:00:05,110 in the file.\n\nJANE DOE: Thank you.\n', 'JANE DOE').r.blocks[0]).toContain('-->');
  });
  it('a Security Council record: the roster with dot leaders in its header (President: … . . . . (China), Members: …) names people who do not speak there', () => {
    const text = 'Security Council\n\nPresident: Mr. Fu Cong . . . . . . . . . . . . . . . . . . . (China)\nMembers: Algeria . . . . . . . . . . . . . . . . . Mr. Bendjama\n\nThe meeting was called to order at 10.05 a.m.\n\nThe President: I now give the floor to Mr. Fletcher.\n\nMr. Fletcher: Thank you, Mr. President. The humanitarian situation continues to deteriorate.\n\nMr. Nebenzia (Russian Federation) (spoke in Russian): We listened carefully to the briefing.\n';
    const turns = read(text + '\nThe President: I thank the representative of the Russian Federation.\n', 'Mr. Nebenzia').turns.map((t) => t.replace(/ [Q-] /, ' '));
    expect(turns.filter((t) => /^[34] /.test(t))).toEqual([]);
    expect(turns).toEqual(expect.arrayContaining(['8 The President', '12 Mr. Nebenzia', '14 The President']));
    // An ellipsis in speech is no roster.
    expect(read('MR. SMITH: I said . . . well, never mind.\n\nMR. JONES: Go on.\n\nMR. SMITH: Fine.\n', 'MR. SMITH').turns).toHaveLength(3);
    const trailing = 'MR. SMITH: ' + 'We went over the numbers again and again, and the figures never added up the way the report said they did, not once. '.repeat(2) + 'And then . . . . . . nothing.';
    expect(read(`${trailing}\n\nMR. JONES: Go on.\n\nMR. SMITH: Fine.\n`, 'MR. SMITH').turns).toHaveLength(3);
  });
  it('a court reporter\'s numbered lines: line and page numbers are dropped and recorded; a sentence runs on over its wrap and over the page break; Q. / A. and THE COURT: are turns', () => {
    const text = '                                                 12\n 1          THE COURT:  Please be seated.  Mr. Smith, you may\n 2     proceed.\n 3          MR. SMITH:  Thank you, Your Honor.\n 4     BY MR. SMITH:\n 5        Q.   Where were you on the night of March 3rd?\n 6        A.   I was at home with my family.\n 7        Q.   Was anyone else with you?\n 8        A.   No, just my wife and\n                                                 13\n 1     children.\n 2          MR. JONES:  Objection, Your Honor.  Relevance.\n 3          THE COURT:  Overruled.  You may answer.\n 4        A.   My brother came by later.\n';
    const { r, turns } = read(text, 'A');
    expect(r.blocks[0]).toBe('THE COURT:  Please be seated.  Mr. Smith, you may proceed.');
    expect(r.blocks).toContain('A.   No, just my wife and children.');
    expect(turns.map((t) => t.replace(/^\d+ /, ''))).toEqual(['- THE COURT', '- MR. SMITH', 'Q Q', '- A', 'Q Q', '- A', '- MR. JONES', '- THE COURT', '- A']);
    const dropped = r.changes.filter((c) => c.rule === 'page-furniture');
    expect(dropped.filter((c) => /line number/.test(c.note ?? ''))).toHaveLength(12);
    expect(dropped.filter((c) => /page number/.test(c.note ?? '')).map((c) => c.before)).toEqual(['12', '13']);
    // A text that merely has a few numbered lines keeps them.
    expect(read('MR. SMITH: We have three points.\n\n1 The budget.\n2 The staff.\n3 The plan.\n\nMR. JONES: Thank you.\n', 'MR. SMITH').r.blocks.join('\n')).toContain('1 The budget.');
  });
  it('Hansard as OpenAustralia prints it: the member with seat, party and office in brackets (brackets inside brackets too), the page\'s links on the label\'s line, the speech on the next (dev text: openaustralia.org.au, 2018-03-27)', () => {
    const text = readFileSync(join(import.meta.dirname, '../index-gold/texts/en-au-2018-03-27/transcript.txt'), 'utf8');
    const { turns } = read(text, 'Tony Smith');
    expect(turns.map((t) => t.replace(/^(\d+) [Q-] /, '$1 '))).toEqual(['6 Mr Tony Burke', '8 Tony Smith', '10 Christopher Pyne', '12 Bill Shorten', '14 Tony Smith']);
    expect(candidateOf('Mr Tony Burke (Watson, Australian Labor Party, Manager of Opposition Business (House)) Share this | Link to this | Hansard source')).toMatchObject({ label: 'Mr Tony Burke (Watson, Australian Labor Party, Manager of Opposition Business (House))', alone: true, case: 'title' });
  });
  it('the European Parliament\'s verbatim report: Name, on behalf of the Group. – speech; the speaker is the name before the capacity', () => {
    const ep = 'President. – The next item is the debate on the situation in the Middle East.\n\nManfred Weber, on behalf of the PPE Group. – Madam President, colleagues, the situation is very serious.\n\nIratxe García Pérez, on behalf of the S&D Group. – (ES) Madam President, we need a ceasefire now.\n\nPresident. – Thank you. The debate is closed.\n';
    expect(read(ep, 'President').turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['1 President', '3 Manfred Weber', '5 Iratxe García Pérez', '7 President']);
    // A dash after a sentence in a speech is no label: no convention, no turn.
    expect(read('We came a long way. – And we will go further still, together with our partners.\n\nThank you all.\n', 'Jane Doe').turns).toEqual([]);
  });
  it('earnings calls: Operator and Name -- Title alone on their lines', () => {
    const text = 'Q4 2023 Earnings Call\n\nOperator\n\nGood day, and welcome to the fourth quarter earnings call.\n\nTim Cook -- Chief Executive Officer\n\nThank you. Good afternoon, everyone. We had a strong quarter.\n\nOperator\n\nOur first question comes from the line of Erik Woodring.\n\nErik Woodring -- Morgan Stanley -- Analyst\n\nHow do you think about margins next year?\n\nTim Cook -- Chief Executive Officer\n\nWe expect them to stay in a similar range.\n';
    expect(read(text, 'Tim Cook').turns).toEqual(['3 - Operator', '7 - Tim Cook', '11 - Operator', '15 Q Erik Woodring', '19 - Tim Cook']);
  });
  it('earnings calls: a host who hands over to the Operator (Operator, may we have the first question, please?) asks nothing; the analyst the Operator names asks', () => {
    // Real sentences: a White House call (en-wh-2021-05-20, dev) and Apple's investor-relations host.
    expect(textAsks('Great.  Operator, we’re ready to open the line, please.')).toBe(false);
    expect(textAsks('Thank you, Kevan. [Operator Instructions]. Operator, may we have the first question, please?')).toBe(false);
    expect(textAsks('Did the operator cut my line? I had a question on margins.')).toBe(true);
    expect(textAsks('Thank you. How should we think about gross margin next quarter?')).toBe(true);
    const text = 'Suhasini Chandramouli: Thank you, Kevan. We ask that you limit yourself to two questions. Operator, may we have the first question, please?\nOperator: Certainly. We will go ahead and take our first question from Amit Daryanani with Evercore.\nAmit Daryanani: Thank you. How should we think about gross margin next quarter?\nTim Cook: We expect it to stay in a similar range, Amit, with services growing faster than products.\nAmit Daryanani: And how do you think about memory costs over the year?\nTim Cook: They had a minimal effect this quarter and we expect a little more next quarter.\nOperator: Our next question is from Erik Woodring with Morgan Stanley.\nErik Woodring: How is demand for the new phones holding up in China this quarter?\nTim Cook: Demand has been strong and consistent throughout the quarter, Erik.\n';
    expect(read(text, 'Tim Cook').turns).toEqual(['1 - Suhasini Chandramouli', '2 - Operator', '3 Q Amit Daryanani', '4 - Tim Cook', '5 Q Amit Daryanani', '6 - Tim Cook', '7 - Operator', '8 Q Erik Woodring', '9 - Tim Cook']);
  });
  it('立法院: <surname>委員<given>：, 主席：, <surname>秘書長<given>：', () => {
    const text = '立法院第8屆第7會期第5次會議紀錄\n\n主席：現在繼續開會，對行政院院長施政報告繼續質詢。\n\n邱委員文彥：（9時2分）主席、各位同仁。今年的旱象引起很大關注，院長知道嗎？\n\n主席：請行政院毛院長答復。\n\n毛院長治國：（9時3分）主席、各位委員。昨天的降雨幫助有限。\n\n邱委員文彥：應該是多撐一個禮拜左右，您怎麼看？\n\n毛院長治國：我們會持續努力。\n\n林秘書長志嘉：報告院會，出席委員74人，已足法定人數。\n';
    expect(read(text, '毛院長治國').turns).toEqual(['3 - 主席', '5 Q 邱文彥', '7 - 主席', '9 - 毛院長治國', '11 Q 邱文彥', '13 - 毛院長治國', '15 - 林志嘉']);
  });
  it('an interview heading (…专访, …訪談錄) is the title, not a label', () => {
    for (const heading of ['王毅接受半岛电视台专访', '外交部長吳釗燮訪談錄']) {
      const { title, turns } = read(`${heading}\n\n记者：部长先生，您如何看待当前局势？\n\n王毅：中方一贯主张通过对话解决争端。\n`, '王毅');
      expect(title).toBe(heading);
      expect(turns).toEqual(['3 Q 记者', '5 - 王毅']);
    }
  });
  it('a colon in prose fits no convention; a label seen once that fits the convention is a label', () => {
    const text = '会议实录\n\n主持人：现在开会。\n\n张明远：我先说三点。第一，要抓落实。\n\n首先：我们要统一思想，这是前提。\n\n主持人：请李委员发言。\n\n李文博：我赞成，也补充一点意见。\n\n主持人：谢谢两位。\n';
    const { turns } = read(text, '');
    expect(turns.map((t) => t.replace(/ [Q-] /, ' '))).toEqual(['3 主持人', '5 张明远', '9 主持人', '11 李文博', '13 主持人']);
  });
  it('scores a convention by recurrence and alternation with speech', () => {
    const lines = ['MR PRICE: Good afternoon.', 'QUESTION: On Iran?', 'MR PRICE: We are watching.', 'QUESTION: And China?', 'MR PRICE: Same.'];
    const c = induceConventions(lines, labelKey);
    expect(c.list[0]).toMatchObject({ position: 'start', delimiter: 'colon', case: 'upper', count: 5, strings: 2 });
    expect(c.fit(candidateOf('MS SMITH: Hello there.')!)).toBeGreaterThan(0.5);
    expect(c.fit(candidateOf('Note: this is prose.')!)).toBe(0);
    // Headings alone on lines with nothing recurring are no convention.
    expect(induceConventions(['Opening', 'Text one here, long.', 'Middle', 'Text two, long.', 'End', 'Text three.'], labelKey).list).toEqual([]);
  });
  it('an editor\'s label pattern (book.yaml labels:) is tried first', () => {
    const text = 'Intro line\n\nVOICE OF AMERICA asks: what is next?\n\nANCHOR: We will see.\n';
    const { turns } = read(text, 'ANCHOR', { labels: [{ pattern: '/VOICE OF AMERICA asks/', role: 'question' }] });
    expect(turns).toEqual(['3 Q VOICE OF AMERICA asks', '5 - ANCHOR']);
  });
  it('Hansard: an office in capitalised words runs long and holds commas; the member answered alternates', () => {
    const text = 'Oral Answers to Questions\n\nAnne Example Portrait Anne Example (North Town) (Lab)\n- Hansard - - - Excerpts\n\n2. What steps his Department is taking to support rural bus services.\n\nJohn Minister Portrait The Parliamentary Under-Secretary of State for Transport, Local Government and the Regions (John Minister)\n- Hansard - -\n\nWe have provided new funding to every county council this year, and we will set out further support in the spring.\n\nAnne Example Portrait Anne Example\n- Hansard - - - Excerpts\n\nI thank the Minister, but will he meet me and the operators in my constituency to discuss the closures?\n\nJohn Minister Portrait John Minister\n- Hansard - -\n\nI would be happy to meet the hon. Lady.\n';
    const { turns } = read(text, 'John Minister');
    expect(turns).toEqual(['3 Q Anne Example', '8 - John Minister', '13 Q Anne Example', '18 - John Minister']);
  });
  it('a programme host: ANCHOR after the comma moderates, also under the surname alone; a (voice over) note keeps the capitals', () => {
    const text = 'JANE ROE, CNN ANCHOR: Good evening. We begin tonight with the storm on the coast.\n\nSAM DOE, CNN CORRESPONDENT (voice over): The water rose overnight and thousands were told to leave their homes before dawn.\n\nROE: Sam, how many people are still without power tonight?\n\nSAM DOE: About forty thousand, Jane, and crews say it may take days.\n\nROE: Thank you, Sam.\n';
    const { r } = read(text, 'SAM DOE');
    const all = r.tree.children.flatMap((c) => (c.type === 'section' ? c.children : []));
    expect(all.map((t) => `${t.speaker.position?.start.line} ${t.kind} ${t.speaker.name}`)).toEqual(['1 moderator JANE ROE', '3 remarks SAM DOE', '5 moderator JANE ROE', '7 remarks SAM DOE', '9 moderator JANE ROE']);
  });
  it('an interview: the host\'s opening before the guest first speaks moderates; her later turns ask', () => {
    const text = 'QUESTION:  This is the evening programme.  I am Ann Host, and we begin with the Secretary.  Mr. Secretary, welcome.\n\nSECRETARY SMITH:  Thank you, Ann.  Good to be with you.\n\nQUESTION:  What is the goal of the talks this week?\n\nSECRETARY SMITH:  To agree on a ceasefire and on the aid that must follow it.\n';
    const { r } = read(text, 'SECRETARY SMITH');
    const all = r.tree.children.flatMap((c) => (c.type === 'section' ? c.children : []));
    expect(all.map((t) => `${t.speaker.position?.start.line} ${t.kind}`)).toEqual(['1 moderator', '3 remarks', '5 question', '7 answer']);
  });
  it('Hansard: page furniture before the first label is nobody\'s remarks; a numbered question and its supplementary are one section', () => {
    const text = 'Oral Answers to Questions\n\n(1 year, 9 months ago)\n\nCommons Chamber Read Full debate Read Hansard Text\nAnne Example Portrait Anne Example (North Town) (Lab)\n- Hansard - - - Excerpts\n\n2. What steps his Department is taking to support rural bus services.\n\nJohn Minister Portrait The Minister of State, Department for Transport (John Minister)\n- Hansard - -\n\nWe have provided new funding to every county council this year.\n\nAnne Example Portrait Anne Example\n- Hansard - - - Excerpts\n\nWill he meet me and the operators in my constituency to discuss the closures?\n\nJohn Minister Portrait John Minister\n- Hansard - -\n\nI would be happy to meet the hon. Lady.\n';
    const { sections, turns } = read(text, 'John Minister');
    expect(turns).toEqual(['6 Q Anne Example', '11 - John Minister', '16 Q Anne Example', '21 - John Minister']);
    expect(sections.map((s) => s.role)).toEqual(['question']);
  });
  it('Hansard: a debate page\'s furniture in the lead is kept as printed, on its own lines, and is no label, dateline or speech', () => {
    // Dev corpus: two Parallel Parliament pages (2013), their links and tags above the first label.
    const furniture = ['Full Debate: Read Full Debate', '(11 years, 10 months ago)', '(11 years, 1 month ago)', 'Commons Chamber', 'Read Full debate Read Hansard Text', 'Read Full debate Read Hansard Text Read Debate Ministerial Extracts', 'John Spellar Excerpts'];
    for (const [id, speaker] of [['en-hansard-2013-02-04', 'John Bercow'], ['en-hansard-2013-03-06', 'Lord Lansley']]) {
      const page = readFileSync(join(import.meta.dirname, `../corpus/${id}/transcript.txt`), 'utf8');
      const { r } = read(page, speaker, { language: 'en' });
      const lead = r.tree.children.filter((c) => c.type === 'paragraph' || c.type === 'dateline').map((c) => c.children.map((x) => (x.type === 'text' ? x.value : '')).join(''));
      // Every furniture line of the page stands alone (never joined to the date or the heading beside it)…
      const printed = furniture.filter((f) => page.split('\n').includes(f));
      expect(printed.length).toBeGreaterThanOrEqual(4);
      for (const f of printed) expect(lead).toContain(f);
      // …is not the dateline, and no convention counts it as a label.
      const dateline = r.tree.children.find((c) => c.type === 'dateline');
      if (dateline) expect(furniture).not.toContain(dateline.children.map((x) => (x.type === 'text' ? x.value : '')).join(''));
      expect(r.conventions.flatMap((c) => c.examples).filter((e) => furniture.includes(e))).toEqual([]);
    }
  });
  it('a page header field read as a label (分享到：, 【字號：, 字体：, 访问量：) is no turn; a speaker alone on its line stays one', () => {
    // Dev corpus: 國台辦 2021-09-29 as 香港新聞網 printed it, the header's empty fields above the lead.
    const page = readFileSync(join(import.meta.dirname, '../corpus/zh-hant-tao-2021-09-29/transcript.txt'));
    expect(read(page.toString('utf8'), '朱鳳蓮').turns).toEqual(['8 Q 台媒記者問', '10 - 朱鳳蓮']);
    // The same form in a page of the 外交部 house (our wording): 字体： and 访问量： left empty by the page.
    const mfa = '2022年3月1日外交部发言人主持例行记者会\n\n文章来源：外交部官网\n字体：\n发布时间：2022-03-01 19:00:00\n访问量：\n\n路透社记者：请问中方对此有何评论？\n\n赵立坚：我们注意到有关报道。\n\n法新社记者：中方是否会派代表出席？\n\n赵立坚：目前我没有可以发布的消息。\n';
    expect(read(mfa, '赵立坚').turns).toEqual(['8 Q 路透社', '10 - 赵立坚', '12 Q 法新社', '14 - 赵立坚']);
    // Where the speakers stand alone on their lines, a name alone in the header is a speaker ([傅莹]：).
    const alone = '答中外记者问\n\n[傅莹]：\n\n大家好，现在请总理讲话。\n\n[李克强]：\n\n谢谢大家。\n\n[路透社记者]：\n\n请问今年的目标是什么？\n\n[李克强]：\n\n目标是稳。\n';
    expect(read(alone, '李克强').turns[0]).toBe('3 - 傅莹');
  });
});

describe('labels with a role or an outlet in square brackets', () => {
  it('NATO: `Name [Moderator]:` moderates, `Question [Reuters]:` asks, the Secretary General answers', () => {
    const text = 'Press conference by NATO Secretary General Mark Rutte\n\nNATO Spokesperson Allison Hart [Moderator]: Good afternoon. The Secretary General will start with a few remarks.\n\nNATO Secretary General Mark Rutte: Good afternoon. Today Allies discussed our support for Ukraine.\n\nNATO Spokesperson Allison Hart [Moderator]: We will go to Reuters first.\n\nQuestion [Reuters]: Thank you. Secretary General, will Allies agree to five percent at the Summit?\n\nNATO Secretary General Mark Rutte: I am confident that we will have an agreement at the Summit.\n\nQuestion [Deutsche Welle]: Is the United States still committed to Article 5?\n\nNATO Secretary General Mark Rutte: Absolutely.\n';
    const { r, sections } = read(text, 'Mark Rutte');
    const turns = sections.flatMap((s) => s.children).map((t) => `${t.speaker.position?.start.line} ${t.kind} ${t.speaker.name}`);
    expect(turns).toEqual(['3 moderator Allison Hart', '5 remarks Mark Rutte', '7 moderator Allison Hart', '9 question Question', '11 answer Mark Rutte', '13 question Question', '15 answer Mark Rutte']);
    expect(sections.filter((s) => s.role === 'question')).toHaveLength(2);
    expect(r.tree.children.some((c) => c.type === 'title')).toBe(true);
  });
});

describe('a Chinese label in square brackets', () => {
  it('人民网 interviews: [主持人] and [王小兵] before the speech are labels; [掌声] is a stage direction; [傅莹]: with its colon keeps its speech on the next line', () => {
    const text = '人民网访谈：数字乡村建设\n\n[主持人]各位网友大家好，欢迎收看人民网访谈。王主任，您好！\n\n[王小兵]主持人好，各位网友大家好！\n\n[主持人]近年来数字乡村建设取得了哪些成效？\n\n[王小兵]数字乡村建设取得了明显成效。\n\n[掌声]\n\n[主持人]谢谢王主任。\n';
    const { sections } = read(text, '王小兵');
    expect(sections.flatMap((s) => s.children).map((t) => `${t.speaker.position?.start.line} ${t.speaker.name}`)).toEqual(['3 主持人', '5 王小兵', '7 主持人', '9 王小兵', '13 主持人']);
    const colon = '记者会实录\n\n[傅莹]:\n大家好，欢迎各位记者。\n\n[李克强]:\n谢谢各位。\n';
    expect(read(colon, '李克强').sections.flatMap((s) => s.children).map((t) => `${t.speaker.name} ${t.children.length}`)).toEqual(['傅莹 1', '李克强 1']);
  });
});

describe("Taiwan's MOFA briefing: 記者問： and 發言人答：", () => {
  it('the spokesperson answers as the principal; the opening under its numbered heading is no unknown label', () => {
    const text = '外交部112年3月16日例行記者會紀要\n\n一、發言人劉永健開場說明：\n\n外交部今日宣布，我國與友邦簽署農業合作協定，雙方將持續深化合作。\n\n二、記者問答：\n\n記者問：請問外交部對於近日媒體報導有何回應？\n\n發言人答：外交部對此表示嚴正關切，我們將持續與理念相近國家密切合作。\n\n記者問：請問部長下週是否出訪？\n\n發言人答：相關行程確定後將適時對外說明。\n';
    const { r, sections } = read(text, '劉永健');
    expect(sections.flatMap((s) => s.children).filter((t) => !t.speaker.implicit).map((t) => `${t.kind} ${t.speaker.name}`)).toEqual(['question 記者問', 'answer 劉永健', 'question 記者問', 'answer 劉永健']);
    expect(r.diagnostics.filter((d) => d.code === 'TP023' || d.code === 'TP024')).toEqual([]);
  });
});

describe('a programme with a host by title', () => {
  it('the host moderates even as the principal; correspondents, newsmakers, the announcer and an unnamed voice speak remarks; the opening is named after the host', () => {
    const text = 'CNN LIVE TODAY\n\nAired May 12, 2005\n\nKYRA PHILLIPS, CNN ANCHOR: A small plane strayed into restricted airspace over Washington this morning.\n\nED LAVANDERA, CNN CORRESPONDENT: Kyra, the plane was intercepted within minutes.\n\nPHILLIPS: What do we know about the pilots?\n\nLAVANDERA: Very little so far. They were flying from Pennsylvania.\n\nUNIDENTIFIED PERSON #1: We saw the jets come in low.\n\nANNOUNCER: This is CNN.\n\nPHILLIPS: Thank you, Ed.\n';
    const { sections } = read(text, 'KYRA PHILLIPS');
    expect(sections.flatMap((s) => s.children).filter((t) => !t.speaker.implicit).map((t) => `${t.kind} ${t.speaker.name}`)).toEqual([
      'moderator KYRA PHILLIPS', 'remarks ED LAVANDERA', 'moderator KYRA PHILLIPS', 'remarks ED LAVANDERA', 'remarks UNIDENTIFIED PERSON #1', 'remarks ANNOUNCER', 'moderator KYRA PHILLIPS']);
    expect(sections[0].heading).toBe('Opening Remarks: Kyra Phillips');
  });
});

describe('two speakers who share a surname', () => {
  it("MILES O'BRIEN and M. O'BRIEN are not the principal Soledad O'Brien; S. O'BRIEN is; in her programme the correspondent reports", () => {
    const text = "AMERICAN MORNING\n\nSOLEDAD O'BRIEN, CNN ANCHOR: Good morning. The shuttle is on its way home.\n\nMILES O'BRIEN, CNN CORRESPONDENT: Soledad, the crew fired the engines at dawn.\n\nS. O'BRIEN: When will they land?\n\nM. O'BRIEN: Just after noon, if the weather holds.\n\nS. O'BRIEN: Thank you, Miles.\n";
    const { sections } = read(text, "SOLEDAD O'BRIEN");
    expect(sections.flatMap((s) => s.children).filter((t) => !t.speaker.implicit).map((t) => `${t.kind} ${t.speaker.name}`)).toEqual([
      "moderator SOLEDAD O'BRIEN", "remarks MILES O'BRIEN", "moderator SOLEDAD O'BRIEN", "remarks MILES O'BRIEN", "moderator SOLEDAD O'BRIEN"]);
  });
});

describe('a select committee and an oral history', () => {
  it('oral evidence: the question number in the margin (Q1    Chair:) is no part of the label; members ask, the witness answers', () => {
    const text = 'Treasury Committee\n\nOral evidence: Work of the Bank of England\n\nQ1                Chair: Good morning. Governor, when do you expect inflation to reach its target?\n\nAndrew Bailey: We expect inflation to fall close to the target in the coming months.\n\nQ2                Rushanara Ali: Governor, what does that mean for interest rates?\n\nAndrew Bailey: I am not going to give a date.\n\nQ3                Anthony Browne: Are you confident the labour market is loosening?\n\nAndrew Bailey: Yes, but it remains tight.\n';
    const { sections } = read(text, 'Andrew Bailey');
    expect(sections.flatMap((s) => s.children).map((t) => `${t.speaker.position?.start.line} ${t.kind} ${t.speaker.label}`)).toEqual(['5 moderator Chair', '7 remarks Andrew Bailey', '9 question Rushanara Ali', '11 answer Andrew Bailey', '13 question Anthony Browne', '15 answer Andrew Bailey']);
  });
  it("an oral history labels the narrator by her initials (MK: for Margaret Keller): she is the principal", () => {
    const text = 'Oral History Interview with Margaret Keller\n\nJS: Could you tell me where you were born?\n\nMK: I was born in 1921 outside Springfield.\n\nJS: What do you remember about the Depression?\n\nMK: We never had money, but we always had food.\n';
    const { r, sections } = read(text, 'Margaret Keller');
    expect(sections.flatMap((s) => s.children).map((t) => `${t.kind} ${t.speaker.name}`)).toEqual(['question JS', 'answer Margaret Keller', 'question JS', 'answer Margaret Keller']);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('TP023');
  });
});

describe('an office before a full name', () => {
  it('the speaker is the person (Finance Minister Anton Siluanov is Anton Siluanov, as his later label says); a surname after an office stays as printed', () => {
    const text = 'Meeting with Government members\n\nVladimir Putin: Good afternoon, colleagues. Today we will discuss the budget. Mr Siluanov, please.\n\nFinance Minister Anton Siluanov: Mr President, colleagues. The budget has been drafted on the basis of the forecast.\n\nVladimir Putin: What about the deficit?\n\nAnton Siluanov: The deficit will be 0.5 percent of GDP.\n\nSecretary Blinken: We welcome the budget.\n\nSecretary of State Antony Blinken: And we will say so again.\n';
    const { sections } = read(text, 'Vladimir Putin');
    const names = sections.flatMap((s) => s.children).map((t) => t.speaker.name);
    expect(names).toEqual(['Vladimir Putin', 'Anton Siluanov', 'Vladimir Putin', 'Anton Siluanov', 'Secretary Blinken', 'Antony Blinken']);
  });
});

describe("a transcript's own chapter headings", () => {
  // The shape of a Lex Fridman transcript (lexfridman.com): a topic line between turns, a label alone,
  // then the speech after its time stamp.
  const podcast = [
    'Transcript for Sam Altman: OpenAI, GPT-5, Sora | Lex Fridman Podcast #419', '',
    'Introduction', '',
    'Sam Altman', '(00:00:00) I think compute is going to be the currency of the future.', '',
    'Lex Fridman', '(00:00:13) The following is a conversation with Sam Altman, his second time on the podcast.', '',
    'OpenAI board saga', '',
    'Lex Fridman', '(00:01:05) Take me through the OpenAI board saga that started on Thursday, November 16th.', '',
    'Sam Altman', '(00:01:15) That was definitely the most painful professional experience of my life.', '',
    'Ilya Sutskever', '',
    'Lex Fridman', '(00:20:12) Can you speak to what Ilya saw?', '',
    'Sam Altman', '(00:20:40) Ilya has not seen AGI. None of us have.', '',
    'Will GPT-5 be AGI?', '',
    'Lex Fridman', '(01:40:02) Do you think GPT-5 will be AGI?', '',
    'Sam Altman', '(01:40:09) I expect that the delta between 5 and 4 will be the same as between 4 and 3.', '',
  ].join('\n');

  it('a topic line between turns opens a section under its words, and is nobody\'s speech', () => {
    const { sections, turns, r } = read(podcast, 'Sam Altman');
    expect(sections.map((s) => s.heading)).toEqual(['Introduction', 'OpenAI board saga', 'Ilya Sutskever', 'Will GPT-5 be AGI?']);
    expect(turns.map((t) => t.slice(t.indexOf(' ') + 3))).toEqual(['Sam Altman', 'Lex Fridman', 'Lex Fridman', 'Sam Altman', 'Lex Fridman', 'Sam Altman', 'Lex Fridman', 'Sam Altman']);
    const speech = sections.flatMap((s) => s.children).flatMap((t) => t.children).map((p) => p.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
    for (const heading of ['Introduction', 'OpenAI board saga', 'Ilya Sutskever', 'Will GPT-5 be AGI?']) expect(speech).not.toContain(heading);
    expect(titleText(r.tree)).toBe('Transcript for Sam Altman: OpenAI, GPT-5, Sora | Lex Fridman Podcast #419');
  });
  it('one unpunctuated line above a label is speech (a "Thank you" without its stop), and so are such lines in a transcript without stops', () => {
    const once = 'Briefing\n\nMS. LEE: Good afternoon. We begin with the storm.\n\nQ Will the President visit?\n\nMS. LEE: He will.\n\nThank you\n\nQ One more on the storm?\n\nMS. LEE: No, that is all.\n';
    const { sections } = read(once, 'MS. LEE');
    expect(sections.map((s) => s.heading)).not.toContain('Thank you');
    const unpunctuated = 'Interview\n\nHOST: Welcome back to the programme\n\nyes thanks for having me\n\nGUEST: Glad to be here\n\nThe harvest this year\n\nHOST: Tell us about the harvest\n\nGUEST: It was late\n\nBetter than we feared\n\nHOST: Good to hear it\n';
    const { sections: s2 } = read(unpunctuated, 'GUEST');
    expect(s2.map((s) => s.heading)).not.toContain('The harvest this year');
    expect(s2.map((s) => s.heading)).not.toContain('Better than we feared');
  });
  it("Hansard's divider (--- Later in debate ---) and a stage direction ending in a dash open no section", () => {
    const text = 'Personal Statement\n\nLindsay Hoyle Portrait Mr Speaker\n- Hansard - -\n\nI have granted leave to the right hon. Member to make a personal statement.\n\n--- Later in debate ---\nBoris Johnson Portrait The Prime Minister (Boris Johnson)\n- Hansard - - - Excerpts\n\nOn a point of order, Mr Speaker. May I thank my right hon. Friend?\n\nNone Portrait Several hon. Members rose—\n\nLindsay Hoyle Portrait Mr Speaker\n- Hansard - -\n\nOrder. We come now to the statement.\n';
    const { sections } = read(text, 'Boris Johnson');
    expect(sections.map((s) => s.heading).join(' | ')).not.toMatch(/Later in debate|Several hon\. Members/);
  });
});

describe('a list of who speaks is front matter', () => {
  it('Sprecher: (the German government press conference) and PARTICIPANTS: name the speakers; neither is a turn', () => {
    // The head of the Regierungspressekonferenz of 12 June 2015 (BPA, as republished at schattenblick.de).
    const text = 'Regierungspressekonferenz vom 12. Juni 2015\n\nSprecher: StS Seibert, Jäger (BMF), Strater (BMVI), Zimmermann (BMJV), Dimroth (BMI), Schäfer (AA), Gerhartz (BMVg), Dünow (BMWi), Maschke (BMG)\n\nVorsitzender Leifert eröffnet die Pressekonferenz und begrüßt StS Seibert sowie die Sprecherinnen und Sprecher der Ministerien.\n\nStS Seibert: Ich habe sowohl einen Überblick über die öffentlichen Termine der Bundeskanzlerin in der kommenden Woche als dann auch noch eine kurze Bemerkung zum gestrigen Treffen der Kanzlerin mit den Ministerpräsidenten. Ich fange einmal mit den Terminen an:\n';
    const { turns, r } = read(text, 'StS Seibert');
    expect(turns).toEqual(['7 - StS Seibert']);
    expect(r.blocks.join('\n')).toContain('Sprecher: StS Seibert, Jäger (BMF)');
    const { turns: en } = read('Press Conference on the Budget\n\nPARTICIPANTS: Janet Yellen, Secretary of the Treasury; Shalanda Young, Director of OMB\n\nSECRETARY YELLEN: Good morning.\n\nQ: Madam Secretary, what about the deficit?\n\nSECRETARY YELLEN: We will bring it down.\n', 'SECRETARY YELLEN');
    expect(en).toEqual(['5 - SECRETARY YELLEN', '7 Q Q', '9 - SECRETARY YELLEN']);
  });
});

// Shapes met in real published transcripts that no corpus book had (session 37, the shapes helper):
// each text below is a run of whole paragraphs of the page as published (NPR, IMF, advocate.com,
// Singapore's Prime Minister's Office), read with a minimal `speaker:`.
describe('shapes of real transcripts not in the corpus', () => {
  const roles = (text: string, speaker: string) => {
    const { sections, r, title } = read(text, speaker);
    const turns = sections.flatMap((s) => s.children).filter((t) => !t.speaker.implicit).map((t) => `${t.speaker.position?.start.line} ${t.kind} ${t.speaker.name}`);
    return { turns, r, title };
  };
  it("NPR: a name and its description in brackets, quoting a title with commas (NANCY PEARL (Author, \"Book Lust\", …):), and Mr. before a name in capitals", () => {
    const pearl = '"Librarian Nancy Pearl Dips Below The Reading Radar"\n\nSTEVE INSKEEP, host:\n\nOK. A reading guru, librarian Nancy Pearl is back with us this morning, and she has another stack of what she describes as under the radar books. Welcome back to the program.\n\nNANCY PEARL (Author, "Book Lust", TV Show Host, "Book Lust with Nancy Pearl"): Thank you. More of a slump.\n\n(Soundbite of laughter)\n\nPEARL: A slump of books in front of you.\n\nINSKEEP: A slump of books. Let me take the one that\'s largest in square - square footage here.\n';
    expect(roles(pearl, 'Steve Inskeep').turns).toEqual(['3 moderator Steve Inskeep', '7 remarks NANCY PEARL', '11 remarks NANCY PEARL', '13 moderator Steve Inskeep']);
    // A colon inside the quoted title is the title's, not the label's.
    expect(candidateOf('Mr. BILL MOYERS (Author, "Bill Moyers Journal: The Conversation Continues"): Thanks for having me, Neal.')).toMatchObject({ label: 'Mr. BILL MOYERS (Author, "Bill Moyers Journal: The Conversation Continues")', delimiter: 'colon' });
    const barbershop = "It's time for our weekly visit to the Barbershop where the guys talk about what's in the news and what's on their minds. Take it away, Jimi.\n\nMr. JIMI IZRAEL (Writer): Thanks, Michel. Hey, fellas, welcome to the shop. How are we doing?\n\nMr. KEVIN BLACKISTONE (National Columnist, AOL Fan House): Great.\n";
    expect(roles(barbershop, 'Michel Martin').turns.map((t) => t.replace(/ \w+ /, ' '))).toEqual(['3 Mr. JIMI IZRAEL', '5 Mr. KEVIN BLACKISTONE']);
  });
  it('a principal who hosts the programme (STEVE INSKEEP, Host:) is found: no TP023, and the surname alone is no unknown label', () => {
    const text = "RENEE MONTAGNE, Host:\nIf your New Year's resolutions include eating better, you might want to consider the following advice.\nMICHAEL POLLAN: Eat food. Not too much. Mostly plants.\nSTEVE INSKEEP, Host:\nThat's it?\nPOLLAN: That's it. That is the short answer to the supposedly incredibly complicated and confusing question of what we humans should eat.\nINSKEEP: Now, wait a minute. If your advice is eat food, the implication of that is that whatever we're eating now is not food.\n";
    const { r, turns } = roles(text, 'Steve Inskeep');
    expect(turns).toEqual(['1 moderator RENEE MONTAGNE', '3 remarks MICHAEL POLLAN', '4 moderator Steve Inskeep', '6 remarks MICHAEL POLLAN', '7 moderator Steve Inskeep']);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`).filter((m) => m.startsWith('TP023') || /^TP024 "(?:STEVE )?INSKEEP/.test(m))).toEqual([]);
  });
  it("IMF: the header field SPEAKER: naming the briefer is no turn", () => {
    const text = 'Press Briefing Transcript: Julie Kozack, Director, Communications Department, May 22, 2025\n\nMay 22, 2025\n\nSPEAKER:  Ms. Julie Kozack, Director of the Communications Department, IMF\n\nMS. KOZACK: Good morning, everyone and welcome to this IMF Press Briefing.  As usual, I will start with a few announcements and then I’ll take your questions.\n';
    const { turns, title } = roles(text, 'Julie Kozack');
    expect(title).toBe('Press Briefing Transcript: Julie Kozack, Director, Communications Department, May 22, 2025');
    expect(turns).toEqual(['7 remarks Julie Kozack']);
    // A speaker labelled SPEAKER who speaks a sentence is still a turn.
    expect(roles('SPEAKER: Order. The House will come to order.\n\nMR. JONES: Thank you, Mr. Speaker.\n', 'Jones').turns[0]).toMatch(/^1 \w+ SPEAKER$/);
  });
  it('IMF: QUESTIONER: is a journalist asking (the 2016 briefings label every journalist so)', () => {
    const text = "Can I make a suggestion, if you'll bear with me? I know there's a lot of interest in Greece, and we will come to Greece.\n\nQUESTIONER: So the first question would be on Portugal. IMF returns in June to Portugal for a new evaluation of its post bailout package. What are the perspectives Portugal has been meeting the budget deficit target. So, that will be the first question.\n";
    expect(roles(text, 'William Murray').turns).toEqual(['3 question QUESTIONER']);
  });
  it("a page's headline, a kicker in capitals before a colon (LISTEN AND READ FOR YOURSELF: Audio and Transcript of …), is the title, not a turn", () => {
    const text = "LISTEN AND READ FOR YOURSELF: Audio and Transcript of Windsor Hearing\n\nThe complete audio and transcript of today's hearing has been released.\n\nMR. SRINIVASAN (pictured left): Thank you, Mr. Chief Justice, and may it please the Court:\nThis Court has jurisdiction in this case based on the petition filed by the United States.\n\nCHIEF JUSTICE ROBERTS: On the first one, is there any case where all the parties agreed with the decision below and we upheld appellate jurisdiction? Any case?\n\nMR. SRINIVASAN: Where the parties agreed -\n";
    const { turns, title } = roles(text, 'Srinivasan');
    expect(title).toBe('LISTEN AND READ FOR YOURSELF: Audio and Transcript of Windsor Hearing');
    expect(turns).toEqual(['5 remarks Srinivasan', '8 question CHIEF JUSTICE ROBERTS', '10 answer Srinivasan']);
  });
  it('Singapore: the family name first after a title of address (Mr Lee, PM Lee) is the principal Lee Hsien Loong; a moderator by the bracket after the name', () => {
    const rose = 'Q:  “Tell me what you think was accomplished at this summit of 46 nations?”\n\nMr Lee:  “I think President Obama did the world a service.  This is an issue, nuclear security and nuclear terrorism which is important but not urgent.”\n\nQ:  “Over the next four years, the goal is to make sure that they know where all the nuclear weapons are?”\n';
    expect(roles(rose, 'Lee Hsien Loong').turns).toEqual(['1 question Q', '3 answer Lee Hsien Loong', '5 question Q']);
    const atlantic = 'Mr David M. Rubenstein (Moderator): Mr Prime Minister, let me first congratulate you on your election. Were you happy with the results?\n\nPM Lee Hsien Loong: We were satisfied with the results. We had hoped for a higher popular vote, but in the circumstances, we think it is a clear mandate.\n\nModerator: So you think you were aided by the fact you were going to do this interview. Is that what you think helped you?\n\nPM Lee: I would like to think so.\n';
    expect(roles(atlantic, 'Lee Hsien Loong').turns).toEqual(['1 moderator Mr David M. Rubenstein', '3 answer Lee Hsien Loong', '5 moderator Moderator', '7 answer Lee Hsien Loong']);
  });
});

describe("the Fed's press conference transcript (FRASER's text of 3 May 2023)", () => {
  it('the principal in capitals before a period (CHAIR POWELL. Good afternoon.) opens a turn, seen once; a date alone on the first line is no title', () => {
    const text = 'May 3, 2023\n\nChair Powell’s Press Conference\n\nFINAL\n\nTranscript of Chair Powell’s Press Conference\nMay 3, 2023\nCHAIR POWELL. Good afternoon. Before discussing today’s meeting, let me comment\nbriefly on recent developments in the banking sector. Conditions in that sector have broadly\nimproved since early March, and the U.S banking system is sound and resilient. We will\ncontinue to monitor conditions in the sector.\n';
    const { turns, title } = read(text, 'Jerome Powell');
    expect(title).toBeNull();
    expect(turns).toEqual(['9 - Jerome Powell']);
    // Without the principal's name, a word in capitals before a period is no label by itself.
    expect(read(text, 'Someone Else').turns).toEqual([]);
  });
});

describe('a hearing opened by its chair (en-rules-2003-06-04, House Rules Committee)', () => {
  it('the principal who calls the meeting to order chairs it (Mr. Linder. The meeting will come to order.)', () => {
    const text = readFileSync(join(import.meta.dirname, '../corpus/en-rules-2003-06-04/transcript.txt'), 'utf8');
    const { sections } = read(text, 'Mr. Linder');
    expect(sections.flatMap((s) => s.children).map((t) => `${t.speaker.position?.start.line} ${t.kind}`)).toEqual(['12 moderator']);
    // A principal whose first words call nothing to order still makes remarks.
    const { sections: other } = read(text.replace('The meeting will come to order. ', ''), 'Mr. Linder');
    expect(other.flatMap((s) => s.children).map((t) => t.kind)).toEqual(['remarks']);
  });
});

describe('answers put as statements (en-state-2023-07-21, Aspen)', () => {
  const text = readFileSync(join(import.meta.dirname, '../corpus/en-state-2023-07-21/transcript.txt'), 'utf8');
  it('a confirmation (That is correct.) answers the interviewer\'s statement; the rest of a reply broken off with a dash goes on answering', () => {
    const { sections } = read(text, 'Antony J. Blinken');
    const kinds = new Map(sections.flatMap((s) => s.children).map((t) => [t.speaker.position?.start.line, t.kind]));
    expect([kinds.get(3), kinds.get(5), kinds.get(7)]).toEqual(['moderator', 'moderator', 'answer']);
    expect([kinds.get(13), kinds.get(15)]).toEqual(['answer', 'answer']);
  });
});
