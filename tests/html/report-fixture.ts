/**
 * Builds HTML reports of bundled contracts for the browser tests, and launches a real headless Chromium
 * through playwright-core: the build that the npm package @sparticuz/chromium ships (a devDependency), so
 * `npm ci && npm test` needs no browser installed by hand, with the Chinese font of src/render/pdf/fonts.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import bundledChromium from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';
import { readToolVersion } from '../../src/render/package-root.ts';
import { renderHtmlReport } from '../../src/render/html/report.ts';
import { fontConfigFile } from '../../src/render/pdf/fonts.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { tableColumns } from '../../src/render/tables.ts';
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
    env: { ...process.env, FONTCONFIG_FILE: fontConfigFile()! },
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export async function buildDocument(file: string, contract: string, locale: string): Promise<{ document: SummaryDocument; sources: { path: string; content: string }[] }> {
  const { compilation, terms } = await extracted(file, contract);
  const document: SummaryDocument = {
    schema: 'plainterms/summary@2',
    tool: { name: 'plainterms', version: readToolVersion() },
    compiler: compilation.compiler,
    language: locale,
    sources: compilation.sources.map((source) => ({ path: source.path, keccak256: source.keccak256 })),
    tables: tableColumns(locale),
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
