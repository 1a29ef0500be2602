/**
 * Builds HTML reports of bundled contracts for the browser tests, and launches Debian's Chromium through
 * playwright-core. A missing browser fails the tests under CI instead of skipping them.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { readToolVersion } from '../../src/render/package-root.ts';
import { renderHtmlReport } from '../../src/render/html/report.ts';
import { buildStatements } from '../../src/render/statements.ts';
import type { SummaryDocument } from '../../src/terms/index.ts';
import { extracted } from '../helpers/extract.ts';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumMissingMessage(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium is not installed at ${CHROMIUM}: run apt-get update && apt-get install -y chromium (.ci/run does this).`;
}

/** A fresh profile each time (playwright passes it as --user-data-dir). */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'plainterms-chromium-')), {
    executablePath: CHROMIUM,
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
