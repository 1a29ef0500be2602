/**
 * Builds HTML reports of bundled contracts for the browser tests, and launches a real headless Chromium
 * through playwright-core: the build that the npm package @sparticuz/chromium ships (a devDependency), so
 * `npm ci && npm test` needs no browser installed by hand. That build brings only a Latin font; Chinese
 * comes from Noto Sans SC (GB2312 coverage, OFL 1.1), which the npm package @embedpdf/fonts-sc ships,
 * through a fontconfig file of ours.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import bundledChromium from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';
import { readToolVersion } from '../../src/render/package-root.ts';
import { renderHtmlReport } from '../../src/render/html/report.ts';
import { buildStatements } from '../../src/render/statements.ts';
import type { SummaryDocument } from '../../src/terms/index.ts';
import { extracted } from '../helpers/extract.ts';

/**
 * A fresh profile each time (playwright passes it as --user-data-dir). The package unpacks its browser
 * into the temporary folder on first use (about 2.5 s) and reuses it afterwards.
 */
export async function launchBrowser(): Promise<BrowserContext> {
  const executablePath = await bundledChromium.executablePath();
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'plainterms-chromium-')), {
    executablePath,
    env: { ...process.env, FONTCONFIG_FILE: fontConfigFile() },
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * A fontconfig file for the browser: the machine's own configuration when it has one (/etc/fonts), the
 * Latin font @sparticuz/chromium unpacks (<tmp>/fonts) and the Chinese font, copied once into a folder of
 * ours. Given to the browser as FONTCONFIG_FILE.
 */
function fontConfigFile(): string {
  const folder = path.join(tmpdir(), 'plainterms-fonts');
  const font = path.join(folder, 'NotoSansHans-Regular.otf');
  const config = path.join(folder, 'fonts.conf');
  if (!existsSync(font)) {
    mkdirSync(folder, { recursive: true });
    // The package exports only its font list (dist/index.cjs); the fonts are in its fonts/ folder.
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
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

export async function buildDocument(file: string, contract: string, locale: string): Promise<{ document: SummaryDocument; sources: { path: string; content: string }[] }> {
  const { compilation, terms } = await extracted(file, contract);
  const document: SummaryDocument = {
    schema: 'plainterms/summary@2',
    tool: { name: 'plainterms', version: readToolVersion() },
    compiler: compilation.compiler,
    language: locale,
    sources: compilation.sources.map((source) => ({ path: source.path, keccak256: source.keccak256 })),
    contracts: [{ ...terms, statements: buildStatements(terms, locale), deployment: null }],
  };
  return { document, sources: compilation.sources };
}

/** Writes the report of `contract` in the given languages to a temporary file; returns its file:// URL. */
export async function writeReport(file: string, contract: string, locales: string[]): Promise<{ url: string; documents: SummaryDocument[] }> {
  const built = await Promise.all(locales.map((locale) => buildDocument(file, contract, locale)));
  const documents = built.map((item) => item.document);
  const html = await renderHtmlReport(documents, built[0]!.sources);
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'plainterms-html-')), `${contract}.html`);
  writeFileSync(target, html);
  return { url: pathToFileURL(target).href, documents };
}
