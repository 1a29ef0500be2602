import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFiles, formatDiagnostic } from '../../src/compile/index.ts';
import { chooseCompiler } from '../../src/compile/choose-compiler.ts';
import { readBundledVersion } from '../../src/compile/compiler.ts';
import { preferredRelease, parsePragmaRange, SOLC_RELEASES } from '../../src/compile/solc-releases.ts';
import { importedUnitName, scanSource } from '../../src/compile/source-scan.ts';
import { isPlaintermsError, type PlaintermsError } from '../../src/errors.ts';
import { catchPlaintermsError, makeProject, removeProjects } from './temp-project.ts';

afterAll(removeProjects);

/** A compilers folder with these releases "installed" (only the files' presence matters here). */
function compilersFolder(...versions: string[]): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plainterms-compilers-'));
  for (const version of versions) {
    mkdirSync(path.join(folder, version));
    writeFileSync(path.join(folder, version, 'soljson.js'), '');
  }
  return folder;
}

const pragmas = (...ranges: string[]) => ranges.map((range, i) => ({ path: `contracts/F${i}.sol`, pragmas: [range] }));
const ranges = (...texts: string[]) => texts.map((text) => parsePragmaRange(text)!);

function catchError(run: () => unknown): PlaintermsError {
  try {
    run();
  } catch (error) {
    if (isPlaintermsError(error)) return error;
    throw error;
  }
  throw new Error('expected a PlaintermsError');
}

describe('choosing the compiler from the pragmas', () => {
  it('uses the bundled solc when it satisfies every pragma', () => {
    expect(chooseCompiler(pragmas('^0.8.0', '>=0.6.0'), { compilersFolder: compilersFolder('0.7.6') })).toEqual({ kind: 'bundled', version: readBundledVersion() });
  });

  it('otherwise uses an installed release that satisfies them all', () => {
    const choice = chooseCompiler(pragmas('=0.5.16', '>=0.5.0'), { compilersFolder: compilersFolder('0.5.16', '0.5.17', '0.7.6') });
    expect(choice).toMatchObject({ kind: 'installed', version: '0.5.16' });
  });

  it('prefers the newest patch of the oldest series a range allows', () => {
    expect(preferredRelease(['0.6.10', '0.6.12', '0.7.6'], ranges('>=0.6.0 <0.8.0'))).toBe('0.6.12');
    expect(preferredRelease(['0.4.24', '0.4.26'], ranges('^0.4.24'))).toBe('0.4.26');
    expect(preferredRelease(['0.5.16'], ranges('^0.4.24'))).toBeNull();
  });

  it('names the exact command to run when no installed release fits', () => {
    const error = catchError(() => chooseCompiler(pragmas('^0.7.6'), { compilersFolder: compilersFolder('0.5.16') }));
    expect(error.code).toBe('COMPILER_NOT_INSTALLED');
    expect(error.message).toBe(`contracts/F0.sol needs solc ^0.7.6; the bundled solc is ${readBundledVersion()}`);
    expect(error.hint).toBe('install solc 0.7.6 once with: plainterms compilers add 0.7.6');
  });

  it('says so when the files ask for compilers no release can be at once', () => {
    const error = catchError(() => chooseCompiler(pragmas('^0.5.0', '^0.8.0'), { compilersFolder: compilersFolder() }));
    expect(error.code).toBe('COMPILE_ERROR');
    expect(error.diagnostics.map((d) => d.path)).toEqual(['contracts/F0.sol', 'contracts/F1.sol']);
  });

  it('takes a release asked for by name, and says how to install it when it is missing', () => {
    const folder = compilersFolder('0.6.12');
    expect(chooseCompiler(pragmas('^0.8.0'), { solcVersion: '0.6.12', compilersFolder: folder })).toMatchObject({ kind: 'installed', version: '0.6.12' });
    const error = catchError(() => chooseCompiler([], { solcVersion: '0.5.17', compilersFolder: folder }));
    expect(error).toMatchObject({ code: 'COMPILER_NOT_INSTALLED', hint: 'install it once with: plainterms compilers add 0.5.17' });
    expect(catchError(() => chooseCompiler([], { solcVersion: 'latest' })).code).toBe('USAGE');
  });

  it('reads the pragmas of imported files too, before compiling anything', async () => {
    const root = makeProject({
      'package.json': '{}',
      'contracts/Sale.sol': 'pragma solidity >=0.5.0;\nimport "./lib/Fees.sol";\ncontract Sale {}\n',
      'contracts/lib/Fees.sol': 'pragma solidity ^0.5.0;\nlibrary Fees {}\n',
    });
    const error = await catchPlaintermsError(compileFiles(['contracts/Sale.sol'], { cwd: root, compilersFolder: compilersFolder(), cache: false }));
    expect(error.code).toBe('COMPILER_NOT_INSTALLED');
    expect(error.message).toMatch(/^contracts\/lib\/Fees\.sol needs solc \^0\.5\.0;/);
    expect(error.hint).toBe('install solc 0.5.17 once with: plainterms compilers add 0.5.17');
    expect(formatDiagnostic(error.diagnostics[0])).toBe('contracts/lib/Fees.sol:1:1: error: the file asks for solc ^0.5.0\npragma solidity ^0.5.0;\n^');
  });

  it('knows every release from 0.4.13 to the bundled one', () => {
    expect(SOLC_RELEASES[0]).toBe('0.4.13');
    expect(SOLC_RELEASES).toContain('0.5.17');
    expect(SOLC_RELEASES.at(-1)).toBe(readBundledVersion());
  });
});

describe('reading pragmas and imports before compiling', () => {
  it('finds pragmas and every form of import, not those in comments', () => {
    const source = [
      'pragma solidity >=0.6.0 <0.8.0;',
      '// pragma solidity ^0.4.0;',
      '/* import "./Commented.sol"; */',
      'import "./A.sol";',
      "import * as B from '../B.sol';",
      'import {C, D as E} from "@acme/terms/C.sol";',
      'import "./F.sol" as F;',
      'string constant s = "// not a comment";',
      "string constant t = '/* nor this */'; import './G.sol';",
      '/* unterminated import "./H.sol";',
    ].join('\n');
    expect(scanSource(source)).toEqual({ pragmas: ['>=0.6.0 <0.8.0'], imports: ['./A.sol', '../B.sol', '@acme/terms/C.sol', './F.sol', './G.sol'], pragmaLine: 1 });
  });

  it('names imported units as solc does: relative to the importer, then remapped', () => {
    expect(importedUnitName('../lib/Fees.sol', 'contracts/deals/Sale.sol', [])).toBe('contracts/lib/Fees.sol');
    expect(importedUnitName('@oz/access/Ownable.sol', 'contracts/Sale.sol', ['@oz/=lib/openzeppelin/', 'contracts:@oz/=vendored/oz/'])).toBe('vendored/oz/access/Ownable.sol');
    expect(importedUnitName('@oz/access/Ownable.sol', 'other/Sale.sol', ['@oz/=lib/openzeppelin/', 'contracts:@oz/=vendored/oz/'])).toBe('lib/openzeppelin/access/Ownable.sol');
  });
});
