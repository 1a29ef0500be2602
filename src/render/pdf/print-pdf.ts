/**
 * A page printed to PDF by a headless browser (see find-browser.ts), with the page's print style sheet:
 * the summary, each line reference numbered, and endnotes quoting the cited code. Through playwright-core
 * when it is installed (the tests' browser driver), else by the browser's own --print-to-pdf flag, so no
 * runtime dependency is needed. The page never leaves a temporary folder that is removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail, isPlaintermsError } from '../../errors.ts';
import { findBrowser, type FoundBrowser } from './find-browser.ts';

const TIMEOUT_MS = 120_000;

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright | null> {
  try {
    return await import('playwright-core');
  } catch {
    return null;
  }
}

/** Root cannot run Chrome in its sandbox; the npm build never does. */
function sandboxOff(browser: FoundBrowser): boolean {
  return browser.from === 'bundled' || process.getuid?.() === 0;
}

async function printWithPlaywright(playwright: Playwright, browser: FoundBrowser, url: string, out: string): Promise<void> {
  const launched = await playwright.chromium.launch({
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    chromiumSandbox: !sandboxOff(browser),
    timeout: TIMEOUT_MS,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await launched.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await page.pdf({ path: out, format: 'A4', margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' }, printBackground: true });
  } finally {
    await launched.close();
  }
}

function printWithFlags(browser: FoundBrowser, url: string, out: string, folder: string): Promise<void> {
  const args = [
    '--headless', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(folder, 'profile')}`,
    '--no-pdf-header-footer', '--print-to-pdf-no-header', `--print-to-pdf=${out}`,
    ...(sandboxOff(browser) ? ['--no-sandbox'] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(browser.executablePath, args, { timeout: TIMEOUT_MS, env: { ...process.env, ...browser.env } }, (error) => (error ? reject(error) : resolve()));
  });
}

export async function printPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  const browser = await findBrowser(env);
  const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-pdf-'));
  try {
    const page = path.join(folder, 'page.html');
    const out = path.join(folder, 'page.pdf');
    writeFileSync(page, html);
    const playwright = await loadPlaywright();
    if (playwright) await printWithPlaywright(playwright, browser, pathToFileURL(page).href, out);
    else await printWithFlags(browser, pathToFileURL(page).href, out, folder);
    const pdf = readFileSync(out);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the browser wrote no PDF');
    return new Uint8Array(pdf);
  } catch (error) {
    if (isPlaintermsError(error)) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return fail('BROWSER_FAILED', `the browser ${browser.executablePath} could not print the page: ${reason}`, {
      hint: 'Set PLAINTERMS_CHROME to another Chrome or Chromium executable, or write --format html and print it from a browser.',
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
