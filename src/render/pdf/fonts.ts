/**
 * Chinese for the Chromium build that the npm package @sparticuz/chromium ships: that build brings only a
 * Latin font (unpacked into <tmp>/fonts). Chinese comes from Noto Sans SC (GB2312 coverage, OFL 1.1),
 * which the npm package @embedpdf/fonts-sc ships, through a fontconfig file of ours, given to the browser
 * as FONTCONFIG_FILE. Both packages are development dependencies: where they are not installed a
 * browser found on the machine uses the machine's own fonts.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A fontconfig file: the machine's own configuration when it has one (/etc/fonts), the Latin font
 * @sparticuz/chromium unpacks and the Chinese font, copied once into a folder of ours. Null when
 * @embedpdf/fonts-sc is not installed.
 */
export function fontConfigFile(): string | null {
  const folder = path.join(tmpdir(), 'plainterms-fonts');
  const font = path.join(folder, 'NotoSansHans-Regular.otf');
  const config = path.join(folder, 'fonts.conf');
  if (!existsSync(font)) {
    let entry: string;
    try {
      entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    } catch {
      return null;
    }
    mkdirSync(folder, { recursive: true });
    // The package exports only its font list (dist/index.cjs); the fonts are in its fonts/ folder.
    copyFileSync(path.resolve(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'), `${font}.partial`);
    renameSync(`${font}.partial`, font);
  }
  writeFileSync(
    config,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${path.join(tmpdir(), 'fonts')}</dir>`,
      `  <dir>${folder}</dir>`,
      `  <cachedir>${path.join(folder, 'cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return config;
}
