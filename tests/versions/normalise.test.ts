/**
 * The ASTs of solc 0.4.24, 0.5.16, 0.6.12 and 0.7.6 reach the extractors in the 0.8 shape: the same
 * contract gives the same terms under every compiler, and what only old Solidity can say (`throw`,
 * `now`, `sha3`, `.value()`, a constructor named like its contract, events without `emit`) means
 * what its 0.8 equivalent means.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAll } from 'solidity-ast/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFiles, type Compilation } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import type { ContractTerms } from '../../src/terms/index.ts';
import { findInstalledCompiler, loadInstalledCompiler } from '../../src/compile/installed-compilers.ts';
import * as build from '../compile/build-fixtures.ts';
import { makeProject, removeProjects } from '../compile/temp-project.ts';
import { ensureCompilers, fetchPackage, FETCH_TIMEOUT } from './setup.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const OLD_RELEASES = ['0.4.24', '0.5.16', '0.6.12', '0.7.6'];
const fixture = (name: string) => `tests/fixtures/compile/versions/${name}`;
const compile = (file: string, solcVersion?: string) => compileFiles([file], { cwd: repo, cache: false, solcVersion });

beforeAll(() => ensureCompilers(OLD_RELEASES), FETCH_TIMEOUT);
afterAll(removeProjects);

/** The terms apart from the EVM version, which is each compiler's own default. */
const withoutEvm = (list: ContractTerms[]) => list.map(({ evm: _evm, ...terms }) => terms);

describe('one contract, every compiler', () => {
  it.each(OLD_RELEASES)('gives exactly the terms of solc 0.8 under solc %s', async (version) => {
    const expected = withoutEvm(extractContracts(await compile(fixture('CommonSale.sol'))));
    const compilation = await compile(fixture('CommonSale.sol'), version);
    expect(compilation.compiler.version.startsWith(`${version}+`)).toBe(true);
    expect(withoutEvm(extractContracts(compilation))).toEqual(expected);
    // Only the EVM version differs: each release's default, all before Cancun.
    expect(extractContracts(compilation).map((terms) => terms.evm.cancun)).toEqual(expected.map(() => false));
  }, 60_000);
});

describe('build outputs of old compilers', () => {
  it('reads a Hardhat build-info made by solc 0.5.16 in the 0.8 shape', async () => {
    const expected = withoutEvm(extractContracts(await compile(fixture('CommonSale.sol'))));
    const root = makeProject({ 'package.json': '{}', [fixture('CommonSale.sol')]: readFileSync(path.join(repo, fixture('CommonSale.sol')), 'utf8') });
    const solc = loadInstalledCompiler(findInstalledCompiler('0.5.16')!);
    const file = build.writeHardhatBuildInfo(root, build.runSolc(solc, root, [fixture('CommonSale.sol')]));
    const compilation = await compileFiles([file], { cwd: root });
    expect(compilation.compiler.version).toMatch(/^0\.5\.16\+commit/);
    expect(withoutEvm(extractContracts(compilation))).toEqual(expected);
  }, 60_000);
});

describe('Solidity only 0.4 accepts', () => {
  const read = async () => {
    const [terms] = extractContracts(await compile(fixture('OldStyle.sol')));
    const action = (name: string) => terms.actions.find((a) => a.name === name)!;
    return { terms, action };
  };

  it('reads a constructor named like its contract as the constructor, and `now` as the time', async () => {
    const { action } = await read();
    const constructor = action('constructor');
    expect(constructor.kind).toBe('constructor');
    expect(constructor.effects.find((e) => e.target.kind === 'variable' && e.target.name === 'deadline')?.value).toMatchObject({ kind: 'arith', left: { kind: 'now' } });
  }, 60_000);

  it('reads `if (msg.sender != seller) throw;` as: only the seller may release', async () => {
    const { action } = await read();
    expect(action('release').access).toMatchObject({ anyone: false, rules: [{ kind: 'party', party: 'seller' }] });
  }, 60_000);

  it('reads sha3 as keccak256, `.value(…).gas(…)` as a payment, and an event without emit as emitted', async () => {
    const { action } = await read();
    const release = action('release');
    expect(release.conditions.map((c) => c.expr)).toContainEqual(expect.objectContaining({ left: expect.objectContaining({ kind: 'hash', fn: 'keccak256' }) }));
    expect(release.conditions.map((c) => c.expr)).toContainEqual(expect.objectContaining({ op: '<=', left: { kind: 'now' } }));
    expect(release.payments).toMatchObject([{ asset: { kind: 'eth' }, method: 'call', amount: { kind: 'balance', of: { kind: 'this' } } }]);
    expect(release.emits.map((e) => e.event)).toEqual(['Released']);
  }, 60_000);

  it('reads a `constant` function as a view (not an action) and the unnamed function as a payable fallback', async () => {
    const { terms, action } = await read();
    expect(terms.actions.map((a) => a.name)).not.toContain('remaining');
    expect(action('fallback')).toMatchObject({ kind: 'fallback', payable: true });
    expect(terms.natspec.title).toBe('Written the 0.4 way');
  }, 60_000);
});

