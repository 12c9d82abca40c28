// Issue 17: every build ends in a valid edition or a clear refusal. Each case is a fixture built by
// the real command; the verdict comes from epubcheck, the text from the EPUB's own documents.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, symlinkSync, existsSync, openSync, closeSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import * as OpenCC from 'opencc-js';
import yazl from 'yazl';
import { projectRoot } from '../scripts/render/templates.ts';
import { zipEntries, entryData } from '../scripts/epub/inspect.ts';
import { tempDir } from './helpers.ts';
import { epubcheckErrors } from './support/validators.ts';
import { cliInProcess } from './support/cli.ts';

const BIN = join(projectRoot, 'bin/transcript-press.mjs');
const SEED = join(projectRoot, 'source/wangyi-2024-03-07');

/**
 * The command's run() in this process (test/support/cli.ts): the same code, exit code and output,
 * without 3 s of start-up per case. The six-book build below goes through the real binary.
 */
const runAsync = (args: string[], cwd?: string) => cliInProcess(args, {}, cwd);

/** The command, without blocking the test worker (a long spawnSync starves vitest's RPC). */
function spawned(args: string[], cwd = projectRoot): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => done({ code, out, err }));
  });
}

/** The text of every XHTML document in an EPUB, markup and entities left in. */
function epubDocs(epub: string): Map<string, string> {
  const fd = openSync(epub, 'r');
  try {
    return new Map(zipEntries(fd).filter((e) => e.name.endsWith('.xhtml')).map((e) => [e.name, entryData(fd, e, 64 << 20).toString('utf8')]));
  } finally {
    closeSync(fd);
  }
}

