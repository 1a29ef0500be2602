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
const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-docx-lo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const io: CliOutput = { out: () => undefined, err: () => undefined, exit: () => undefined };

/** The document as LibreOffice reads it, saved as UTF-8 text. */
function openedAsText(file: string): string {
  // A profile of its own, so a LibreOffice the user has open is not disturbed.
  const profile = `file://${path.join(folder, 'profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', folder, file], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(file.replace(/\.docx$/, '.txt'), 'utf8');
}

describe.skipIf(!soffice)('the Word files in LibreOffice', { timeout: 180_000 }, () => {
  it('opens the summary in English and Chinese', async () => {
    const file = path.join(folder, 'FobSale.docx');
    expect(await runCli(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'docx', '--lang', 'en,zh', '-o', file], io, {})).toBe(0);
    const text = openedAsText(file);
    expect(text).toContain('The Buyer (buyer) is an address, set at deployment to the given Buyer (_buyer); it cannot change afterwards. [FobSale.sol:30]');
    expect(text).toContain('当事人：买方（buyer）和卖方（seller）。 [FobSale.sol:30-31]');
  });

  it('opens the redline with its tracked changes', async () => {
    const file = path.join(folder, 'redline.docx');
    const fixtures = `${repo}tests/fixtures/diff`;
    expect(await runCli(['diff', `${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, '--format', 'docx', '-o', file], io, {})).toBe(0);
    const text = openedAsText(file);
    // Shown with changes visible: the deleted words, then the inserted ones.
    expect(text).toContain('which the Owner may change through setFeeBps with no upper limitup to 5% (500 basis points, MAX_FEE_BPS).');
    expect(text).toContain('Deployment goes ahead only if the given Fee BPS (feeBps_) is at most 5%');
  });
});
