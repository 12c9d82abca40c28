// The editorial apparatus without a browser: editor Markdown into the model and through the shared
// renderer (emphasis, headings, safety), notes anchored on the final text (TP080 with book.yaml
// line:column), matter files (TP081), the editorial note per language.
import { describe, it, expect } from 'vitest';
import { cpSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToBlocks } from '../scripts/markdown/parse.ts';
import { anchorNotes, noteRefs } from '../scripts/markdown/notes.ts';
import { editorialNoteFile, fillVariables, type MatterVariables } from '../scripts/markdown/matter.ts';
import { renderBlock, renderBody, toMarkup, type RenderOptions } from '../scripts/render/html.ts';
import { readTranscript } from '../scripts/reader/read.ts';
import { prepareBook, renderOptions } from '../scripts/prepare.ts';
import { resolveTemplateSet } from '../scripts/render/templates.ts';
import { inlineText, paragraphs } from '../scripts/model/walk.ts';
import type { BuildError } from '../scripts/core/diagnostics.ts';
import { inputHash } from '../scripts/corpus.ts';
import { apparatusPositions } from '../scripts/markdown/positions.ts';
import { parseBookYaml } from '../scripts/config/load.ts';
import { SEED, tempDir } from './helpers.ts';

const where = (point?: { line: number; column: number }) => ({ file: 'x.md', line: point?.line, column: point?.column });
const md = (text: string) => markdownToBlocks(text, { idPrefix: 'm', where });
const options = (flavour: RenderOptions['flavour'], extra: Partial<RenderOptions> = {}): RenderOptions =>
  ({ flavour, labels: { question: 'Q', answer: 'A', remarks: 'R', moderator: 'M', labelEnd: '：' }, noteWords: { notes: 'Notes', page: 'p. {{page}}', back: 'Back to text' }, ...extra });
const html = (text: string, flavour: RenderOptions['flavour'] = 'xhtml') => toMarkup(md(text).blocks.flatMap((b) => renderBlock(b, options(flavour))), flavour);

describe('editor Markdown into the model', () => {
  it('turns *emphasis* into <em>, **strong** into <strong>, keeps https links and inline code', () => {
    expect(html('这是*强调*和**加粗**，见[新华网](https://www.news.cn/)与`changes.html`。')).toBe(
      '<p id="m-p1">这是<em>强调</em>和<strong>加粗</strong>，见<a href="https://www.news.cn/">新华网</a>与<code>changes.html</code>。</p>');
  });

  it('sets the shallowest heading one level below the matter title, whether the text starts with # or ##', () => {
    expect(html('## 方法\n\n### 细节\n\n正文')).toBe('<h2 id="m-h1">方法</h2><h3 id="m-h2">细节</h3><p id="m-p1">正文</p>');
    expect(html('# 方法')).toBe('<h2 id="m-h1">方法</h2>');
  });

  it('renders lists and quotations with the same handlers in both flavours', () => {
    expect(html('1. 甲\n2. 乙\n\n> 引文', 'html')).toBe('<ol><li><p id="m-p1">甲</p></li><li><p id="m-p2">乙</p></li></ol><blockquote><p id="m-p3">引文</p></blockquote>');
  });

  it('prints raw HTML as text and reports it with the Markdown line:column; no element is ever made', () => {
    const text = '前言。\n\n<script>fetch("http://127.0.0.1:9/x")</script>\n\n行内 <img src="http://127.0.0.1:9/y"> 图。';
    const { diagnostics } = md(text);
    const out = html(text);
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&#x3C;script>fetch("http://127.0.0.1:9/x")&#x3C;/script>');
    expect(out).toContain('行内 &#x3C;img src="http://127.0.0.1:9/y"> 图。');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['TP082', 3, 1], ['TP082', 5, 4]]);
  });

  it('never embeds an image: its description is printed (TP083); links other than http(s)/mailto become text (TP084)', () => {
    const text = '![会场照片](http://127.0.0.1:9/photo.jpg) 与 [点此](javascript:alert(1))';
    const { diagnostics } = md(text);
    expect(html(text)).toBe('<p id="m-p1">会场照片 与 点此</p>');
    expect(diagnostics.map((d) => d.code)).toEqual(['TP083', 'TP084']);
  });

  it('fills in {{figures}} escaped for Markdown, so a value can never become markup', () => {
    const vars: MatterVariables = { title: 't', source: '<b>*新华社*</b>', corrections: 4, automatic: 490, review: 0, notes: 2, sourceSha256: 'ab' };
    const text = fillVariables('据{{source}}，改 {{automatic}} 处{{#review}}，待核 {{review}} 处{{/review}}。', vars);
    expect(html(text)).toBe('<p id="m-p1">据&#x3C;b>*新华社*&#x3C;/b>，改 490 处。</p>');
    expect(md(text).diagnostics).toEqual([]);
  });
});

