/**
 * The model of one order: a decoded call to a contract, read against the contract's Terms. Plain JSON
 * data like the Terms model: every field always present, amounts as decimal strings, no wording.
 */
import type { Access, Action, Basis, CompareOp, ContractTerms, Effect, Emit, Expr, Payment, SourceRef, Transition } from '../terms/index.ts';

/**
 * How a value is to be read, derived from what the code does with it (not from its name):
 * - eth: compared with the ETH sent, or paid out in ETH → an ETH amount (wei);
 * - token: paid or taken as an amount of `token` → that token's smallest units;
 * - datetime: compared with the block time → a date and time (Unix seconds, UTC);
 * - duration: added to the block time or to a date → seconds;
 * - percent: used as the rate of a share `base * rate / scale` → rate / scale;
 * - address: an account, `party` when the code stores it as, or compares it with, a party;
 * - item: an index into a collection (`orders[id]`);
 * - integer, bool, text, bytes, other: shown as they are.
 */
export type ValueFormat =
  | { kind: 'eth' }
  /** decimals and symbol when known (from chain or given), else null: amounts are then in the smallest unit. */
  | { kind: 'token'; token: Expr; decimals: number | null; symbol: string | null }
  | { kind: 'datetime' }
  | { kind: 'duration' }
  | { kind: 'percent'; scale: string }
  | { kind: 'address'; party: string | null }
  /** `label` is the collection's defined term ('Orders'). */
  | { kind: 'item'; collection: string; label: string }
  | { kind: 'integer' }
  | { kind: 'bool' }
  | { kind: 'text' }
  | { kind: 'bytes' }
  | { kind: 'other' };

export type FormatKind = ValueFormat['kind'];

/** Why a value has its format: what the code does with it, and where. `type` means only the ABI type was used. */
export type FormatReason =
  | 'value-sent'
  | 'eth-payment'
  | 'token-payment'
  | 'block-time'
  | 'time-offset'
  | 'deadline'
  | 'rate'
  | 'caller'
  | 'payment-party'
  | 'party'
  | 'index'
  | 'compared'
  | 'type';

export interface FormatEvidence {
  /** What the code does with the value (or, when `via` is set, with the variable it is stored in). */
  reason: FormatReason;
  /** The state variable or item field the value is stored in, whose use gives the format (`feeBps`, `orders.seller`). */
  via: string | null;
  /** The action whose code shows it (for `stored`: where the stored value is used), or null for `type`. */
  action: string | null;
  source: SourceRef | null;
}

export interface ParameterSemantics {
  name: string;
  type: string;
  format: ValueFormat;
  evidence: FormatEvidence;
}

/** A decoded ABI value: integers as decimal strings, addresses checksummed, bytes as 0x hex. */
export type DecodedValue = string | boolean | DecodedValue[] | { [key: string]: DecodedValue };

/**
 * A value of this order placed into an expression tree: a decoded argument, the ETH sent (`value`),
 * the sender (`caller`), a value read from chain (`state`) or a number of the code (`constant`). Templates render it through the
 * `expr/argument` partial, with its format.
 */
export interface ArgumentNode {
  kind: 'argument';
  /** `constant`: a number in the code, shown in the format of the value it is compared with (1000 bps → 10%). */
  role: 'parameter' | 'value' | 'caller' | 'state' | 'constant';
  name: string;
  label: string;
  type: string;
  value: DecodedValue;
  format: ValueFormat;
}

export interface OrderArgument extends ArgumentNode {
  evidence: FormatEvidence;
}

/** met: holds for this order; unmet: the order will fail on it; open: depends on state not known here. */
export type ConditionStatus = 'met' | 'unmet' | 'open';

export interface OrderCondition {
  expr: Expr;
  status: ConditionStatus;
  /** True when the status rests on party addresses or state values known here (which may change before the order runs). */
  usesState: boolean;
  message: string | null;
  error: string | null;
  via: string | null;
  isAccess: boolean;
  when: Expr[];
  source: SourceRef;
  basis: Basis;
}

export interface OrderActor {
  /** The sender, checksummed, when known. */
  address: string | null;
  /** Ids of the parties whose known address is the sender. */
  parties: string[];
  /** Ids of the parties whose addresses were known (from chain or given), so the sender was checked against them. */
  checked: string[];
}

export interface OrderCall {
  /** The calldata as given, lower-case 0x hex; null for a signed order (its fields are in `signed`). */
  data: string | null;
  /** Wei sent with the call, decimal; null when not known (a signed order before it is submitted). */
  value: string | null;
  from: string | null;
}

/** An EIP-712 message read as an order: what was signed, and the digest the signer signs. */
export interface SignedOrder {
  primaryType: string;
  /** The domain as given: name, version, chainId, verifyingContract, salt (those present). */
  domain: Record<string, string>;
  /** The EIP-712 digest (what the signer signs), 0x hex. */
  digest: string;
  /** The action parameter that carries the signed struct (e.g. `order` of `fill(Order,bytes)`). */
  parameter: string;
}

export interface OrderTerms {
  schema: 'plainterms/order@1';
  contract: string;
  /** termsHash of the contract's Terms, so the order's hash covers the contract's terms too. */
  contractHash: string;
  action: Pick<Action, 'id' | 'name' | 'label' | 'kind' | 'signature' | 'selector' | 'payable' | 'source' | 'natspec'>;
  call: OrderCall;
  /** For a signed (EIP-712) order: the domain, type and digest; null for a call. */
  signed: SignedOrder | null;
  actor: OrderActor;
  access: Access;
  arguments: OrderArgument[];
  /** The ETH sent, as an argument node (0 when none); null when not known (a signed order). */
  value: ArgumentNode | null;
  conditions: OrderCondition[];
  payments: Payment[];
  effects: Effect[];
  transitions: Transition[];
  emits: Emit[];
  /** Conditions the order fails on, counted; 0 does not promise success (state not known here may differ). */
  unmet: number;
}

/** Known addresses and values for an order, from chain (readDeployment) or given by the platform. */
export interface OrderFacts {
  /** Party id → address. */
  parties?: Record<string, string>;
  /** State variable name → value (decimal string, boolean, address). */
  state?: Record<string, string | boolean>;
  /** Token facts by the name of the variable or parameter holding the token (e.g. 'stablecoin'). */
  tokens?: Record<string, TokenFacts>;
}

export interface TokenFacts {
  address: string | null;
  symbol: string | null;
  decimals: number | null;
}

/** What describeOrder reads: the contract's Terms and its compiled ABI. */
export interface OrderContract {
  terms: ContractTerms;
  abi: readonly unknown[];
  /**
   * The ABI decoder the contract was compiled with: 'v2' (the default since solc 0.8) rejects calldata
   * with bits a value's type cannot hold, and such calldata is refused as an order; 'v1' cleans those
   * bits, and the cleaned value is what the contract uses. Default 'v2'.
   */
  abiCoder?: 'v1' | 'v2';
}

export interface OrderCallInput {
  /** 0x-prefixed calldata. */
  data: string;
  /** Wei sent, as a decimal string, bigint or number. */
  value?: string | bigint | number | null;
  from?: string | null;
}

export type { CompareOp };
