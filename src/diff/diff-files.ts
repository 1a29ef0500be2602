/**
 * diffFiles: compile two versions of a contract separately, extract the chosen contract from each and
 * compare their terms. The result is the plain-data redline document (`plainterms/diff@1`).
 */
import { compileFiles, type Compilation, type CompileOptions } from '../compile/index.ts';
import { fail } from '../errors.ts';
import { deployableContracts, extractContracts } from '../extract/index.ts';
import type { ContractTerms } from '../terms/index.ts';
import { compareTerms } from './compare-terms.ts';
import type { TermChange } from './types.ts';

export interface DiffOptions extends CompileOptions {
  /** The contract to compare in both files. */
  contract?: string;
  /** Different names in the old and the new file. */
  contracts?: { old: string; new: string };
}

export interface DiffSide {
  path: string;
  keccak256: string;
  contract: string;
}

export interface DiffDocument {
  schema: 'plainterms/diff@1';
  compiler: { name: 'solc'; version: string };
  old: DiffSide;
  new: DiffSide;
  same: boolean;
  changes: TermChange[];
  /** The two models, for rendering and for side-by-side views. */
  terms: { old: ContractTerms; new: ContractTerms };
}

export async function diffFiles(oldFile: string, newFile: string, options: DiffOptions = {}): Promise<DiffDocument> {
  const before = await compileFiles([oldFile], options);
  const after = await compileFiles([newFile], options);
  const [oldName, newName] = chooseNames(before, after, options);
  const [oldTerms] = extractContracts(before, { contracts: [oldName] });
  const [newTerms] = extractContracts(after, { contracts: [newName] });
  const changes = compareTerms(oldTerms, newTerms);
  return {
    schema: 'plainterms/diff@1',
    compiler: after.compiler,
    old: describeSide(before, oldName),
    new: describeSide(after, newName),
    same: changes.length === 0,
    changes,
    terms: { old: oldTerms, new: newTerms },
  };
}

function chooseNames(before: Compilation, after: Compilation, options: DiffOptions): [string, string] {
  if (options.contracts) return [options.contracts.old, options.contracts.new];
  if (options.contract) return [options.contract, options.contract];
  const olds = deployableContracts(before).map((c) => c.name);
  const news = deployableContracts(after).map((c) => c.name);
  if (olds.length === 1 && news.length === 1) return [olds[0], news[0]];
  const common = olds.filter((name) => news.includes(name));
  if (common.length === 1) return [common[0], common[0]];
  return fail('USAGE', 'cannot tell which contracts to compare', {
    hint: `use --contract Name or --contracts Old:New; old file: ${olds.join(', ') || 'none'}; new file: ${news.join(', ') || 'none'}`,
  });
}

function describeSide(compilation: Compilation, contract: string): DiffSide {
  const source = compilation.sources.find((s) => s.unitName === compilation.inputs[0]);
  if (!source) throw new Error(`no source for input ${compilation.inputs[0]}`);
  return { path: source.path, keccak256: source.keccak256, contract };
}