/** What a reader sees: markup dropped, the five XML entities and numeric references decoded. */
function visibleText(epub: string): string {
  return [...epubDocs(epub).values()].join('\n').replace(/<[^>]*>/g, '')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_m, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

const BOOK_YAML = (extra = '') => `id: urn:x:validity
title: 有效版本
language: zh-Hans
speaker: 王毅
source: 新华社
date: 2024-03-07
${extra}`;

/** Short real text: the seed transcript's title, dateline and first exchange (UTF-8, LF). */
function seedOpening(): string {
  return readFileSync(join(SEED, 'transcript.txt'), 'utf8').replace(/^\n+/, '').split(/\n\n+/).slice(0, 5).join('\n\n') + '\n';
}

describe('hostile characters: each build is a valid EPUB with the text intact, or a coded refusal', () => {
  let root: string;
  let dist: string;
  let build: Awaited<ReturnType<typeof spawned>>;
  const opening = seedOpening();
  const paragraphs = opening.split('\n\n');
  // Traditional Chinese from the same text, for the Big5 file (OpenCC, as editors in Taiwan would have it).
  const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(opening);
  const books: Record<string, { transcript: Buffer; yaml?: string }> = {
    // `]]>`, `<`/`&`, NUL, C0 and C1 controls, bidi override, zero-width space, a BOM inside the text,
    // U+FFFF, and more of them after the first 8 KB (where the old check did not look).
    controls: {
      transcript: Buffer.from(`标题 ]]> <b>&amp; 测试\n\n${paragraphs[1]}\n\n王毅：我们愿同各方\u0000一道]]>，共同\u0007推动\u200B合作\u202E。\u0093引号\u0094，\uFEFF结束\uFFFF。\n\n`
        + `记者：${'很长的问题。'.repeat(1500)}\n\n王毅：最后\u0001一段\u202A文字]]>。\n`),
      yaml: BOOK_YAML('subtitle: "副标题 ]]> <i>&\\x01\\uFFFF"\ndescription: "描述 ]]>"\ntopics:\n  - term: 合作\n  - term: 合作\n  - term: 一道\n    seeAlso: [一道]\n  - term: 不存在\n'),
    },
    big5: { transcript: iconv(traditional, 'BIG5') },
    gb18030: { transcript: iconv(opening, 'GB18030') },
    utf16: { transcript: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(opening, 'utf16le')]) },
    cr: { transcript: Buffer.from(opening.replace(/\n/g, '\r')) },
    // Emoji (with a ZWJ sequence), Hangul, a CJK Extension B ideograph.
    emoji: { transcript: Buffer.from(`${paragraphs[0]}\n\n${paragraphs[1]}\n\n王毅：我们很高兴😀，程序员👩‍💻、한국어和𠀀字都在。\n`), yaml: BOOK_YAML('allowMissingGlyphs: true\n') },
  };

  beforeAll(async () => {
    root = tempDir('validity-');
    dist = join(root, 'dist');
    for (const [id, b] of Object.entries(books)) {
      mkdirSync(join(root, 'source', id), { recursive: true });
      writeFileSync(join(root, 'source', id, 'transcript.txt'), b.transcript);
      writeFileSync(join(root, 'source', id, 'book.yaml'), b.yaml ?? BOOK_YAML());
    }
    // One command builds them all (EPUB only: the PDF is not the point here).
    build = await spawned(['build', '--format', 'epub', '--out', dist], root);
  });

  const epub = (id: string) => join(dist, id, `${id}.epub`);

  it('all six build (exit 0)', async () => {
    expect(build.code, build.err).toBe(0);
    for (const id of Object.keys(books)) expect(existsSync(epub(id)), id).toBe(true);
  });

  it('`]]>` and control characters: epubcheck accepts the EPUB, the text is intact, each removal is reported', async () => {
    expect(await epubcheckErrors(epub('controls'))).toEqual([]);
    const text = visibleText(epub('controls'));
    // (`; ` next to Chinese becomes `；`: the reader's punctuation rule, listed in the change report.)
    expect(text).toContain('标题 ]]> <b>&amp；测试');
    expect(text).toContain('我们愿同各方一道]]>，共同推动合作。“引号”，结束。');
    expect(text).toContain('最后一段文字]]>。');
    expect(text).toContain('副标题 ]]> <i>&');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u200B\u202A-\u202E\uFEFF\uFFFF]/);
    expect(build.err).toMatch(/TP008 source\/controls\/transcript\.txt:5:\d+ warning: \d+ invisible or control/);
    const changes = JSON.parse(readFileSync(join(dist, 'controls', 'changes.json'), 'utf8'));
    const removed = JSON.stringify(changes);
    expect(removed).toContain('U+0000 NULL');
    expect(removed).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(removed).toContain('U+200B ZERO WIDTH SPACE');
    // Duplicate and self-referring topics are diagnosed; the topic that matches nothing leaves no empty entry.
    expect(build.err).toContain('TP016');
    expect(build.err).toContain('TP017');
    expect(build.err).toContain('TP012');
  });

  it('Big5: read as Big5, not GB18030 mojibake; the warning says so and gives the iconv command', async () => {
    expect(await epubcheckErrors(epub('big5'))).toEqual([]);
    const text = visibleText(epub('big5'));
    expect(text).toContain(traditional.split('\n')[0].trim());
    expect(text).toContain('外交部長王毅');
    expect(build.err).toMatch(/TP004 source\/big5\/transcript\.txt warning: .* read as BIG5/);
    expect(build.err).toContain('iconv -f BIG5 -t UTF-8 source/big5/transcript.txt > source/big5/transcript.utf8.txt');
  });

  it('GB18030 and UTF-16 with a BOM are read, with a warning naming the encoding', async () => {
    for (const [id, enc] of [['gb18030', 'GB18030'], ['utf16', 'UTF-16LE']]) {
      expect(await epubcheckErrors(epub(id))).toEqual([]);
      expect(visibleText(epub(id))).toContain('外交部长王毅');
      expect(build.err).toMatch(new RegExp(`TP004 source/${id}/transcript\\.txt warning: .* read as ${enc}`));
    }
  });

  it('CR-only line ends are line ends: the first line is the title, paragraphs stay paragraphs', async () => {
    expect(await epubcheckErrors(epub('cr'))).toEqual([]);
    const docs = epubDocs(epub('cr'));
    const lead = docs.get('EPUB/lead.xhtml')!;
    expect(lead).toMatch(new RegExp(`<h1 [^>]*class="transcript-title"[^>]*>${paragraphs[0].trim()}</h1>`));
    expect(visibleText(epub('cr'))).toContain('据新华社北京3月7日电 3月7日，十四届全国人大二次会议在梅地亚中心举行记者会。');
    // The dateline alone before the first section (short sections may share the lead document).
    expect(lead.split('<section')[0]!.match(/<p /g)).toHaveLength(1);
  });

  it('emoji, Hangul and CJK Extension B: valid EPUB with the characters; each missing glyph named with its place', async () => {
    expect(await epubcheckErrors(epub('emoji'))).toEqual([]);
    expect(visibleText(epub('emoji'))).toContain('我们很高兴😀，程序员👩‍💻、한국어和𠀀字都在。');
    for (const [cp, ch] of [['1F600', '😀'], ['1F469', '👩'], ['D55C', '한'], ['20000', '𠀀']]) {
      expect(build.err).toMatch(new RegExp(`TP037 source/emoji/transcript\\.txt:5:\\d+ warning: U\\+${cp} ${ch} `, 'u'));
    }
  });
});

