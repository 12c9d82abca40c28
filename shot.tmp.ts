import { launchBrowser } from './scripts/writers/browser.ts';
const b = await launchBrowser();
const p = await b.newPage();
await p.setViewport({ width: 480, height: 1400 });
for (const f of process.argv.slice(2)) {
  await p.goto('file:///tmp/ap-epub/EPUB/' + f);
  await p.screenshot({ path: `/tmp/ap-png/epub-${f}.png`, fullPage: true });
}
await b.close();
