/** plainterms: Solidity trade contracts in plain language, each sentence traced to the code. */
export { summarize, SUMMARY_FORMATS, type Summary, type SummaryFormat, type SummaryOutput, type SummarizeOptions } from './summarize.ts';
export { buildStatements, buildSummaryDocument, renderSummary, OUTPUT_FORMATS, type OutputFormat } from './render/index.ts';
export { PlaintermsError, isPlaintermsError, type Diagnostic, type ErrorCode } from './errors.ts';
export type * from './terms/index.ts';
export { EXPR_KINDS, SECTIONS } from './terms/index.ts';
export * from './orders/index.ts';
export { readDeployment, readDeploymentOfFiles, toOrderFacts, buildDeploymentStatements, type DeploymentFacts } from './chain/index.ts';
export { compareTerms, diffFiles, renderDiff, renderDiffDocx, type TermChange, type DiffDocument } from './diff/index.ts';
