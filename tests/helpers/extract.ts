/**
 * Compile a Solidity file and extract one contract's Terms once per test file: results are cached in
 * module scope by file and contract name, so each test can simply `await terms(...)`.
 */
import { fileURLToPath } from 'node:url';
import { Interface } from 'ethers';
import { compileFiles, type Compilation } from '../../src/compile/index.ts';
import { extractContracts } from '../../src/extract/index.ts';
import type { Action, ContractTerms, Expr } from '../../src/terms/index.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

export const OZ5 = 'node_modules/@openzeppelin/contracts';
export const OZ4 = 'node_modules/@openzeppelin/contracts-v4';

export interface Extracted {
  compilation: Compilation;
  terms: ContractTerms;
}

/** One result per file and contract, computed once per test file (module scope). */
export function perContract<T>(compute: (file: string, contract: string) => Promise<T>): (file: string, contract: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (file, contract) => {
    const key = `${file}#${contract}`;
    let result = cache.get(key);
    if (!result) {
      result = compute(file, contract);
      cache.set(key, result);
    }
    return result;
  };
}

/** Compile `file` (relative to the repository root) and extract `contract`; cached per file and contract. */
export const extracted = perContract(async (file, contract): Promise<Extracted> => {
  const compilation = await compileFiles([file], { cwd: repo });
  const [terms] = extractContracts(compilation, { contracts: [contract] });
  return { compilation, terms };
});

export async function termsOf(file: string, contract: string): Promise<ContractTerms> {
  return (await extracted(file, contract)).terms;
}

/** The action with this id; throws (failing the test) with the ids available when it is missing. */
export function action(terms: ContractTerms, id: string): Action {
  const found = terms.actions.find((a) => a.id === id);
  if (!found) throw new Error(`${terms.name}: no action ${id}; actions are ${terms.actions.map((a) => a.id).join(', ')}`);
  return found;
}

/** Party ids of the access rules, sorted; non-party rules appear as `kind:…`. */
export function accessParties(a: Action): string[] {
  return a.access.rules.map((r) => (r.kind === 'party' ? r.party : r.kind === 'role' ? r.role : `expr:${JSON.stringify(r.expr)}`)).sort();
}

/** Conditions that are not the access check. */
export function nonAccessConditions(a: Action) {
  return a.conditions.filter((c) => !c.isAccess);
}

/** Strip type conversions: address(x), payable(x), uint256(x). */
export function unwrap(expr: Expr): Expr {
  return expr.kind === 'convert' ? unwrap(expr.operand) : expr;
}

/** The state variable at the root of a target: `_shares` for `_shares[a]`, `milestones` for `milestones[i].status`. */
export function rootName(expr: Expr): string | null {
  const e = unwrap(expr);
  if (e.kind === 'variable') return e.name;
  if (e.kind === 'index') return rootName(e.base);
  if (e.kind === 'member') return rootName(e.object);
  return null;
}

/** Signatures and selectors of the external/public functions that may change state, from solc's ABI. */
export function stateChangingFunctions(compilation: Compilation, contract: string): { signature: string; selector: string }[] {
  const unit = Object.keys(compilation.contracts).find((u) => compilation.contracts[u][contract]);
  if (!unit) throw new Error(`no ABI for ${contract}`);
  const iface = new Interface(compilation.contracts[unit][contract].abi as never);
  const list: { signature: string; selector: string }[] = [];
  iface.forEachFunction((fn) => {
    if (fn.stateMutability !== 'view' && fn.stateMutability !== 'pure') list.push({ signature: fn.format('sighash'), selector: fn.selector });
  });
  return list.sort((a, b) => a.signature.localeCompare(b.signature));
}
