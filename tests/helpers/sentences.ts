/**
 * The sentences of a summary, as a reader sees them: every statement's text in English, per contract, with
 * a look-up by statement id prefix. Cached per file and contract.
 */
import { summarize } from '../../src/summarize.ts';
import type { ContractTerms, Statement } from '../../src/terms/index.ts';
import { perContract, repo } from './extract.ts';

export interface Read {
  terms: ContractTerms;
  statements: Statement[];
  /** Every sentence, one string (Markdown code marks kept). */
  all: string[];
  /** Sentences whose statement id starts with the prefix (`action:settle()`). */
  of(prefix: string): string[];
}

export const read = perContract(async (file, contract): Promise<Read> => {
  const { documents } = await summarize([file], { contracts: [contract], formats: ['json'], cwd: repo, cache: false });
  const entry = documents[0].contracts[0];
  const statements = entry.statements;
  return {
    terms: entry,
    statements,
    all: statements.map((s) => s.text),
    of: (prefix: string) => statements.filter((s) => s.id.startsWith(prefix)).map((s) => s.text),
  };
});
