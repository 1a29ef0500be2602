/**
 * Word output, read back with readers that share no code with the writer: mammoth for the text and
 * headings as Word shows them, and the unzipped word/document.xml for what Word stores (languages,
 * fonts, tracked insertions and deletions with their author and date).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { wordEdits } from '../../src/diff/html/word-diff.ts';
import { diffFiles } from '../../src/diff/index.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { formatSourceRef } from '../../src/render/format.ts';
import type { Statement } from '../../src/terms/index.ts';
import { repo } from '../helpers/extract.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-docx-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const fixtures = `${repo}tests/fixtures/diff`;

async function run(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const code = await runCli(argv, io, {});
  return { out, err, code };
}

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file('word/document.xml')!.async('string');
}

/** The run properties of the first run whose text (or deleted text) is exactly `text`. */
function runProperties(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r><w:rPr>([\s\S]*?)<\/w:rPr><w:(?:t|delText) xml:space="preserve">([^<]*)<\/w:(?:t|delText)><\/w:r>/g)].find((m) => m[2] === text);
  return run?.[1] ?? `no run reads ${text}`;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The footnotes of footnotes.xml by id: each paragraph's text, and the raw XML. */
function footnotes(xml: string): Map<number, { text: string; lines: string[]; xml: string }> {
  const notes = new Map<number, { text: string; lines: string[]; xml: string }>();
  for (const match of xml.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)) {
    const lines = [...match[2]!.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((p) =>
      [...(p[1] ?? p[2] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('').trim(),
    );
    notes.set(Number(match[1]), { text: lines.join('\n'), lines, xml: match[2]! });
  }
  return notes;
}

interface TrackedParagraph {
  /** The paragraph with every change accepted, and with every change rejected. */
  accepted: string;
  rejected: string;
  deleted: string;
  inserted: string;
  /** The paragraph mark itself is a tracked deletion or insertion. */
  mark: 'del' | 'ins' | null;
  xml: string;
}

/** The paragraphs of document.xml, each read as Word would show it with all changes accepted or rejected. */
function trackedParagraphs(xml: string): TrackedParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const body = match[1] ?? match[2] ?? '';
    const paragraph = { accepted: '', rejected: '', deleted: '', inserted: '', mark: null as TrackedParagraph['mark'], xml: body };
    const mark = /<w:pPr>[\s\S]*?<w:rPr>([\s\S]*?)<\/w:rPr>[\s\S]*?<\/w:pPr>/.exec(body)?.[1] ?? '';
    paragraph.mark = /<w:del /.test(mark) ? 'del' : /<w:ins /.test(mark) ? 'ins' : null;
    const content = body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    for (const part of content.matchAll(/<w:(ins|del) [^>]*>([\s\S]*?)<\/w:\1>|<w:r>([\s\S]*?)<\/w:r>/g)) {
      const texts = (fragment: string, tag: string) => [...fragment.matchAll(new RegExp(`<w:${tag}[^>]*>([^<]*)</w:${tag}>`, 'g'))].map((t) => unescapeXml(t[1]!)).join('');
      if (part[1] === 'ins') {
        const text = texts(part[2]!, 't');
        paragraph.inserted += text;
        paragraph.accepted += text;
      } else if (part[1] === 'del') {
        const text = texts(part[2]!, 'delText');
        paragraph.deleted += text;
        paragraph.rejected += text;
      } else {
        const text = texts(part[3]!, 't');
        paragraph.accepted += text;
        paragraph.rejected += text;
      }
    }
    return paragraph;
  });
}

