import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFiles, formatDiagnostic } from '../../src/compile/index.ts';
import { catchPlaintermsError, makeProject, PRAGMA, removeProjects } from './temp-project.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const ozFolder = path.join(repo, 'node_modules/@openzeppelin/contracts');
const readOz = (file: string) => readFileSync(path.join(ozFolder, file), 'utf8');
const library = (name: string) => `${PRAGMA}library ${name} { function one() internal pure returns (uint256) { return 1; } }\n`;
const importing = (importPath: string, name = 'Deal') => `${PRAGMA}import "${importPath}";\ncontract ${name} {}\n`;
const unitNames = (compilation: { sources: { unitName: string }[] }) => compilation.sources.map((source) => source.unitName);

afterAll(removeProjects);

describe('packages in node_modules', () => {
  it('finds @openzeppelin/contracts installed in a temp project, from a deeply nested file, whatever the cwd', async () => {
    const root = makeProject({
      'package.json': '{}',
      'node_modules/@openzeppelin/contracts/access/Ownable.sol': readOz('access/Ownable.sol'),
      'node_modules/@openzeppelin/contracts/utils/Context.sol': readOz('utils/Context.sol'),
      'packages/app/contracts/deep/Order.sol': importing('@openzeppelin/contracts/access/Ownable.sol'),
    });
    const compilation = await compileFiles([path.join(root, 'packages/app/contracts/deep/Order.sol')], { cwd: repo });
    expect(compilation.inputs).toEqual(['packages/app/contracts/deep/Order.sol']);
    const ownable = compilation.sources.find((source) => source.unitName === '@openzeppelin/contracts/access/Ownable.sol');
    expect(ownable?.absolutePath).toBe(path.join(root, 'node_modules/@openzeppelin/contracts/access/Ownable.sol'));
    expect(ownable?.path).toBe('@openzeppelin/contracts/access/Ownable.sol');
  });

  it('prefers the node_modules nearest to the file', async () => {
    const root = makeProject({
      'package.json': '{}',
      'node_modules/@acme/terms/Terms.sol': library('FarTerms'),
      'app/node_modules/@acme/terms/Terms.sol': library('NearTerms'),
      'app/contracts/Deal.sol': importing('@acme/terms/Terms.sol'),
    });
    const compilation = await compileFiles(['app/contracts/Deal.sol'], { cwd: root });
    expect(Object.keys(compilation.contracts['@acme/terms/Terms.sol'])).toEqual(['NearTerms']);
    expect(compilation.sources.map((source) => source.path)).toContain('@acme/terms/Terms.sol');
  });

  it('reads a package linked into node_modules from elsewhere (workspaces, pnpm)', async () => {
    const root = makeProject({
      'package.json': '{}',
      'node_modules/@openzeppelin/contracts': { symlinkTo: ozFolder },
      'contracts/Deal.sol': importing('@openzeppelin/contracts/access/Ownable.sol'),
    });
    const compilation = await compileFiles(['contracts/Deal.sol'], { cwd: root });
    expect(unitNames(compilation)).toContain('@openzeppelin/contracts/utils/Context.sol');
  });
});

describe('remappings', () => {
  const foundryProject = () =>
    makeProject({
      'foundry.toml': '[profile.default]\n',
      'lib/solmate/src/auth/Owned.sol': library('Owned'),
      'lib/wrong/terms/Terms.sol': library('WrongTerms'),
      'lib/terms/Terms.sol': library('Terms'),
      'contracts/Deal.sol': importing('solmate/auth/Owned.sol'),
      'contracts/Longest.sol': importing('@acme/terms/Terms.sol', 'Longest'),
    });

  it('applies a remapping given as an option, relative to cwd', async () => {
    const root = foundryProject();
    const compilation = await compileFiles(['contracts/Deal.sol'], { cwd: root, remappings: ['solmate/=lib/solmate/src/'] });
    expect(unitNames(compilation)).toEqual(['contracts/Deal.sol', 'lib/solmate/src/auth/Owned.sol']);
  });

  it('lets the longest matching prefix win', async () => {
    const root = foundryProject();
    const remappings = ['@acme/=lib/wrong/', '@acme/terms/=lib/terms/'];
    const compilation = await compileFiles(['contracts/Longest.sol'], { cwd: root, remappings });
    expect(Object.keys(compilation.contracts['lib/terms/Terms.sol'])).toEqual(['Terms']);
  });

  it('reads remappings.txt from the project root, whatever the cwd', async () => {
    const root = foundryProject();
    writeFileSync(path.join(root, 'remappings.txt'), '# deps\nsolmate/=lib/solmate/src/\n');
    const elsewhere = makeProject({});
    const compilation = await compileFiles([path.join(root, 'contracts/Deal.sol')], { cwd: elsewhere });
    expect(unitNames(compilation)).toEqual(['contracts/Deal.sol', 'lib/solmate/src/auth/Owned.sol']);
  });

  it('reads the remappings in foundry.toml and those forge derives from its libs folders', async () => {
    const root = makeProject({
      'foundry.toml': '[profile.default]\nlibs = ["deps"]\nremappings = ["@acme/=deps/terms/"]\n',
      'deps/solmate/src/auth/Owned.sol': library('Owned'),
      'deps/terms/Terms.sol': library('Terms'),
      'contracts/Deal.sol': `${PRAGMA}import "solmate/auth/Owned.sol";\nimport "@acme/Terms.sol";\ncontract Deal {}\n`,
    });
    const compilation = await compileFiles(['contracts/Deal.sol'], { cwd: root, cache: false });
    expect(unitNames(compilation)).toEqual(['contracts/Deal.sol', 'deps/solmate/src/auth/Owned.sol', 'deps/terms/Terms.sol']);
  });

  it('lets a foundry.toml remapping win over remappings.txt, as forge does', async () => {
    const root = foundryProject();
    writeFileSync(path.join(root, 'remappings.txt'), '@acme/terms/=lib/wrong/terms/\n');
    writeFileSync(path.join(root, 'foundry.toml'), '[profile.default]\nremappings = ["@acme/terms/=lib/terms/"]\n');
    const compilation = await compileFiles(['contracts/Longest.sol'], { cwd: root, cache: false });
    expect(Object.keys(compilation.contracts['lib/terms/Terms.sol'])).toEqual(['Terms']);
  });

  it('applies a context-specific remapping only inside its context', async () => {
    const root = makeProject({
      'foundry.toml': '',
      'remappings.txt': 'lib/old-app/:@x/=lib/x-v1/\n@x/=lib/x-v2/\n',
      'lib/x-v1/X.sol': library('XOne'),
      'lib/x-v2/X.sol': library('XTwo'),
      'lib/old-app/App.sol': importing('@x/X.sol', 'OldApp'),
      'contracts/Deal.sol': `${PRAGMA}import "@x/X.sol";\nimport "../lib/old-app/App.sol";\ncontract Deal {}\n`,
    });
    const compilation = await compileFiles(['contracts/Deal.sol'], { cwd: root });
    expect(unitNames(compilation)).toEqual(['contracts/Deal.sol', 'lib/old-app/App.sol', 'lib/x-v1/X.sol', 'lib/x-v2/X.sol']);
  });

  it('rejects a remapping without "="', async () => {
    const root = foundryProject();
    const error = await catchPlaintermsError(compileFiles(['contracts/Deal.sol'], { cwd: root, remappings: ['solmate'] }));
    expect(error.code).toBe('BAD_INPUT');
  });
});

