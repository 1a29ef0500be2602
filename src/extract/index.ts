/**
 * Extraction: from a compilation to the Terms model of each chosen contract.
 */
import type { Compilation } from '../compile/index.ts';
import type { ContractTerms } from '../terms/index.ts';

export interface ExtractOptions {
  /** Contract names to describe; when empty, every deployable contract in the input files. */
  contracts?: string[];
}

export declare function extractContracts(compilation: Compilation, options?: ExtractOptions): ContractTerms[];
