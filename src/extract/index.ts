/**
 * Extraction: from a compilation to the Terms model of each chosen contract. Each extractor in the
 * registry fills its part; the analysis layer answers the shared questions.
 */
import type { ContractDefinition } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import { humanise } from '../ir/names.ts';
import { parseNatspec } from '../ir/natspec.ts';
import { buildScope } from '../ir/scope.ts';
import { makeCodeReader } from '../ir/code-reader.ts';
import type { LowerContext } from '../ir/lower.ts';
import type { Compilation, SourceFile } from '../compile/index.ts';
import { isCancunOrLater } from '../compile/evm-version.ts';
import { fail } from '../errors.ts';
import type { ContractTerms } from '../terms/index.ts';
import type { ExtractContext } from './context.ts';
import { partyIdOf } from './party-ids.ts';
import { readActions } from './read-actions.ts';
import { readEip712Domain } from './eip712.ts';
import { EXTRACTORS } from './registry.ts';

export interface ExtractOptions {
  /** Contract names to describe; when empty, every deployable contract in the input files. */
  contracts?: string[];
}

export function extractContracts(compilation: Compilation, options: ExtractOptions = {}): ContractTerms[] {
  return chooseContracts(compilation, options.contracts ?? []).map((contract) => extractContract(compilation, contract));
}

/** Deployable contracts (not interfaces, libraries or abstract contracts) defined in the input files. */
export function deployableContracts(compilation: Compilation): ContractDefinition[] {
  const inputs = new Set(compilation.inputs);
  return compilation.sources
    .filter((s) => inputs.has(s.unitName))
    .flatMap((s) => [...findAll('ContractDefinition', s.ast)])
    .filter((c) => c.contractKind === 'contract' && !c.abstract);
}

function chooseContracts(compilation: Compilation, names: string[]): ContractDefinition[] {
  const available = deployableContracts(compilation);
  if (names.length === 0) {
    if (available.length === 0) fail('NO_CONTRACT', 'the files define no deployable contract (only interfaces, libraries or abstract contracts)');
    return available;
  }
  const everything = compilation.sources.flatMap((source) => [...findAll('ContractDefinition', source.ast)].map((contract) => ({ source, contract })));
  const inputs = new Set(compilation.inputs);
  return names.map((wanted) => {
    // `Name`, or `path:Name` when two files define a contract of that name.
    const colon = wanted.lastIndexOf(':');
    const [file, name] = colon > 0 ? [wanted.slice(0, colon), wanted.slice(colon + 1)] : [null, wanted];
    const inFile = (source: SourceFile) => file === null || [source.path, source.unitName].some((shown) => shown === file || shown.endsWith(`/${file}`));
    let found = everything.filter(({ source, contract }) => contract.name === name && contract.contractKind === 'contract' && inFile(source));
    // The user's own file wins over a dependency that happens to use the name.
    if (found.length > 1 && found.some(({ source }) => inputs.has(source.unitName))) found = found.filter(({ source }) => inputs.has(source.unitName));
    if (found.length === 0) {
      fail('UNKNOWN_CONTRACT', `no contract named ${name}${file === null ? '' : ` in ${file}`}`, { hint: `contracts in these files: ${available.map((c) => c.name).join(', ') || 'none'}` });
    }
    if (found.length > 1) {
      const named = found.map(({ source }) => `${source.path}:${name}`);
      fail('AMBIGUOUS_CONTRACT', `${found.length} contracts are named ${name}: ${named.join(', ')}`, { hint: `say which, as --contract ${named[0]}` });
    }
    return found[0].contract;
  });
}

function extractContract(compilation: Compilation, contract: ContractDefinition): ContractTerms {
  const scope = buildScope(compilation, contract);
  const lower: LowerContext = { scope, partyOf: partyIdOf, codeOf: makeCodeReader(compilation.sources), parameterIds: parameterIds(compilation), checkedArithmetic: checksArithmetic(compilation.compiler.version) };
  const locate = (node: { src: string }) => {
    const { path, line, endLine } = compilation.locate(node.src);
    return { path, line, endLine };
  };
  const context: ExtractContext = {
    scope,
    lower,
    reads: [],
    locate,
    partyId: partyIdOf,
  };
  context.reads = readActions(context);
  const natspec = parseNatspec(contract.documentation);
  const terms: ContractTerms = {
    name: contract.name,
    label: humanise(contract.name),
    abstract: contract.abstract ?? false,
    source: locate(contract),
    eip712: readEip712Domain(scope.linearized, locate),
    inherits: scope.linearized.slice(1).map((c) => c.name),
    evm: { version: compilation.evmVersion ?? null, cancun: isCancunOrLater(compilation.evmVersion ?? null) },
    natspec: { title: natspec.title, notice: natspec.notice, dev: natspec.dev, author: natspec.author },
    assets: [],
    parties: [],
    actions: [],
    deadlines: [],
    lifecycles: [],
    powers: [],
    risks: [],
    money: [],
    definitions: [],
    moments: [],
    claims: [],
    notExplained: [],
    coverage: { statements: 0, explained: 0 },
  };
  for (const extractor of EXTRACTORS) extractor.extract(context, terms);
  return terms;
}

const parameterCache = new WeakMap<Compilation, Set<number>>();

function parameterIds(compilation: Compilation): Set<number> {
  let ids = parameterCache.get(compilation);
  if (!ids) {
    ids = new Set(compilation.sources.flatMap((s) => [...findAll('ParameterList', s.ast)].flatMap((list) => list.parameters.map((p) => p.id))));
    parameterCache.set(compilation, ids);
  }
  return ids;
}

/** solc 0.8.0 and later revert on overflow and underflow outside `unchecked` blocks. */
function checksArithmetic(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match !== null && (Number(match[1]) > 0 || Number(match[2]) >= 8);
}
