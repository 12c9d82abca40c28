// Ace's browser has no network (issue 17): the flags check.ts's Ace wrapper adds (with the one-renderer flags it runs with) stop every request a
// document could make (image, script fetch, loopback or not). The same page without them reaches the
// server, so the test can fail.
import { describe, it, expect } from 'vitest';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { ACE_NETWORK_OFF, ACE_ONE_RENDERER } from '../scripts/epub/ace.ts';
import { chromiumFlags, chromiumPath } from '../scripts/core/browser.ts';
import { tempDir } from './helpers.ts';

function chromium(args: string[]): Promise<void> {
  return new Promise((done) => {
    const child = spawn(chromiumPath(), ['--headless', '--virtual-time-budget=4000', ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', () => { clearTimeout(timer); done(); });
  });
}

describe('Ace runs without network', () => {
  it('no request from a document reaches a server, loopback included', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => { hits.push(req.url ?? ''); res.end('x'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const dir = tempDir('acenet-');
      const page = join(dir, 'doc.xhtml');
      writeFileSync(page, `<html xmlns="http://www.w3.org/1999/xhtml"><body><img src="http://127.0.0.1:${port}/img" alt=""/>
<img src="http://localhost:${port}/named" alt=""/><script>fetch('http://127.0.0.1:${port}/fetch').catch(() => {});</script></body></html>`);
      const url = pathToFileURL(page).href;
      await chromium([...chromiumFlags, ...ACE_NETWORK_OFF, ...ACE_ONE_RENDERER, `--user-data-dir=${join(dir, 'p1')}`, '--dump-dom', url]);
      const blocked = [...hits];
      await chromium([...chromiumFlags, `--user-data-dir=${join(dir, 'p2')}`, '--dump-dom', url]);
      expect(blocked).toEqual([]);
      expect(hits.length).toBeGreaterThan(0); // without the flags the page does reach the server
    } finally {
      server.close();
    }
  });
});
