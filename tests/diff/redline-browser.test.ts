import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffFiles, type DiffDocument, renderDiff } from '../../src/diff/index.ts';
import { wordChanges } from '../../src/diff/render-diff.ts';
import { launchBrowser } from '../html/report-fixture.ts';
import { repo } from '../helpers/extract.ts';

const dir = 'tests/fixtures/diff';

function writePage(doc: DiffDocument, locale: string): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'plainterms-redline-')), `redline.${locale}.html`);
  writeFileSync(target, renderDiff(doc, { format: 'html', locale }));
  return pathToFileURL(target).href;
}

/** Whether an element's box lies inside the viewport. */
const inView = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe('HTML redline in a real browser', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let page: Page;
  let doc: DiffDocument;
  let urls: Record<string, string>;
  const consoleErrors: string[] = [];
  const otherRequests: string[] = [];

  beforeAll(async () => {
    doc = await diffFiles(`${dir}/MarketplaceOrder.sol`, `${dir}/MarketplaceOrder.amendment.sol`, { cwd: repo });
    urls = { en: writePage(doc, 'en'), zh: writePage(doc, 'zh') };
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (!Object.values(urls).includes(request.url())) otherRequests.push(request.url());
    });
    await page.goto(urls.en!, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors and no network requests besides the page itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
  });

  it('lists each change with the sentence of the Markdown output', async () => {
    const shown = await page.$$eval('.change .text', (els) => els.map((el) => el.textContent));
    expect(shown).toEqual(wordChanges(doc, 'en').map((change) => change.text.replace(/`/g, '')));
  });

  it('marks the changed statements on both sides: deleted words on the old, inserted words on the new', async () => {
    const bounds = 'tr.changed:has(.st[data-id="power:1:bounds"])';
    expect(await page.locator(`${bounds} td.old del`).count()).toBeGreaterThan(0);
    expect(await page.locator(`${bounds} td.new ins`).count()).toBeGreaterThan(0);
    const cancel = 'tr.changed:has(.st[data-id="action:cancel(uint256):condition:2"])';
    expect(await page.locator(`${cancel} td.new ins`).allTextContents()).toEqual(['more than 3 days']);
    expect(await page.locator(`${cancel} td.old del`).count()).toBe(0);
    const added = page.locator('tr.added:has(.st[data-id="action:constructor:condition:4"])');
    expect(await added.locator('td.old.empty').count()).toBe(1);
    expect(await added.locator('td.new ins').count()).toBe(1);
    const removed = page.locator('tr.removed:has(td.old .st[data-id="risk:1"])');
    expect(await removed.locator('td.old del').count()).toBe(1);
    expect(await removed.locator('td.new.empty').count()).toBe(1);
    expect(await page.locator('tr.same del, tr.same ins').count()).toBe(0);
  });

  it('shows the source lines of each statement: old file:lines and new file:lines', async () => {
    const row = page.locator('tr:has(.st[data-id="action:cancel(uint256):condition:2"])');
    expect(await row.locator('td.old .ref').textContent()).toBe('[MarketplaceOrder.sol:139]');
    expect(await row.locator('td.new .ref').textContent()).toBe('[MarketplaceOrder.amendment.sol:143]');
  });

  it('clicking a change highlights its statements on both sides and scrolls to them', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#change-3 .text').click();
    const active = await page.$$eval('td .st.active', (els) => els.map((el) => `${el.closest('td')!.className}:${(el as HTMLElement).dataset.id}`));
    expect(active).toEqual([
      'old:action:cancel(uint256):condition:2',
      'new:action:cancel(uint256):condition:2',
      // "Nothing happens automatically <the offset> after …" names the changed period too.
      'old:deadline:orders.deliverBy:manual',
      'new:deadline:orders.deliverBy:manual',
    ]);
    expect(await page.locator('#change-3').getAttribute('class')).toContain('active');
    expect(await inView(page, 'td.old .st.active')).toBe(true);
  });

  it('clicking a source reference of a change scrolls to that side’s statement', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#change-4 a.ref-old').click();
    expect(await page.locator('td.old .st[data-id="risk:1"]').getAttribute('class')).toContain('active');
    expect(await inView(page, 'td.old .st[data-id="risk:1"]')).toBe(true);
    await page.locator('td.old .st[data-id="risk:1"] a.badge').click();
    expect(await page.locator('#change-4').getAttribute('class')).toContain('active');
    expect(await inView(page, '#change-4')).toBe(true);
  });

  it('can show only the marked statements', async () => {
    const marked = await page.locator('tr.row:not(.same)').count();
    await page.locator('button.only-marked').click();
    expect(await page.locator('tr.row:visible').count()).toBe(marked);
    await page.locator('button.only-marked').click();
    expect(await page.locator('tr.row:visible').count()).toBeGreaterThan(marked);
  });

  it('prints without the controls, the column heads repeated on each page', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button.only-marked').isVisible()).toBe(false);
    expect(await page.$eval('table.redline thead', (el) => getComputedStyle(el).display)).toBe('table-header-group');
    await page.emulateMedia({ media: 'screen' });
  });

  it('works in Chinese', async () => {
    await page.goto(urls.zh!, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
    const shown = await page.$$eval('.change .text', (els) => els.map((el) => el.textContent));
    expect(shown).toEqual(wordChanges(doc, 'zh').map((change) => change.text.replace(/`/g, '')));
    await page.locator('#change-1 .text').click();
    expect(await page.locator('td.new .st.active').count()).toBeGreaterThan(0);
    expect(await page.locator('td.old .st.active').count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
  });
});
