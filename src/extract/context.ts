/** What every extractor is given: the contract's scope, the analysis, and what reading each action found. */
import type { FunctionDefinition, VariableDeclaration } from 'solidity-ast';
import type { Analysis, Frame } from '../analysis/context.ts';
import type { Facts } from '../analysis/facts.ts';
import type { ContractScope } from '../analysis/scope.ts';
import type { ContractTerms, SourceRef } from '../terms/index.ts';

export interface ActionRead {
  id: string;
  definition: FunctionDefinition | null;
  facts: Facts;
}

export interface ExtractContext {
  scope: ContractScope;
  analysis: Analysis;
  /** Facts per action id, in the order actions are listed. */
  reads: ActionRead[];
  frame(from?: number): Frame;
  locate(node: { src: string }): SourceRef;
  partyId(decl: VariableDeclaration): string | null;
}

/** One kind of term: fills its part of the contract's terms from the context. */
export interface Extractor {
  name: string;
  extract(context: ExtractContext, terms: ContractTerms): void;
}
