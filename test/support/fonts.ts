// Font configurations for Chromium, chosen per launch with FONTCONFIG_FILE (fontconfig reads it when
// Chromium starts). The suite builds the seed book on "a fresh machine" (DejaVu only) and again with
// every font this machine has plus look-alikes of the project's own fonts installed as system fonts
// and rendering settings changed (hintslight as Debian sets it, where a bare configuration means
// hintfull; autohinting; subpixel order): the editions must come out byte-identical.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** A fresh Debian machine: DejaVu and nothing else (the issue's definition). */
export function dejavuOnly(dir: string): string {
  const file = join(dir, 'fonts-dejavu.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<fontconfig><dir>${DEJAVU}</dir><cachedir>${join(dir, 'fc-cache-dejavu')}</cachedir></fontconfig>\n`);
  return file;
}

/**
 * Every font the machine has (its own fonts.conf, so Debian's Noto CJK where installed), plus the
 * project's font files (@expo-google-fonts: Noto Serif/Sans SC and TC, Source Serif 4, Source Sans 3) as *system*
 * fonts: a page that asks the system for "Noto Serif SC" or falls back to a system CJK font gets real Chinese glyphs here and boxes on DejaVu-only, so a
 * leak cannot go unnoticed on any machine. Hinting, autohinting and subpixel order are changed too.
 */
export function everyFont(dir: string): string {
  const file = join(dir, 'fonts-every.conf');
  const packages = ['noto-serif-sc', 'noto-sans-sc', 'noto-serif-tc', 'noto-sans-tc', 'source-serif-4', 'source-sans-3']
    .map((name) => dirname(require.resolve(`@expo-google-fonts/${name}/package.json`)));
  writeFileSync(file, `<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${packages.map((d) => `<dir>${d}</dir>`).join('\n  ')}
  <cachedir>${join(dir, 'fc-cache-every')}</cachedir>
  <match target="font">
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="autohint" mode="assign"><bool>true</bool></edit>
    <edit name="rgba" mode="assign"><const>rgb</const></edit>
  </match>
</fontconfig>
`);
  return file;
}
