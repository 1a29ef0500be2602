import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keccak256, toUtf8Bytes } from 'ethers';
import { findAll } from 'solidity-ast/utils.js';
import { describe, expect, it } from 'vitest';
import { compileFiles, loadCompiler, type SolcCompiler } from '../../src/compile/index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `tests/fixtures/compile/${name}`;

describe('compileFiles', () => {
  it('compiles a file that imports @openzeppelin/contracts from the project node_modules', async () => {
    const compilation = await compileFiles([fixture('oz-import.sol')], { cwd: repo });
    expect(compilation.inputs).toEqual([fixture('oz-import.sol')]);
    expect(compilation.contracts[fixture('oz-import.sol')].Vault.abi).toContainEqual(
      expect.objectContaining({ type: 'function', name: 'withdraw' }),
    );
    const ownable = compilation.sources.find((source) => source.unitName === '@openzeppelin/contracts/access/Ownable.sol');
    expect(ownable?.path).toBe('@openzeppelin/contracts/access/Ownable.sol');
    expect(ownable?.absolutePath).toBe(path.join(repo, 'node_modules/@openzeppelin/contracts/access/Ownable.sol'));
    expect(compilation.sources.map((source) => source.unitName)).toContain('@openzeppelin/contracts/utils/Context.sol');
  });

  it('keeps NatSpec in devdoc and userdoc, and reports the compiler version', async () => {
    const compilation = await compileFiles([fixture('oz-import.sol')], { cwd: repo });
    const vault = compilation.contracts[fixture('oz-import.sol')].Vault;
    expect(vault.devdoc.title).toBe('A deposit only the owner can withdraw');
    expect(vault.userdoc.methods['withdraw()'].notice).toBe('The owner takes everything.');
    expect(compilation.compiler).toEqual({ name: 'solc', version: expect.stringMatching(/^0\.8\.37\+commit\.[0-9a-f]{8}$/) });
  });

  it('follows a relative import from the importing file', async () => {
    const compilation = await compileFiles([fixture('relative/Main.sol')], { cwd: repo });
    expect(compilation.sources.map((source) => source.path)).toEqual([fixture('relative/Main.sol'), fixture('relative/lib/Fees.sol')]);
    expect(Object.keys(compilation.contracts[fixture('relative/lib/Fees.sol')])).toEqual(['Fees']);
  });

  it('lists sources by solc id with their content hash, and finds them by id', async () => {
    const compilation = await compileFiles([fixture('oz-import.sol')], { cwd: repo });
    const ids = compilation.sources.map((source) => source.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const source of compilation.sources) {
      expect(source.keccak256).toBe(keccak256(toUtf8Bytes(source.content)));
      expect(compilation.sourceById(source.id)).toBe(source);
      expect(source.ast.nodeType).toBe('SourceUnit');
      expect(source.ast.absolutePath).toBe(source.unitName);
    }
  });

  it('shows paths relative to the project root, wherever plainterms is run from, and packages by their package path', async () => {
    const compilation = await compileFiles([path.join(repo, fixture('relative/Main.sol'))], { cwd: path.join(repo, 'tests') });
    expect(compilation.sources.map((source) => source.path)).toEqual(['tests/fixtures/compile/relative/Main.sol', 'tests/fixtures/compile/relative/lib/Fees.sol']);
    const outside = await compileFiles([path.join(repo, fixture('oz-import.sol'))], { cwd: path.join(repo, 'src') });
    expect(outside.sources.map((source) => source.path).sort()).toEqual([
      '@openzeppelin/contracts/access/Ownable.sol',
      '@openzeppelin/contracts/utils/Context.sol',
      fixture('oz-import.sol'),
    ]);
  });
});

describe('locate', () => {
  it('maps a function node to its first and last line, past multibyte comments', async () => {
    const compilation = await compileFiles([fixture('located.sol')], { cwd: repo });
    const [source] = compilation.sources;
    const [release] = [...findAll('FunctionDefinition', source.ast)];
    expect(compilation.locate(release.src)).toEqual({ path: fixture('located.sol'), line: 9, endLine: 12, column: 5 });
  });

  it('dereferences AST ids across sources', async () => {
    const compilation = await compileFiles([fixture('oz-import.sol')], { cwd: repo });
    const input = compilation.sources.find((source) => source.unitName === fixture('oz-import.sol'))!;
    const [vault] = [...findAll('ContractDefinition', input.ast)];
    const bases = vault.linearizedBaseContracts.map(compilation.deref('ContractDefinition'));
    expect(bases.map((base) => base.name)).toEqual(['Vault', 'Ownable', 'Context']);
    const { sourceUnit } = compilation.deref.withSourceUnit('ContractDefinition', bases[1].id);
    expect(compilation.locate(bases[1].src).path).toBe('@openzeppelin/contracts/access/Ownable.sol');
    expect(sourceUnit.absolutePath).toBe('@openzeppelin/contracts/access/Ownable.sol');
  });
});

describe('the compiler seam', () => {
  it('loads solc once and reuses it', async () => {
    expect(await loadCompiler()).toBe(await loadCompiler());
  });

  it('uses a solc module passed in the options', async () => {
    const solc = await loadCompiler();
    let calls = 0;
    const compiler: SolcCompiler = {
      version: () => '0.8.99+commit.0badc0de.Emscripten.clang',
      compile: (input, callbacks) => {
        calls += 1;
        return solc.compile(input, callbacks);
      },
    };
    const compilation = await compileFiles([fixture('located.sol')], { cwd: repo, compiler, cache: false });
    expect(calls).toBe(1);
    expect(compilation.compiler.version).toBe('0.8.99+commit.0badc0de');
  });
});
