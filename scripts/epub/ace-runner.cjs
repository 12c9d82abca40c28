#!/usr/bin/env node
// Ace by DAISY's command line (what node_modules/.bin/ace-cli runs: @daisy/ace-cli-shared with the
// puppeteer runner of @daisy/ace-axe-runner-puppeteer 1.4.6), with two changes that make it cheaper and
// judge the same: each of its concurrent lanes checks its documents in one browser page, navigated from
// one document to the next, instead of opening a new page per document; and Ace's scripts (axe-core is
// 1.3 MB) are loaded by the page from their files instead of sent as text through the DevTools protocol
// for every document. Everything Ace judges is the same: the document loaded by the same request
// handler (a file:// .html document served as XHTML, no http(s) request), the same scripts (axe-core,
// Ace's rules and extraction) run in each freshly loaded document in the same order, the same evaluation
// and result; a navigation gives each document a new window and script context. On the seed's EPUB (25
// documents) the report.json is the same (dates aside) and an Ace run used 20.6–22.6 CPU s instead of
// 33.9–34.1 (test/support/cpu-total.mjs, 2026-12-06, load 15–17); reusing pages alone saved about 3 s.
// Plain CommonJS (Ace's own modules are CommonJS), started by scripts/epub/ace.ts.
'use strict';

const { readFile } = require('node:fs');
const { dirname } = require('node:path');
const { pathToFileURL } = require('node:url');

// Ace's modules as Ace's own packages load them (its dependencies, not ours).
const from = (dir, name) => require(require.resolve(name, { paths: [dir] }));
const aceCli = dirname(require.resolve('@daisy/ace-cli/package.json'));
const axeRunnerDir = dirname(require.resolve('@daisy/ace-axe-runner-puppeteer', { paths: [aceCli] }));
const cli = from(aceCli, '@daisy/ace-cli-shared');
const base = from(aceCli, '@daisy/ace-axe-runner-puppeteer');
const utils = from(axeRunnerDir, '@daisy/puppeteer-utils');
const puppeteer = from(axeRunnerDir, 'puppeteer');

const TIMEOUT_INITIAL = Number.parseInt(process.env.ACE_TIMEOUT_INITIAL ?? '', 10) || 5000;
const TIMEOUT_EXTENSION = Number.parseInt(process.env.ACE_TIMEOUT_EXTENSION ?? '', 10) || 240000;

let browser;
let timeoutOption;
/** Pages free for the next document (one per concurrent lane at most). */
const idle = [];

/** Ace's request handler: http(s) aborted, a file:// .html document served as XHTML, the rest as asked. */
function onRequest(request) {
  const url = request.url();
  if (url && /^https?:\/\//.test(url)) return void request.abort();
  if (request.resourceType() === 'document' && url && /^file:\//.test(url) && /\.html?$/.test(url)) {
    readFile(new URL(url), 'utf8', (err, xhtml) => {
      if (err) request.continue();
      else request.respond({ status: 200, contentType: 'application/xhtml+xml', body: xhtml });
    });
    return;
  }
  request.continue();
}

/** A free page, or a new one. Never a page showing `url`'s document: going there would not load it again. */
async function page(url) {
  const same = (u) => u.split('#')[0] === url.split('#')[0];
  const at = idle.findIndex((p) => !same(p.url()));
  if (at >= 0) return idle.splice(at, 1)[0];
  const fresh = await browser.newPage();
  await fresh.setRequestInterception(true);
  fresh.on('request', onRequest);
  return fresh;
}

/** Ace's evaluation: wait for its scripts, run axe and Ace's extraction, resolve with the result. */
function evaluateAce() {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = () => {
      const w = window;
      if (!w.daisy || !w.daisy.ace || !w.daisy.ace.run || !w.daisy.ace.createReport || !w.axe) {
        tries++;
        if (tries < 15) setTimeout(attempt, 400);
        else reject(`window.tryAceAxe ${tries}`);
        return;
      }
      w.daisy.ace.run((err, res) => (err ? reject(err) : resolve(res)));
    };
    attempt();
  });
}

/**
 * Ace's scripts, each a <script data-ace> element as its runner's utils.addScripts makes, but loaded by
 * the page from the file (a file:// URL) instead of sent as text through the DevTools protocol: the
 * same code runs in the same order, and axe-core (1.3 MB) is not sent and compiled again per document.
 */
async function addScriptFiles(paths, p) {
  for (const path of paths) {
    const element = await p.addScriptTag({ url: pathToFileURL(path).href });
    await p.evaluate((e) => e.setAttribute('data-ace', ''), element);
  }
}

const runner = {
  concurrency: base.concurrency,
  setTimeout(ms) { timeoutOption = Number.parseInt(ms, 10) || undefined; },
  async launch() {
    browser = await puppeteer.launch({
      args: ['--no-sandbox', '--disable-setuid-sandbox'], headless: true,
      timeout: TIMEOUT_INITIAL, protocolTimeout: timeoutOption || TIMEOUT_EXTENSION,
    });
  },
  async close() { await browser.close(); },
  async run(url, scripts, scriptContents) {
    const p = await page(url);
    let results;
    try {
      await p.goto(url);
      await utils.addScriptContents(scriptContents, p);
      await addScriptFiles(scripts, p);
      results = await p.evaluate(evaluateAce);
    } catch (err) {
      // A page that failed is not used again.
      await p.close().catch(() => {});
      if (err && String(err).includes('protocolTimeout')) throw new Error(`Timeout :( ${timeoutOption || TIMEOUT_EXTENSION}ms`);
      throw err;
    }
    idle.push(p);
    return results;
  },
};

cli.run(runner, process.exit, 'ace-cli.log');
