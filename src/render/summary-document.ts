/** The JSON-serialisable summary of one compilation: the model of each contract plus its statements. */
import type { ContractTerms, SummaryDocument } from '../terms/index.ts';
import { readToolVersion } from './package-root.ts';
import { buildStatements } from './statements.ts';
import { tableColumns } from './tables.ts';

export interface CompiledSources {
  compiler: { version: string };
  sources: { path: string; keccak256: string }[];
}

export function buildSummaryDocument(compiled: CompiledSources, contracts: ContractTerms[], language: string): SummaryDocument {
  return {
    schema: 'plainterms/summary@2',
    tool: { name: 'plainterms', version: readToolVersion() },
    compiler: { name: 'solc', version: compiled.compiler.version },
    language,
    sources: compiled.sources.map(({ path, keccak256 }) => ({ path, keccak256 })),
    tables: tableColumns(language),
    contracts: contracts.map((terms) => ({ ...terms, statements: buildStatements(terms, language), deployment: null })),
  };
}