describe('the normalised AST', () => {
  let compilations: Compilation[] = [];
  beforeAll(async () => {
    const oz1 = await fetchPackage('openzeppelin-solidity', '1.12.0');
    const uniswap = await fetchPackage('@uniswap/v2-core', '1.0.1');
    const oz3 = await fetchPackage('@openzeppelin/contracts', '3.4.2');
    compilations = [
      await compile(fixture('OldStyle.sol')),
      await compile(`${oz1}/contracts/payment/RefundEscrow.sol`),
      await compile(`${uniswap}/contracts/UniswapV2Pair.sol`),
      await compile(`${oz3}/payment/escrow/RefundEscrow.sol`),
      await compile(fixture('CommonSale.sol'), '0.7.6'),
    ];
  }, FETCH_TIMEOUT);

  const units = () => compilations.flatMap((c) => c.sources.map((s) => s.ast));

  it('has no null-valued property and none of the old keys', () => {
    const problems: string[] = [];
    for (const unit of units()) {
      walk(unit, (node, key, value) => {
        if (value === null) problems.push(`${node.nodeType}.${key} is null`);
        if (['isConstructor', 'isDeclaredConst', 'superFunction', 'legacyAST', 'hexvalue', 'contractScope'].includes(key)) problems.push(`${node.nodeType}.${key}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('gives every node a distinct id, new nodes included', () => {
    for (const compilation of compilations) {
      const ids: number[] = [];
      for (const source of compilation.sources) walk(source.ast, (node, key, value) => key === 'id' && typeof node.nodeType === 'string' && ids.push(value as number));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('names bases and modifiers with IdentifierPath, documents with StructuredDocumentation, builtins with negative ids', () => {
    for (const unit of units()) {
      for (const base of findAll('InheritanceSpecifier', unit)) expect(base.baseName.nodeType).toBe('IdentifierPath');
      for (const modifier of findAll('ModifierInvocation', unit)) expect(modifier.modifierName.nodeType).toBe('IdentifierPath');
      for (const type of findAll('UserDefinedTypeName', unit)) expect(type.pathNode?.nodeType).toBe('IdentifierPath');
      for (const fn of findAll('FunctionDefinition', unit)) {
        expect(['function', 'constructor', 'fallback', 'receive']).toContain(fn.kind);
        expect(typeof fn.virtual).toBe('boolean');
        if (fn.documentation) expect(fn.documentation.nodeType).toBe('StructuredDocumentation');
      }
      for (const id of findAll('Identifier', unit)) {
        if (['msg', 'block', 'require', 'revert', 'this', 'keccak256'].includes(id.name)) expect(id.referencedDeclaration).toBeLessThan(0);
        expect(['now', 'sha3', 'suicide']).not.toContain(id.name);
      }
    }
  });

  it('turns superFunction into baseFunctions: RefundEscrow.deposit overrides Escrow.deposit (0.4.24)', () => {
    const compilation = compilations[1];
    const functions = compilation.sources.flatMap((s) => [...findAll('FunctionDefinition', s.ast)]);
    const deposit = (contract: string) => functions.find((fn) => fn.name === 'deposit' && compilation.deref('ContractDefinition', fn.scope).name === contract)!;
    expect(deposit('RefundEscrow').baseFunctions).toEqual([deposit('Escrow').id]);
  });
});

function walk(value: unknown, visit: (node: Record<string, unknown>, key: string, value: unknown) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      visit(value as Record<string, unknown>, key, child);
      walk(child, visit);
    }
  }
}
