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
  /**
   * Every sentence, one string (Markdown code marks kept): each statement's text, and for a row of the claims
   * table also each verdict in it on its own ("Matches: …", "Contradicts: …", "Cannot tell: …").
   */
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
    all: statements.flatMap((s) => [s.text, ...verdictsOf(s)]),
    of: (prefix: string) => statements.filter((s) => s.id.startsWith(prefix)).map((s) => s.text),
  };
});

/** The verdicts in a row of the claims table, each on its own. */
function verdictsOf(statement: Statement): string[] {
  if (statement.table !== 'claims' || !statement.cells) return [];
  return statement.cells.slice(2).flatMap((cell) => cell.split(/(?<=[.。])\s*(?=Matches|Contradicts|Cannot tell|相符|不符|无法判断)/)).filter((v) => v !== '');
}