describe('include paths and base path', () => {
  const twoFolders = () => {
    const shared = makeProject({ 'shared/Money.sol': library('Money') });
    const root = makeProject({ 'package.json': '{}', 'contracts/Deal.sol': importing('shared/Money.sol') });
    return { shared, root };
  };

  it('looks up imports under an include path', async () => {
    const { shared, root } = twoFolders();
    const compilation = await compileFiles(['contracts/Deal.sol'], { cwd: root, includePaths: [shared] });
    const money = compilation.sources.find((source) => source.unitName === 'shared/Money.sol');
    expect(money?.absolutePath).toBe(path.join(shared, 'shared/Money.sol'));
  });

  it('without the include path the import is not found', async () => {
    const { root } = twoFolders();
    const error = await catchPlaintermsError(compileFiles(['contracts/Deal.sol'], { cwd: root }));
    expect(error.code).toBe('IMPORT_NOT_FOUND');
    expect(error.diagnostics[0]).toMatchObject({ path: 'contracts/Deal.sol', line: 3, column: 1 });
  });

  it('names input files relative to the base path', async () => {
    const { shared, root } = twoFolders();
    const compilation = await compileFiles(['contracts/Deal.sol'], { cwd: root, basePath: 'contracts', includePaths: [shared] });
    expect(compilation.inputs).toEqual(['Deal.sol']);
    expect(compilation.sources.find((source) => source.unitName === 'Deal.sol')?.path).toBe('contracts/Deal.sol');
  });
});

describe('files outside the allowed folders are never read', () => {
  const secret = () => makeProject({ 'secret.sol': 'SECRET-TOKEN-1234\n' });

  it.each([
    ['a relative import that climbs out of the project', '../../../../../../../../../../etc/passwd'],
    ['an absolute import', '/etc/passwd'],
    ['a package-style import with ..', 'pkg/../../../../../../../../../../etc/passwd'],
  ])('%s is refused with IMPORT_OUTSIDE_ROOTS', async (_, importPath) => {
    const root = makeProject({ 'package.json': '{}', 'contracts/Deal.sol': importing(importPath) });
    const error = await catchPlaintermsError(compileFiles(['contracts/Deal.sol'], { cwd: root }));
    expect(error.code).toBe('IMPORT_OUTSIDE_ROOTS');
    expect(error.diagnostics[0]).toMatchObject({ path: 'contracts/Deal.sol', line: 3, column: 1 });
    expect(error.diagnostics[0].message).toContain('outside the allowed folders');
    expect(error.hint).toContain('--include-path');
    expect(formatDiagnostic(error.diagnostics[0])).not.toContain('root:');
  });

  it('a symbolic link that leads out of the project is refused and its content never shown', async () => {
    const outside = secret();
    const root = makeProject({
      'package.json': '{}',
      'contracts/Leak.sol': { symlinkTo: path.join(outside, 'secret.sol') },
      'contracts/Deal.sol': importing('./Leak.sol'),
    });
    const error = await catchPlaintermsError(compileFiles(['contracts/Deal.sol'], { cwd: root }));
    expect(error.code).toBe('IMPORT_OUTSIDE_ROOTS');
    expect(JSON.stringify(error.diagnostics) + error.message).not.toContain('SECRET-TOKEN');
  });

  it('a folder becomes readable when given as an include path', async () => {
    const outside = secret();
    const root = makeProject({ 'package.json': '{}', 'contracts/Deal.sol': importing(path.join(outside, 'secret.sol')) });
    const error = await catchPlaintermsError(compileFiles(['contracts/Deal.sol'], { cwd: root, includePaths: [outside] }));
    expect(error.code).toBe('COMPILE_ERROR');
    expect(error.diagnostics[0].path).toBe(path.join(outside, 'secret.sol'));
  });
});
