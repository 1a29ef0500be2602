/**
 * The Word files opened by another word processor: LibreOffice (Debian's libreoffice-writer-nogui) reads
 * each one and saves it as text, showing tracked changes as it shows them on screen. Skipped where
 * LibreOffice is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { repo } from '../helpers/extract.ts';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.warn('LibreOffice is not installed (Debian: apt install libreoffice-writer-nogui): the Word files are not opened in it');
const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-docx-lo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const io: CliOutput = { out: () => undefined, err: () => undefined, exit: () => undefined };

/** The document as LibreOffice reads it, saved as UTF-8 text (`txt`) or laid out as pages (`pdf`). */
function openedAs(file: string, format: 'txt' | 'pdf'): string {
  // A profile of its own, so a LibreOffice the user has open is not disturbed.
  const profile = `file://${path.join(folder, 'profile')}`;
  const filter = format === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf';
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', folder, file], { stdio: 'ignore', timeout: 120_000 });
  return file.replace(/\.docx$/, `.${format}`);
}

const openedAsText = (file: string) => readFileSync(openedAs(file, 'txt'), 'utf8');

describe.skipIf(!soffice)('the Word files in LibreOffice', { timeout: 180_000 }, () => {
  it('opens the summary in English and Chinese', async () => {
    const file = path.join(folder, 'FobSale.docx');
    expect(await runCli(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx', '--lang', 'en,zh', '-o', file], io, {})).toBe(0);
    const text = openedAsText(file);
    expect(text).toContain('set at deployment to the given Buyer (_buyer)');
    expect(text).toContain('当事人：买方（buyer）和卖方（seller）；任何操作均不能更换其中任何一方。 [FobSale.sol:30-31]');
  });

  it.skipIf(!pdftotext)('lays out the footnotes that quote the cited code at the foot of the page', async () => {
    const file = path.join(folder, 'FobSale.notes.docx');
    expect(await runCli(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx', '-o', file], io, {})).toBe(0);
    const pages = execFileSync('pdftotext', ['-layout', openedAs(file, 'pdf'), '-'], { encoding: 'utf8' }).split('\f');
    // The first page: the parties' reference in the key facts, and its footnote with lines 30-31.
    expect(pages[0]).toMatch(/\[FobSale\.sol:30-31\]1/);
    expect(pages[0]).toMatch(/1\s*FobSale\.sol:30-31 \(contracts\/FobSale\.sol\)\s+30 +address public immutable buyer;\s+31 +address public immutable seller;/);
  });

  it('opens the redline with its tracked changes', async () => {
    const file = path.join(folder, 'redline.docx');
    const fixtures = `${repo}tests/fixtures/diff`;
    expect(await runCli(['diff', `${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, '--format', 'docx', '-o', file], io, {})).toBe(0);
    const text = openedAsText(file);
    // Shown with changes visible: the deleted words, then the inserted ones.
    expect(text).toContain('the Owner may change it through setFeeBps with no upper limit, up to 5% (500 basis points, MAX_FEE_BPS).');
    expect(text).toContain('The given Fee BPS (feeBps_) is at most 5%');
  });
});