describe('editor\'s notes anchored on the final text', () => {
  const TEXT = '标题\n\n王毅：人类生活在同一个地球村，乘坐同一条大船上。我们我们愿意合作。\n\n记者：请问。\n\n王毅：终究无法被制止。\n';
  // `edited`: the doubled 我们 is tidied (verbatim lists it for review; issue 21), so the quote is anchored on a repaired text.
  const read = () => readTranscript(new TextEncoder().encode(TEXT), { speaker: '王毅', style: 'edited' });

  it('puts the reference right after the quoted passage and numbers notes in reading order', () => {
    const { tree } = read();
    const { notes } = anchorNotes(tree, [
      { quote: '终究无法被制止', note: '第二条。' },
      // Anchored on the final text: the doubled 我们 is already repaired.
      { quote: '我们愿意合作', note: '见*人民网*。' },
      { quote: '乘坐同一条大船上', note: '第一条。' },
    ], { file: 'book.yaml' });
    expect(notes.map((n) => [n.number, n.quote])).toEqual([[1, '乘坐同一条大船上'], [2, '我们愿意合作'], [3, '终究无法被制止']]);
    expect(noteRefs(tree.children).map((r) => r.number)).toEqual([1, 2, 3]);
    const [first] = paragraphs(tree).filter((p) => p.children.some((c) => c.type === 'noteRef'));
    expect(first.children.map((c) => (c.type === 'noteRef' ? `[${c.number}]` : c.type === 'text' ? c.value : ''))).toEqual(
      ['人类生活在同一个地球村，乘坐同一条大船上', '[1]', '。我们愿意合作', '[2]', '。']);
    // The text around a reference keeps its place in transcript.txt (where normalisation left it one to one).
    const last = paragraphs(tree).at(-1)!;
    const [before, ref, after] = last.children;
    expect(ref.type).toBe('noteRef');
    for (const [node, value] of [[before, '终究无法被制止'], [after, '。']] as const) {
      expect(node.type === 'text' && TEXT.slice(node.position!.start.offset, node.position!.end.offset)).toBe(value);
    }
    expect(inlineText(first.children)).toBe('人类生活在同一个地球村，乘坐同一条大船上。我们愿意合作。');
    const out = renderBody(tree, options('xhtml', { notes }));
    expect(out).toContain('大船上<sup class="noteref"><a href="#n1" id="nr1" epub:type="noteref" role="doc-noteref">1</a></sup>。');
    expect(out).toMatch(/<aside id="n2" class="note" epub:type="footnote" role="doc-footnote"><p id="n2-p1"><a href="#nr2" role="doc-backlink"[^>]*>2<\/a> 见<em>人民网<\/em>。<\/p><\/aside>/);
  });

  it('gives print notes a back reference to the page of their reference', () => {
    const { tree } = read();
    const { notes } = anchorNotes(tree, [{ quote: '终究无法被制止', note: '疑误。' }], { file: 'book.yaml' });
    const out = renderBody(tree, options('html', { notes, pages: (id) => (id === 'nr1' ? 12 : undefined), noteWords: { notes: '注释', page: '见第 {{page}} 页', back: '返回' } }));
    expect(out).toContain('<aside class="section-notes" aria-label="注释"><div id="n1" class="note"><p id="n1-p1"><a href="#nr1" class="note-number">1</a> 疑误。 <a href="#nr1" class="note-back">见第 12 页</a></p></div></aside>');
  });

  const failing = (edit: (yaml: string) => string) => {
    const dir = join(tempDir('tp-notes-'), 'book');
    cpSync(SEED, dir, { recursive: true });
    writeFileSync(join(dir, 'book.yaml'), edit(readFileSync(join(dir, 'book.yaml'), 'utf8')));
    try { prepareBook(dir); } catch (err) { return { d: (err as BuildError).diagnostic, yaml: readFileSync(join(dir, 'book.yaml'), 'utf8') }; }
    throw new Error('the book was prepared');
  };

  it('TP080: a quote that occurs nowhere stops the book, at its line:column in book.yaml', () => {
    const { d, yaml } = failing((y) => y.replace('- quote: 贸易航线于此', '- quote: 贸易航路于此'));
    expect(d.code).toBe('TP080');
    expect(d.severity).toBe('error');
    const line = yaml.split('\n').findIndex((l) => l.includes('贸易航路于此')) + 1;
    expect([d.file?.endsWith('book.yaml'), d.line, d.column]).toEqual([true, line, 12]);
    expect(d.message).toContain('occurs 0 times');
  });

  it('TP080: a quote that occurs more than once names the count and asks for a longer quote', () => {
    const { d } = failing((y) => y.replace('- quote: 终究无法被制止', '- quote: 中国外交'));
    expect([d.code, d.column]).toEqual(['TP080', 12]);
    expect(d.message).toMatch(/occurs \d+ times/);
    expect(d.hint).toContain('longer');
  });

  it('reports a problem inside a note body at its line:column in book.yaml, block or quoted', () => {
    const head = 'id: urn:x\ntitle: x\nspeaker: 王毅\nsource: 新华社\ndate: 2024-03-07\n';
    const yaml = head + 'notes:\n  - quote: 甲\n    note: |\n      第一行。\n\n      再看 <b>这里</b>\n  - quote: 乙\n    note: "行内 <i>x</i> 注"\n';
    const at = apparatusPositions(parseBookYaml(yaml).place, yaml, 'book.yaml');
    const body = (i: number, note: string) => markdownToBlocks(note, { idPrefix: 'n', where: (p) => at.inValue(`notes.${i}.note`, p) }).diagnostics.map((d) => [d.line, d.column]);
    expect(body(0, '第一行。\n\n再看 <b>这里</b>\n')).toEqual([[11, 10], [11, 15]]);
    expect(body(1, '行内 <i>x</i> 注')).toEqual([[13, 15], [13, 19]]);
    expect(at.get('notes.1.quote')).toMatchObject({ line: 12, column: 12 });
  });

  it('counts the Markdown matter among a book\'s inputs: editing only the preface rebuilds the book', () => {
    const dir = join(tempDir('tp-hash-'), 'book');
    cpSync(SEED, dir, { recursive: true });
    const formats = new Set(['epub', 'pdf'] as const);
    const before = inputHash(dir, formats);
    writeFileSync(join(dir, 'preface.md'), readFileSync(join(dir, 'preface.md'), 'utf8') + '\n补记。\n');
    expect(inputHash(dir, formats)).not.toBe(before);
  });

  it('TP081: a matter file that is missing, or a link, stops the book at the file name in book.yaml', () => {
    const missing = failing((y) => y.replace('file: preface.md', 'file: foreword.md'));
    expect([missing.d.code, missing.d.column]).toEqual(['TP081', missing.yaml.split('\n').find((l) => l.includes('foreword.md'))!.indexOf('foreword.md') + 1]);
    const dir = join(tempDir('tp-link-'), 'book');
    cpSync(SEED, dir, { recursive: true });
    writeFileSync(join(dir, 'book.yaml'), readFileSync(join(dir, 'book.yaml'), 'utf8').replace('file: preface.md', 'file: passwd.md'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'));
    expect(() => prepareBook(dir)).toThrow(/not a regular file/);
  });
});

describe('editorial note per language', () => {
  it('picks the language\'s Markdown from the template set, by script, then English', () => {
    const set = resolveTemplateSet('default', tempDir());
    expect(editorialNoteFile(set, 'zh-Hans')).toBe('lang/zh-Hans.editorial-note.md');
    expect(editorialNoteFile(set, 'zh-TW')).toBe('lang/zh-Hant.editorial-note.md');
    expect(editorialNoteFile(set, 'zh')).toBe('lang/zh-Hans.editorial-note.md');
    expect(editorialNoteFile(set, 'en-GB')).toBe('lang/en.editorial-note.md');
  });

  it('fills the seed\'s figures into the note, and a book can override it in its templates folder', () => {
    const p = prepareBook(SEED);
    // The note reaches the writers as the document model; the EPUB renders it as XHTML.
    const noteHtml = (q: typeof p) => toMarkup(q.note.children.flatMap((b) => renderBlock(b, renderOptions(q.view, 'xhtml'))), 'xhtml');
    expect(noteHtml(p)).toContain(`编辑校订 ${p.view.correctionsCount} 处`);
    expect(noteHtml(p)).toContain(`编者另就 ${p.notes.length} 处`);
    expect(noteHtml(p)).toContain(`<code>${p.view.sourceSha256}</code>`);
    const dir = join(tempDir('tp-override-'), 'book');
    cpSync(SEED, dir, { recursive: true });
    cpSync(join(dir, 'preface.md'), join(dir, 'templates', 'lang', 'zh-Hans.editorial-note.md'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'lang', 'zh-Hans.editorial-note.md'), '本版由*编辑部*校订，改动 {{automatic}} 处。');
    expect(noteHtml(prepareBook(dir))).toBe(`<p id="note-p1">本版由<em>编辑部</em>校订，改动 ${p.view.automaticCount} 处。</p>`);
  });
});
