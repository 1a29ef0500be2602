/** What every extractor is given: the contract's scope, the analysis core's context, and what reading each action found. */
import type { FunctionDefinition, VariableDeclaration } from 'solidity-ast';
import type { ContractScope } from '../ir/scope.ts';
import type { Facts } from '../ir/facts.ts';
import type { LowerContext } from '../ir/lower.ts';
import type { ContractTerms, SourceRef } from '../terms/index.ts';

export interface ActionRead {
  id: string;
  definition: FunctionDefinition | null;
  facts: Facts;
}

export interface ExtractContext {
  scope: ContractScope;
  /** What the analysis core needs to lower code of this contract. */
  lower: LowerContext;
  /** Facts per action id, in the order actions are listed. */
  reads: ActionRead[];
  locate(node: { src: string }): SourceRef;
  partyId(decl: VariableDeclaration): string | null;
}

/** One kind of term: fills its part of the contract's terms from the context. */
export interface Extractor {
  name: string;
  extract(context: ExtractContext, terms: ContractTerms): void;
}