/** A statement as the summary writes it, code shown without its backticks. */
const line = (statement: Statement) => `${statement.text.replace(/`/g, '')}${statement.source ? ` [${formatSourceRef(statement.source)}]` : ''}`;

describe('plainterms summarize --format docx', () => {
  it('writes the Markdown summary’s headings and sentences, with source references and code in a monospace run', async () => {
    const file = path.join(folder, 'FobSale.docx');
    const started = performance.now();
    const { code, out } = await run(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx', '-o', file]);
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(seconds).toBeLessThan(30);
    const { value: html } = await mammoth.convertToHtml({ path: file });
    expect(html).toContain('<h1>FobSale — terms in plain language</h1>');
    expect(html).toContain('<h2>Key facts</h2>');
    expect(html).toContain('<h3>Pay Deposit (payDeposit)</h3>');
    expect(html).toContain('<p>Buyer</p></th><th><p>buyer</p></th><th><p>set at deployment to the given Buyer (_buyer)</p></th>');
    // A source reference is followed by a real footnote mark.
    expect(html).toMatch(/\[FobSale\.sol:\d+(-\d+)?\]<sup><a href="#footnote-\d+" id="footnote-ref-\d+">\[\d+\]<\/a><\/sup>/);
    const xml = await documentXml(file);
    expect(runProperties(xml, 'payDeposit')).toBe('<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:lang w:val="en-GB"/>');
    expect(runProperties(xml, ' [FobSale.sol:51]')).toContain('<w:lang w:val="en-GB"/>');
    expect(xml.includes('zh-CN')).toBe(false);
  });

  it('puts English and Chinese one after the other, the Chinese runs in zh-CN with an East Asian font', async () => {
    const file = path.join(folder, 'FobSale.en-zh.docx');
    expect((await run(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx', '--lang', 'en,zh', '-o', file])).code).toBe(0);
    const { value: text } = await mammoth.extractRawText({ path: file });
    const english = text.indexOf('FobSale — terms in plain language');
    const chinese = text.indexOf('FobSale — 合约条款通俗说明');
    expect(english).toBeGreaterThanOrEqual(0);
    expect(chinese).toBeGreaterThan(english);
    expect(text).toContain('当事人：买方（buyer）和卖方（seller）；任何操作均不能更换其中任何一方。 [FobSale.sol:30-31]');
    const xml = await documentXml(file);
    const heading = runProperties(xml, '要点');
    expect(heading).toContain('w:eastAsia="SimSun"');
    expect(heading).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    expect(runProperties(xml, 'Key facts')).toBe('<w:lang w:val="en-GB"/>');
    // The Chinese part starts on a new page.
    expect(/<w:pageBreakBefore\/>[\s\S]{0,400}合约条款通俗说明/.test(xml)).toBe(true);
  });

  it('puts a footnote under each source reference quoting the cited lines, in English and in Chinese', async () => {
    const file = path.join(folder, 'FobSale.notes.docx');
    expect((await run(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx', '--lang', 'en,zh', '-o', file])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const notes = footnotes(await zip.file('word/footnotes.xml')!.async('string'));
    const source = readFileSync(`${repo}contracts/FobSale.sol`, 'utf8').split('\n');
    // Every reference is followed by its own footnote mark, numbered in the order of the document.
    // A reference in a sentence follows a space; one in a table row has its own cell.
    const marks = [...xml.matchAll(/<w:t xml:space="preserve"> ?\[([^\]]+)\]<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="(\d+)"\/>/g)];
    expect(marks.length).toBe((xml.match(/<w:t xml:space="preserve"> ?\[[^\]]+\.sol:\d[^\]]*\]<\/w:t>/g) ?? []).length);
    expect(marks.map((mark) => Number(mark[2]))).toEqual(marks.map((_, index) => index + 1));
    for (const [lang, title] of [['en', 'terms in plain language'], ['zh', '合约条款通俗说明']] as const) {
      // The first reference to line 30 (the Buyer's) in each language: its footnote, or the earlier one of
      // the same language it points to, quotes the line as the file has it.
      const at = xml.indexOf(title);
      expect(at).toBeGreaterThan(0);
      const mark = marks.find((m) => m.index! > at && m[1] === 'FobSale.sol:30')!;
      let note = notes.get(Number(mark[2]))!;
      const again = /(?:quoted in footnote |见脚注)(\d+)/.exec(note.text);
      if (again) note = notes.get(Number(again[1]))!;
      expect(note.lines[0]).toBe(lang === 'zh' ? 'FobSale.sol:30（contracts/FobSale.sol）' : 'FobSale.sol:30 (contracts/FobSale.sol)');
      expect(note.lines[1]).toBe(`30  ${source[29]!.trim()}`);
    }
    // A range too long to quote whole is cut, saying how much is left out.
    const long = [...notes.values()].find((n) => n.lines[0]!.startsWith('FobSale.sol:11-144'))!;
    expect(long.lines.length).toBe(6);
    expect(long.lines[5]).toBe('… and 130 more lines, to line 144');
    expect(notes.get(Number(marks.at(-1)![2]))!.xml).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    expect(notes.get(Number(marks.at(-1)![2]))!.xml).toContain('w:eastAsia="SimSun"');
  });

  it('writes one Word file per contract into a folder', async () => {
    const out = path.join(folder, 'batch') + path.sep;
    const { code } = await run(['summarize', `${repo}contracts/FobSale.sol`, `${repo}contracts/ArbiterEscrow.sol`, '--format', 'docx', '-o', out]);
    expect(code).toBe(0);
    for (const name of ['FobSale', 'ArbiterEscrow']) {
      const { value: text } = await mammoth.extractRawText({ path: path.join(out, `${name}.docx`) });
      expect(text.startsWith(`${name} — terms in plain language`)).toBe(true);
    }
  });

  it('refuses to write a Word file to the terminal, exit 2, before compiling anything', async () => {
    const { code, out, err } = await run(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--format docx writes a binary file');
    expect(err).toContain('-o');
  });
});

describe('plainterms diff --format docx', () => {
  const file = path.join(folder, 'MarketplaceOrder.amendment.diff.docx');
  let once: ReturnType<typeof run> | undefined;
  const written = () => (once ??= run(['diff', `${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, '--format', 'docx', '-o', file]));

  it('marks a removed statement as a tracked deletion and an added one as a tracked insertion, by plainterms', async () => {
    expect((await written()).code).toBe(0);
    const xml = await documentXml(file);
    const paragraphs = trackedParagraphs(xml);
    const removed = paragraphs.find((p) => p.deleted.startsWith('The code sets no upper limit on the Fee BPS'));
    expect(removed).toMatchObject({ accepted: '', mark: 'del', inserted: '' });
    expect(removed!.deleted).toBe('The code sets no upper limit on the Fee BPS (feeBps), which the Owner (_owner) may set through setFeeBps. [MarketplaceOrder.sol:71]');
    const added = paragraphs.find((p) => p.inserted.startsWith('The given Fee BPS'));
    expect(added).toMatchObject({ rejected: '', mark: 'ins', deleted: '' });
    expect(/<w:ins w:id="\d+" w:author="plainterms" w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">/.test(added!.xml)).toBe(true);
    // Every revision is by plainterms, and each has its own id.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)" w:author="([^"]*)"/g)];
    expect(new Set(ids.map((m) => m[2]))).toEqual(new Set(['plainterms']));
    expect(new Set(ids.map((m) => m[1])).size).toBe(ids.length);
  });

  it('marks a reworded statement word by word', async () => {
    expect((await written()).code).toBe(0);
    const paragraphs = trackedParagraphs(await documentXml(file));
    const reworded = paragraphs.find((p) => p.rejected.startsWith('Shares: the Fee Recipient receives the Fee BPS'));
    expect(reworded!.deleted).toContain('with no upper limit');
    expect(reworded!.inserted).toContain('up to 5% (500 basis points');
    expect(reworded!.accepted).toMatch(/^Shares: the Fee Recipient receives the Fee BPS/);
  });

  it('reads as the new summary with every change accepted, and as the old one with every change rejected', async () => {
    expect((await written()).code).toBe(0);
    const doc = await diffFiles(`${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, { cwd: repo });
    const paragraphs = trackedParagraphs(await documentXml(file));
    const start = paragraphs.findIndex((p) => p.accepted === 'The summary with tracked changes');
    const tracked = paragraphs.slice(start);
    const accepted = tracked.filter((p) => p.mark !== 'del').map((p) => p.accepted);
    const rejected = tracked.filter((p) => p.mark !== 'ins').map((p) => p.rejected);
    const olds = buildStatements(doc.terms.old, 'en').map(line);
    const news = buildStatements(doc.terms.new, 'en').map(line);
    expect(olds.filter((l) => !rejected.includes(l))).toEqual([]);
    expect(news.filter((l) => !accepted.includes(l))).toEqual([]);
    // Besides the statements, only section headings and the closing note: no sentence with a source reference.
    expect(accepted.filter((l) => !news.includes(l) && /\.sol:\d/.test(l))).toEqual([]);
    expect(rejected.filter((l) => !olds.includes(l) && /\.sol:\d/.test(l))).toEqual([]);
  });

  it('also writes the Chinese redline', async () => {
    const zh = path.join(folder, 'redline.zh.docx');
    expect((await run(['diff', `${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, '--format', 'docx', '--lang', 'zh', '-o', zh])).code).toBe(0);
    const { value: text } = await mammoth.extractRawText({ path: zh });
    expect(text).toContain('含修订标记的摘要');
    const deleted = /<w:del [^>]*w:author="plainterms"[^>]*><w:r><w:rPr>([\s\S]*?)<\/w:rPr>/.exec(await documentXml(zh))?.[1];
    expect(deleted).toContain('w:eastAsia="SimSun"');
    expect(deleted).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
  });

  it('refuses to write the redline to the terminal, exit 2', async () => {
    const { code, err } = await run(['diff', `${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, '--format', 'docx']);
    expect(code).toBe(2);
    expect(err).toContain('--format docx writes a binary file');
  });
});

describe('word edits for tracked changes', () => {
  const pairs: [string, string][] = [
    ['The Owner may set the fee with no upper limit.', 'The Owner may set the fee up to 5% (500 basis points).'],
    ['Only the Buyer (`buyer`) may call `pay`.', 'Only the Buyer may call `payBalance`.'],
    ['卖方可以调用`ship`。', '买方可以调用`ship`。'],
    ['A short one.', 'Something else entirely, rewritten from the start.'],
  ];
  it.each(pairs)('gives the new sentence when applied and the old when undone: %s', (before, after) => {
    const edits = wordEdits(before, after);
    expect(edits.filter((e) => e.op !== 'del').map((e) => e.text).join('')).toBe(after);
    expect(edits.filter((e) => e.op !== 'ins').map((e) => e.text).join('')).toBe(before);
    // Each run of changes is one deletion then one insertion, and code spans are never cut.
    for (const [k, edit] of edits.entries()) {
      if (edit.op === 'del') expect(edits[k + 1]?.op).not.toBe('del');
      expect(edit.text.split('`').length % 2).toBe(1);
    }
  });

  it('keeps the words both versions share outside the changes', () => {
    expect(wordEdits('The Owner may set the fee with no upper limit.', 'The Owner may set the fee up to 5%.')).toEqual([
      { op: 'same', text: 'The Owner may set the fee ' },
      { op: 'del', text: 'with no upper limit' },
      { op: 'ins', text: 'up to 5%' },
      { op: 'same', text: '.' },
    ]);
  });
});
