/**
 * `--format pdf`: the HTML page printed by a headless browser. Here the browser is the Chromium build of
 * @sparticuz/chromium (a development dependency); a user without it is pointed at Chrome or Chromium.
 * The PDF's text is read back with pdftotext (poppler-utils) where it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type CliOutput, runCli } from '../../src/cli/run.ts';
import { isPlaintermsError } from '../../src/errors.ts';
import { findBrowser, systemBrowserPaths, type BrowserProbe } from '../../src/render/pdf/find-browser.ts';
import { repo } from '../helpers/extract.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'plainterms-pdf-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

async function run(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io: CliOutput = { out: (text) => void (out += text), err: (text) => void (err += text), exit: () => undefined };
  const code = await runCli(argv, io, {});
  return { out, err, code };
}

/** The number of pages a PDF declares (its page objects). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

describe('plainterms summarize --format pdf', { timeout: 180_000 }, () => {
  it('prints the summary in both languages, with endnotes quoting the cited code', async () => {
    const file = path.join(folder, 'FobSale.pdf');
    const { code, out, err } = await run(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'pdf', '--lang', 'en,zh', '-o', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe('');
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(4);
    if (!pdftotext) {
      console.warn('pdftotext not installed (apt install poppler-utils): the PDF’s text is not read back');
      return;
    }
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    for (const heading of ['FobSale — terms in plain language', 'Key facts', 'The code each sentence cites', '要点', '各句所引代码']) expect(text).toContain(heading);
    // The parties' sentence cites lines 30-31; its endnote quotes them.
    expect(text).toMatch(/FobSale\.sol:30-31 \(contracts\/FobSale\.sol\)\s+30\s+address public immutable buyer;\s+31\s+address public immutable seller;/);
    // The clickable code pane stays off paper: line 1 of the file (the licence line) is not printed.
    expect(text).not.toContain('SPDX-License-Identifier');
  });

  it('prints the redline', async () => {
    const file = path.join(folder, 'redline.pdf');
    const fixtures = `${repo}tests/fixtures/diff`;
    const { code } = await run(['diff', `${fixtures}/MarketplaceOrder.sol`, `${fixtures}/MarketplaceOrder.amendment.sol`, '--format', 'pdf', '-o', file]);
    expect(code).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses to write a PDF to the terminal, exit 2', async () => {
    const { code, err } = await run(['summarize', `${repo}contracts/FobSale.sol`, '--format', 'pdf']);
    expect(code).toBe(2);
    expect(err).toContain('--format pdf writes a binary file');
  });
});

describe('the browser that prints a PDF', () => {
  const nothing: BrowserProbe = { isFile: () => false, bundled: async () => null, platform: 'linux' };
  const saved = process.env.PLAINTERMS_CHROME;
  afterEach(() => {
    if (saved === undefined) delete process.env.PLAINTERMS_CHROME;
    else process.env.PLAINTERMS_CHROME = saved;
  });

  it('with none on the machine, says what to install, as a usage error (exit 2)', async () => {
    const error = await findBrowser({ PATH: '/usr/bin' }, nothing).catch((caught: unknown) => caught);
    expect(isPlaintermsError(error)).toBe(true);
    if (!isPlaintermsError(error)) return;
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('--format pdf prints the HTML page through Chrome or Chromium, and none was found');
    expect(error.hint).toContain('apt install chromium');
    expect(error.hint).toContain('PLAINTERMS_CHROME');
  });

  it('takes the browser a variable names first, then the npm build, then one installed on the machine', async () => {
    const probe = (files: string[], bundled: string | null): BrowserProbe => ({ isFile: (file) => files.includes(file), bundled: async () => bundled, platform: 'linux' });
    const installed = '/opt/tools/chromium';
    const env = { PATH: '/opt/tools', CHROME_PATH: '/home/me/chrome' };
    expect((await findBrowser(env, probe(['/home/me/chrome', installed], '/tmp/bundled'))).executablePath).toBe('/home/me/chrome');
    expect((await findBrowser({ PATH: '/opt/tools' }, probe([installed], '/tmp/bundled'))).from).toBe('bundled');
    expect(await findBrowser({ PATH: '/opt/tools' }, probe([installed], null))).toEqual({ executablePath: installed, from: 'system', env: {} });
    expect(systemBrowserPaths('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('names the variable when it points at nothing: exit 2, a message and no stack trace', async () => {
    process.env.PLAINTERMS_CHROME = path.join(folder, 'no-such-chrome');
    // Before compiling anything: the file named does not exist either.
    const { code, out, err } = await run(['summarize', `${repo}contracts/NoSuchFile.sol`, '--format', 'pdf', '-o', path.join(folder, 'never.pdf')]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`PLAINTERMS_CHROME names ${path.join(folder, 'no-such-chrome')}, which is not a file`);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
