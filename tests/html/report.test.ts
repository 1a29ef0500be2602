import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSourceRef } from '../../src/render/format.ts';
import type { SummaryDocument } from '../../src/terms/index.ts';
import { launchBrowser, writeReport } from './report-fixture.ts';


describe('HTML report in a real browser', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let page: Page;
  let documents: SummaryDocument[];
  let reportUrl: string;
  const consoleErrors: string[] = [];
  const otherRequests: string[] = [];

  beforeAll(async () => {
    const report = await writeReport('contracts/ArbiterEscrow.sol', 'ArbiterEscrow', ['en', 'zh']);
    documents = report.documents;
    reportUrl = report.url;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== report.url) otherRequests.push(request.url());
    });
    await page.goto(report.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors and no network requests besides the page itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
  });

  it('shows every statement of each language as an element with its id', async () => {
    for (const document of documents) {
      const ids = await page.$$eval(`article[lang="${document.language}"] .st`, (els) => els.map((el) => (el as HTMLElement).dataset.id));
      expect(ids).toEqual(document.contracts[0]!.statements.map((statement) => statement.id));
    }
  });

  it('clicking a sentence highlights exactly its cited lines', async () => {
    const statement = documents[0]!.contracts[0]!.statements.find((s) => s.source && s.source.endLine > s.source.line)!;
    const element = page.locator(`article[lang="en"] .st[data-id="${statement.id}"]`);
    await element.click();
    const lines = await page.$$eval('.file li.hl', (els) =>
      els.map((el) => ({ path: (el.closest('.file') as HTMLElement).dataset.path, line: Number((el as HTMLElement).dataset.line) })),
    );
    const expected = [];
    for (let line = statement.source!.line; line <= statement.source!.endLine; line++) expected.push({ path: statement.source!.path, line });
    expect(lines).toEqual(expected);
    expect(await element.getAttribute('class')).toContain('active');
  });

  it('clicking a line shows the sentences that cite it', async () => {
    const statements = documents[0]!.contracts[0]!.statements;
    const target = statements.find((s) => s.id.startsWith('action:') && s.source)!;
    const line = target.source!.line;
    const citing = statements.filter((s) => s.source && s.source.path === target.source!.path && s.source.line <= line && line <= s.source.endLine);
    await page.locator(`.file[data-path="${target.source!.path}"] li[data-line="${line}"]`).click();
    await expect.poll(() => page.locator('#citers').isVisible()).toBe(true);
    const shown = await page.$$eval('#citers li', (els) => els.map((el) => el.textContent));
    expect(shown).toEqual(citing.map((s) => s.text.replace(/`/g, "")));
    await page.locator('#citers li').first().click();
    expect(await page.locator(`article[lang="en"] .st[data-id="${citing[0]!.id}"]`).getAttribute('class')).toContain('active');
  });

  it('the language switch shows the other language', async () => {
    expect(await page.locator('article[lang="en"]').isVisible()).toBe(true);
    expect(await page.locator('article[lang="zh"]').isVisible()).toBe(false);
    await page.locator('.lang-switch button[data-lang="zh"]').click();
    expect(await page.locator('article[lang="zh"]').isVisible()).toBe(true);
    expect(await page.locator('article[lang="en"]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
    await page.locator('.lang-switch button[data-lang="en"]').click();
    expect(await page.locator('article[lang="en"]').isVisible()).toBe(true);
  });

  it('heads each action’s sentences with the action’s name, in both languages', async () => {
    const headings = await page.$$eval('article[lang="en"] section[data-section="actions"] h3', (els) => els.map((el) => el.textContent));
    expect(headings).toEqual(expect.arrayContaining(['Deployment (constructor)', 'Fund (fund)', 'Release (release)', 'Resolve (resolve)']));
    const zh = await page.$$eval('article[lang="zh"] section[data-section="actions"] h3', (els) => els.map((el) => el.textContent));
    expect(zh).toContain('部署（constructor）');
    // Every sentence about an action sits under a heading; only the one rule for all of them (a failed call changes nothing) comes before.
    expect(await page.locator('article[lang="en"] section[data-section="actions"] > .st').allTextContents()).toEqual(['A call that breaks any rule stated below for its action fails, and nothing changes.']);
  });

  it('reaches a sentence with the Tab key and chooses it with Enter, as a click does', async () => {
    const statement = documents[0]!.contracts[0]!.statements.find((s) => s.source && s.section === 'key-facts')!;
    await page.locator('.lang-switch button[data-lang="en"]').focus();
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => (document.activeElement as HTMLElement | null)?.dataset.id === id, statement.id);
    }
    expect(reached).toBe(true);
    // The sentence reached shows that it has the focus, and a screen reader announces it as a button.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    expect(await page.evaluate(() => document.activeElement!.getAttribute('role'))).toBe('button');
    await page.keyboard.press('Enter');
    expect(await page.locator(`article[lang="en"] .st[data-id="${statement.id}"]`).getAttribute('class')).toContain('active');
    expect(await page.$$eval('.file li.hl', (els) => els.map((el) => Number((el as HTMLElement).dataset.line)))).toContain(statement.source!.line);
  });

  it('prints each cited range as a numbered endnote quoting its lines, and keeps the notes off the screen', async () => {
    const statements = documents[0]!.contracts[0]!.statements.filter((s) => s.source);
    const sourceText = readFileSync(statements[0]!.source!.path, 'utf8').split('\n');
    expect(await page.locator('article[lang="en"] .endnotes').isVisible()).toBe(false);
    expect(await page.locator('article[lang="en"] .st .note').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.code').isVisible()).toBe(false);
      expect(await page.locator('article[lang="en"] .endnotes').isVisible()).toBe(true);
      const notes = await page.$$eval('article[lang="en"] .endnotes li', (els) =>
        els.map((el) => ({
          number: Number(el.getAttribute('value')),
          ref: el.querySelector('.note-ref')!.firstChild!.textContent!.trim(),
          lines: [...el.querySelectorAll('.l')].map((line) => ({ number: Number(line.querySelector('.n')!.textContent), text: line.textContent!.slice(line.querySelector('.n')!.textContent!.length) })),
        })),
      );
      expect(notes.map((note) => note.number)).toEqual(notes.map((_, index) => index + 1));
      for (const statement of statements) {
        const element = page.locator(`article[lang="en"] .st[data-id="${statement.id}"]`);
        const number = Number(await element.locator('.note').textContent());
        const note = notes.find((n) => n.number === number)!;
        expect(note.ref).toBe(formatSourceRef(statement.source!));
        // The first cited line is quoted word for word (indentation aside), under its own number.
        expect(note.lines[0]).toEqual({ number: statement.source!.line, text: sourceText[statement.source!.line - 1]!.trim() === '' ? '' : expect.stringContaining(sourceText[statement.source!.line - 1]!.trim()) });
      }
      const clipped = await page.$$eval('.endnotes .l', (els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
      expect(clipped).toBe(0);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // On screen a line longer than the code pane wraps instead of running out of sight.
    const clippedOnScreen = await page.$$eval('.file li', (els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(clippedOnScreen).toBe(0);
  });

  it('writes the endnotes into the page itself, so printing needs no script', () => {
    const html = readFileSync(fileURLToPath(reportUrl), 'utf8');
    expect(html.match(/<section class="endnotes"/g)).toHaveLength(2);
    expect(html).toContain('<h2>各句所引代码</h2>');
  });

  it('draws the lifecycle as an inline SVG and the parties against the actions', async () => {
    expect(await page.locator('article[lang="en"] figure.diagram svg').count()).toBeGreaterThan(0);
    expect(await page.locator('article[lang="en"] table.access tbody tr').count()).toBeGreaterThan(0);
  });
});

describe('the lifecycle diagram in a 900 px wide window', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The letter of credit has the widest lifecycle of the bundled contracts: six states, long action names.
    const report = await writeReport('contracts/LetterOfCredit.sol', 'LetterOfCredit', ['en', 'zh']);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(report.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fits the summary’s column with every label at least 11 px high, in both languages', async () => {
    for (const lang of ['en', 'zh']) {
      await page.locator(`.lang-switch button[data-lang="${lang}"]`).click();
      const figure = page.locator(`article[lang="${lang}"] figure.diagram`).first();
      await figure.scrollIntoViewIfNeeded();
      const measured = await figure.evaluate((element) => {
        const svg = element.querySelector('svg')!;
        return {
          column: element.getBoundingClientRect().width,
          width: svg.getBoundingClientRect().width,
          labels: [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent, height: text.getBoundingClientRect().height })),
        };
      });
      expect(measured.width).toBeLessThanOrEqual(measured.column + 0.5);
      expect(measured.labels.length).toBeGreaterThan(6);
      expect(measured.labels.filter((label) => label.height < 11)).toEqual([]);
    }
  });
});

describe('Chinese in the HTML report, in the bundled browser', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const report = await writeReport('contracts/ArbiterEscrow.sol', 'ArbiterEscrow', ['zh']);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(report.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * A missing glyph is drawn as the same empty box whatever the character, so two different characters
   * swapped leave the picture unchanged; real glyphs change it. The report's first heading is
   * screenshotted as it stands, then with its first two characters swapped, then with two characters no
   * font has (U+10FFFD): the heading must differ from both.
   */
  it('draws the characters of a Chinese heading as glyphs, not boxes', async () => {
    const heading = page.locator('article[lang="zh"] h2').first();
    const text = (await heading.textContent())!.trim();
    expect(text).toMatch(/^[\u4e00-\u9fff]{2}/);
    expect(text[0]).not.toBe(text[1]);
    const shot = async (content: string) => {
      await heading.evaluate((element, value) => { element.textContent = value; }, content);
      return heading.screenshot();
    };
    const asItStands = await shot(text);
    const swapped = await shot(text[1] + text[0] + text.slice(2));
    const missing = await shot('\u{10FFFD}\u{10FFFD}' + text.slice(2));
    expect(asItStands.equals(swapped)).toBe(false);
    expect(asItStands.equals(missing)).toBe(false);
  });
});

describe('the files a report names', { timeout: 120_000 }, () => {
  it('names the contract’s own file after the terms, the imported files folded into a closed list after it', async () => {
    const { summarize } = await import('../../src/summarize.ts');
    const { outputs } = await summarize(['contracts/MarketplaceOrder.sol'], { formats: ['html'], languages: ['en', 'zh'], cache: false });
    const html = outputs[0]!.text;
    for (const [lang, summary] of [['en', 'Also compiled: 13 imported files'], ['zh', '另行编译的导入文件：13个']] as const) {
      const start = html.indexOf(`<article class="lang" lang="${lang}"`);
      expect(start).toBeGreaterThan(0);
      const article = html.slice(start, html.indexOf('</article>', start));
      const at = article.indexOf('<p class="ident">');
      const ident = article.slice(at, article.indexOf('</p>', at));
      expect(ident).toContain('contracts/MarketplaceOrder.sol · keccak256');
      expect(ident).not.toContain('@openzeppelin');
      // Every term comes first: the hashes follow the last section of the summary.
      expect(at).toBeGreaterThan(article.indexOf('data-section="disclaimer"'));
      expect(article.indexOf('class="st"', at)).toBe(-1);
      expect(article).toContain(`<details class="ident imported"><summary>${summary}</summary>`);
      expect(article.indexOf('@openzeppelin/contracts/access/Ownable.sol · keccak256')).toBeGreaterThan(article.indexOf('<details class="ident imported">'));
    }
  });
});
