import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFiles, formatDiagnostic } from '../../src/compile/index.ts';
import { catchPlaintermsError, makeProject, removeProjects } from './temp-project.ts';

afterAll(removeProjects);

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `tests/fixtures/compile/${name}`;
const compile = (name: string) => compileFiles([fixture(name)], { cwd: repo });

describe('compile errors', () => {
  it('a syntax error is reported at path:line:col with the line and a caret', async () => {
    const error = await catchPlaintermsError(compile('syntax-error.sol'));
    expect(error.code).toBe('COMPILE_ERROR');
    expect(error.diagnostics).toHaveLength(1);
    const [diagnostic] = error.diagnostics;
    expect(diagnostic).toMatchObject({ severity: 'error', path: fixture('syntax-error.sol'), line: 8, column: 27 });
    expect(formatDiagnostic(diagnostic)).toBe(
      `${fixture('syntax-error.sol')}:8:27: error: Expected primary expression.\n` +
        '        price = newPrice +;\n' +
        `${' '.repeat(26)}^`,
    );
  });

  it('a Chinese comment before the error does not shift the line or column', async () => {
    const error = await catchPlaintermsError(compile('multibyte-comment.sol'));
    const [diagnostic] = error.diagnostics;
    const line = '    /* 价格（单位：wei）*/ uint256 public price = ;';
    expect(diagnostic).toMatchObject({ path: fixture('multibyte-comment.sol'), line: 6, column: line.indexOf(';') + 1 });
    expect(diagnostic.excerpt?.split('\n')[0]).toBe(line);
  });

  it('warnings do not fail the compilation', async () => {
    const compilation = await compile('warnings-only.sol');
    expect(Object.keys(compilation.contracts[fixture('warnings-only.sol')])).toEqual(['Quiet']);
  });
});

describe('import errors', () => {
  it('a missing package import is IMPORT_NOT_FOUND at the import statement, with what to do', async () => {
    const error = await catchPlaintermsError(compile('missing-import.sol'));
    expect(error.code).toBe('IMPORT_NOT_FOUND');
    expect(error.diagnostics).toHaveLength(1);
    const [diagnostic] = error.diagnostics;
    expect(diagnostic).toMatchObject({ path: fixture('missing-import.sol'), line: 4, column: 1 });
    expect(diagnostic.message).toContain('"@acme/missing/contracts/Thing.sol"');
    expect(diagnostic.message).toMatch(/searched .*node_modules/);
    expect(diagnostic.excerpt).toBe('import {Thing} from "@acme/missing/contracts/Thing.sol";\n^');
    expect(error.hint).toContain('npm install @acme/missing');
    expect(error.hint).toContain('--remap');
    expect(error.hint).toContain('--include-path');
  });

  it('a file missing from a package that is installed names the version found instead of asking to install it', async () => {
    const error = await catchPlaintermsError(compile('removed-import.sol'));
    expect(error.code).toBe('IMPORT_NOT_FOUND');
    const version = (JSON.parse(readFileSync('node_modules/@openzeppelin/contracts/package.json', 'utf8')) as { version: string }).version;
    expect(error.hint).toBe(
      `@openzeppelin/contracts ${version} is installed (in node_modules/@openzeppelin/contracts) but has no utils/Counters.sol; the importing file was written for another version of @openzeppelin/contracts: point to a copy that has the file with --remap @openzeppelin/contracts/=<folder>/`,
    );
    expect(error.diagnostics[0].message).toMatch(/searched \. \(\/.+\), /);
  });
});

describe('input errors', () => {
  it('a file that does not exist is FILE_NOT_FOUND', async () => {
    const error = await catchPlaintermsError(compile('no-such-contract.sol'));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(`${fixture('no-such-contract.sol')}: no such file`);
    expect(error.hint).toContain(repo.replace(/\/$/, ''));
  });

  it('a folder without .sol files is refused as input', async () => {
    const root = makeProject({ 'notes/minutes.txt': 'The buyer pays on delivery.' });
    const error = await catchPlaintermsError(compileFiles(['notes'], { cwd: root }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/no \.sol files in this folder$/);
  });

  it('no files at all is refused', async () => {
    expect((await catchPlaintermsError(compileFiles([], { cwd: repo }))).code).toBe('BAD_INPUT');
  });

  it('a text file is NOT_SOLIDITY', async () => {
    const error = await catchPlaintermsError(compile('notes.txt'));
    expect(error.code).toBe('NOT_SOLIDITY');
    expect(error.message).toBe(`${fixture('notes.txt')}: not a Solidity file`);
    expect(error.diagnostics[0]).toMatchObject({ path: fixture('notes.txt'), line: 1 });
  });

  it('a .sol file holding prose is NOT_SOLIDITY, but broken Solidity is a COMPILE_ERROR', async () => {
    expect((await catchPlaintermsError(compile('prose.sol'))).code).toBe('NOT_SOLIDITY');
    expect((await catchPlaintermsError(compile('syntax-error.sol'))).code).toBe('COMPILE_ERROR');
  });
});
