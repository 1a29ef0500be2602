/**
 * What was read from a chain about one deployment: where and when, whether its code matches the source,
 * and the public state (parties, amounts, deadlines, the current lifecycle state, tokens). Plain JSON
 * data; every value carries the format the code gives it, so templates state it in the reader's units.
 */
import type { DecodedValue, ValueFormat } from '../orders/model.ts';
import type { BytecodeCheck } from './bytecode.ts';
import type { CodeCheck } from './check-code.ts';

export interface DeploymentValue {
  /** The getter's name: a public state variable, or an argument-free view function. */
  name: string;
  label: string;
  kind: 'variable' | 'function' | 'immutable';
  type: string;
  value: DecodedValue;
  format: ValueFormat;
}

export interface DeploymentFacts {
  schema: 'plainterms/deployment@1';
  contract: string;
  chainId: string;
  address: string;
  /** The block every value was read at. */
  block: { number: number; timestamp: string; hash: string };
  /**
   * The comparison of the deployed code with the compiled source (the full check when the compiled
   * side was given as a CodeSource, else one comparison); null when it was not checked.
   */
  code: CodeCheck | (BytecodeCheck & { compiledSolc: string }) | null;
  parties: { id: string; address: string }[];
  values: DeploymentValue[];
  /** The current state of each contract-wide lifecycle (per-item ones are read per order). */
  lifecycles: { id: string; state: string | null; value: string }[];
  tokens: { variable: string; address: string; name: string | null; symbol: string | null; decimals: number | null }[];
  /** What the contract holds, in wei and in each token's smallest unit; read only when its code matches the source. */
  balances: { eth: string; tokens: { variable: string; address: string; symbol: string | null; decimals: number | null; balance: string }[] } | null;
}
