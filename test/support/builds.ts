// Books more than one test file reads, each built once per run through shared() (test/support/shared.ts).
// Add a book here when a second file needs the same build; read the folders, never write to them.
import { join } from 'node:path';
import { shared } from './shared.ts';
import { SEED_ID, buildSeedWithCli } from './seed.ts';
import { everyFont } from './fonts.ts';

/**
 * dist/<seed>/ of the seed built on "another machine": every font this machine has plus the project's
 * families as system fonts, other rendering settings, another time zone and locale, and `--keep-html`.
 * hermetic.test.ts compares its EPUB and PDF byte for byte with the run's seed build (so --keep-html
 * changes neither); keep-html.test.ts prints its HTML in a bare Chromium.
 */
export async function seedOnAnotherMachine(): Promise<string> {
  const dir = await shared('seed-another-machine', async (out) => {
    await buildSeedWithCli(join(out, 'dist'), {
      // Its own browser (the run's one has DejaVu-only fonts: shared-browser.ts).
      TRANSCRIPT_PRESS_BROWSER: '', FONTCONFIG_FILE: everyFont(out), TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN',
    }, ['--keep-html']);
  });
  return join(dir, 'dist', SEED_ID);
}