describe('missing glyphs in print', () => {
  it('a character no shipped font has fails the book with its place and the fix; allowMissingGlyphs prints 〓, never a system font (no Type 3)', async () => {
    const root = tempDir('glyph-pdf-');
    mkdirSync(join(root, 'book'));
    const opening = seedOpening().split('\n\n');
    // 𠀡 (Extension B) is in the Traditional face of the chain, ⌚ in the symbol face; 😀 한 𠀀 in none.
    writeFileSync(join(root, 'book', 'transcript.txt'), `${opening[0]}\n\n${opening[1]}\n\n王毅：我们很高兴😀，한국어和𠀀字都在，𠀡⌚。\n`);
    writeFileSync(join(root, 'book', 'book.yaml'), BOOK_YAML());
    const refused = await runAsync(['build', join(root, 'book'), '--out', join(root, 'dist'), '--format', 'pdf']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/TP140 .*transcript\.txt:5:\d+ error: U\+1F600 😀/u);
    expect(refused.err).toMatch(/allowMissingGlyphs: true/);
    expect(refused.err).not.toMatch(/U\+(20021|231A)/);
    writeFileSync(join(root, 'book', 'book.yaml'), BOOK_YAML('allowMissingGlyphs: true\n'));
    const r = await runAsync(['build', join(root, 'book'), '--out', join(root, 'dist'), '--format', 'pdf']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/TP037 .*transcript\.txt:5:\d+ warning: U\+1F600 😀/u);
    const pdf = join(root, 'dist', 'book', 'book.pdf');
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    expect(fonts).not.toContain('Type 3');
    expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).toContain('我们很高兴〓，〓〓〓和〓字都在，𠀡⌚。');
  });
});

describe('refusals name the encoding and the fix', () => {
  const ws = (name: string, bytes: Buffer) => {
    const root = tempDir('refuse-');
    const dir = join(root, 'source', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'transcript.txt'), bytes);
    writeFileSync(join(dir, 'book.yaml'), BOOK_YAML());
    return { dir, dist: join(root, 'dist') };
  };
  it('Shift_JIS → TP007 with the iconv command; nothing written', async () => {
    const w = ws('sjis', iconv('日本語のテキストです。東京で会議が開かれました。\n\n記者会見の内容です。\n', 'SHIFT_JIS'));
    const r = await runAsync(['build', w.dir, '--out', w.dist, '--format', 'epub']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/TP007 .*transcript\.txt error: the transcript is SHIFT_JIS/);
    expect(r.err).toContain('iconv -f SHIFT_JIS -t UTF-8');
    expect(existsSync(join(w.dist, 'sjis'))).toBe(false);
  });
  it('UTF-32 → TP007', async () => {
    const w = ws('u32', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([...'标题\n'].flatMap((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return [...b]; }))]));
    const r = await runAsync(['build', w.dir, '--out', w.dist, '--format', 'epub']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('TP007');
  });
});

