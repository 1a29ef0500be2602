/**
 * An order as a JSON document (what `plainterms order --format json` prints) and the way from Solidity
 * files to a contract ready for describeOrder.
 */
import { type Compilation, compileFiles, type CompileOptions } from '../compile/index.ts';
import { fail } from '../errors.ts';
import { extractContracts } from '../extract/index.ts';
import { readToolVersion } from '../render/package-root.ts';
import type { ContractTerms } from '../terms/index.ts';
import type { OrderContract, OrderTerms } from './model.ts';
import { buildOrderStatements, type OrderStatement } from './render.ts';
import { termsHash } from './terms-hash.ts';

export interface OrderDocument {
  schema: 'plainterms/order-document@1';
  tool: { name: 'plainterms'; version: string };
  compiler: { name: 'solc'; version: string };
  language: string;
  sources: { path: string; keccak256: string }[];
  /** termsHash(order): covers the order and, through order.contractHash, the contract's terms. */
  termsHash: string;
  order: OrderTerms;
  statements: OrderStatement[];
}

export interface CompiledContract extends OrderContract {
  compilation: Compilation;
  /** The solc source unit holding the contract. */
  unitName: string;
}

/** Compiles the files and extracts one contract (the only deployable one when `contract` is not given). */
export async function loadContract(files: string[], contract: string | null, options: CompileOptions = {}): Promise<CompiledContract> {
  const compilation = await compileFiles(files, options);
  const all = extractContracts(compilation, contract ? { contracts: [contract] } : {});
  if (all.length > 1) {
    fail('USAGE', `the files define ${all.length} contracts; choose one with --contract`, { hint: `contracts: ${all.map((t) => t.name).join(', ')}` });
  }
  const terms = all[0];
  const unitName = compilation.sources.find((source) => source.path === terms.source.path)?.unitName ?? Object.keys(compilation.contracts).find((unit) => compilation.contracts[unit][terms.name]) ?? '';
  return { compilation, terms, abi: compilation.contracts[unitName]?.[terms.name]?.abi ?? [], unitName, abiCoder: abiCoderOf(compilation, unitName) };
}

/** ABI coder v2 from solc 0.8 on, or where the file asks for it (`pragma abicoder v2`, `pragma experimental ABIEncoderV2`). */
function abiCoderOf(compilation: Compilation, unitName: string): 'v1' | 'v2' {
  const major = /^0\.(\d+)\./.exec(compilation.compiler.version);
  if (major === null || Number(major[1]) >= 8) return 'v2';
  const unit = compilation.sources.find((source) => source.unitName === unitName);
  const asks = (unit?.ast.nodes ?? []).some((node: { nodeType: string; literals?: string[] }) => {
    const words = node.nodeType === 'PragmaDirective' ? (node.literals ?? []).join(' ') : '';
    return /^abicoder v2$|^experimental ABIEncoderV2$/.test(words);
  });
  return asks ? 'v2' : 'v1';
}

export function buildOrderDocument(order: OrderTerms, terms: ContractTerms, compilation: Compilation, language = 'en'): OrderDocument {
  return {
    schema: 'plainterms/order-document@1',
    tool: { name: 'plainterms', version: readToolVersion() },
    compiler: { name: 'solc', version: compilation.compiler.version },
    language,
    sources: compilation.sources.map(({ path, keccak256 }) => ({ path, keccak256 })),
    termsHash: termsHash(order),
    order,
    statements: buildOrderStatements(order, terms, language),
  };
}
