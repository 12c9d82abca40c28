// One place that starts Debian's Chromium through puppeteer-core (never a downloaded browser).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { fail } from './diagnostics.ts';

// scripts/setup.mjs has the same lookup: it runs before node_modules exists and cannot import this.
export function chromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
}

export const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage', '--font-render-hinting=none',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) fail('TP030', { path: executablePath });
  try {
    return await puppeteer.launch({ executablePath, headless: true, args: chromiumFlags, protocolTimeout: 180_000 });
  } catch (err) {
    fail('TP032', { reason: `could not start ${executablePath}: ${(err as Error).message.split('\n')[0]}` });
  }
}