describe('CLI edges', () => {
  it('build with no books says nothing was found and where it looked (exit 1)', async () => {
    const root = tempDir('nobooks-');
    const r = await runAsync(['build'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('TP077');
    expect(r.err).toContain(join(root, 'source'));
  });
  it('--out inside source/ is refused (TP078, exit 2)', async () => {
    const root = tempDir('outsrc-');
    cpSync(SEED, join(root, 'source', 'book'), { recursive: true });
    const r = await runAsync(['build', '--out', 'source/book/out', '--format', 'epub'], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('TP078');
    expect(existsSync(join(root, 'source', 'book', 'out'))).toBe(false);
  });
  it('template "." and ".." are not template names (TP013)', async () => {
    for (const name of ['.', '..']) {
      const root = tempDir('tpl-');
      mkdirSync(join(root, 'book'));
      writeFileSync(join(root, 'book', 'transcript.txt'), seedOpening());
      writeFileSync(join(root, 'book', 'book.yaml'), BOOK_YAML(`template: "${name}"\n`));
      const r = await runAsync(['build', join(root, 'book'), '--out', join(root, 'dist'), '--format', 'epub']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('TP013');
    }
  });
});

describe('check on a hostile folder', () => {
  it('SHA256SUMS names outside the folder, links and FIFOs are refused (TP045), without hanging', async () => {
    const dir = tempDir('sums-');
    writeFileSync(join(dir, 'a.txt'), 'hi\n');
    symlinkSync('/etc/passwd', join(dir, 'link'));
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    const hash = '98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4';
    writeFileSync(join(dir, 'SHA256SUMS'), [`${hash}  a.txt`, `${hash}  ../x`, `${hash}  /etc/passwd`, `${hash}  link`, `${hash}  fifo`].join('\n') + '\n');
    const r = await runAsync(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/a\.txt.*does not match/);
    for (const line of [2, 3, 4, 5]) expect(r.err).toMatch(new RegExp(`TP045 .*SHA256SUMS:${line} error`));
    expect(r.err).not.toContain('root:x:0');
  });
  it('a file beyond the size limit is not read (TP046): memory stays bounded', async () => {
    const dir = tempDir('big-');
    spawnSync('truncate', ['-s', '600M', join(dir, 'big.pdf.bin')]);
    writeFileSync(join(dir, 'SHA256SUMS'), `${'0'.repeat(64)}  big.pdf.bin\n`);
    const r = await runAsync(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/TP046 .*big\.pdf\.bin error: .* is 600\.0 MB; check reads at most 512 MB/);
  });
  it('an EPUB with script is not opened in Ace\'s browser (TP047)', async () => {
    const dir = tempDir('script-');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false });
    zip.addBuffer(Buffer.from('<html xmlns="http://www.w3.org/1999/xhtml"><body><script>fetch("http://example.com/")</script></body></html>'), 'EPUB/a.xhtml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    writeFileSync(join(dir, 'bad.epub'), Buffer.concat(chunks));
    const r = await runAsync(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/TP047 .*bad\.epub\/EPUB\/a\.xhtml error: .*holds script \(<script>\)/);
    expect(r.err).not.toContain('TP044');
  });
});

function iconv(text: string, to: string): Buffer {
  const r = spawnSync('iconv', ['-c', '-f', 'UTF-8', '-t', to], { input: text });
  return r.stdout;
}
