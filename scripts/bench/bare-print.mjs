// The floor of a whole `build --format pdf`: a bare script that starts Debian's Chromium with the
// project's flags, loads one HTML file, waits for its fonts and prints it once (tagged, with an
// outline), as anyone would without this project. Plain JavaScript, so nothing is compiled at start.
// Usage: node scripts/bench/bare-print.mjs IN.html OUT.pdf
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [html, out] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'], protocolTimeout: 3_600_000, timeout: 180_000,
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 0 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 }));
} finally {
  await browser.close();
}
