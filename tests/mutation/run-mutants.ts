/**
 * Runs mutants of one file through the whole pipeline (compile → extract → statements) and reports which
 * ones leave every sentence of the summary unchanged.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileFiles } from '../../src/compile/index.ts';
import { PlaintermsError } from '../../src/errors.ts';
import { extractContracts } from '../../src/extract/index.ts';
import { buildStatements } from '../../src/render/statements.ts';
import { mutantsOf, type Mutant } from './mutants.ts';

export interface MutationResult {
  file: string;
  total: number;
  killed: number;
  invalid: number;
  survivors: Mutant[];
}

const NODE_MODULES = path.resolve('node_modules');

/** The summary's sentences, in order, without the source references (lines do not move in a mutant). */
async function summaryText(file: string, cwd: string, contract: string): Promise<string> {
  const compilation = await compileFiles([file], { cwd, includePaths: [NODE_MODULES] });
  return extractContracts(compilation, { contracts: [contract] })
    .flatMap((terms) => buildStatements(terms, 'en').map((s) => `${s.id}: ${s.text}`))
    .join('\n');
}

/**
 * `root` is the folder copied to a temp dir (so relative imports keep working); `file` is relative to it.
 */
export async function runMutants(root: string, file: string, contract: string): Promise<MutationResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plainterms-mutants-'));
  try {
    cpSync(root, dir, { recursive: true, filter: (p) => !/[\\/](build|node_modules)$/.test(path.relative(root, p) ? p : '') });
    const target = path.join(dir, file);
    const original = readFileSync(target, 'utf8');
    const compilation = await compileFiles([target], { cwd: dir, includePaths: [NODE_MODULES] });
    const unit = compilation.sources.find((s) => s.absolutePath === target)!;
    const baseline = await summaryText(target, dir, contract);
    const result: MutationResult = { file, total: 0, killed: 0, invalid: 0, survivors: [] };
    for (const mutant of mutantsOf(original, unit.ast)) {
      writeFileSync(target, mutant.source);
      let text: string;
      try {
        text = await summaryText(target, dir, contract);
      } catch (error) {
        if (error instanceof PlaintermsError) {
          result.invalid++;
          continue;
        }
        throw error;
      }
      result.total++;
      if (text !== baseline) result.killed++;
      else result.survivors.push({ ...mutant, source: '' });
    }
    writeFileSync(target, original);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
