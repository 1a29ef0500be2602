/**
 * The Terms model: plain JSON-serialisable data describing what a contract's code enforces.
 * No AST nodes inside. Every field is always present (null or []), every term carries its source
 * lines and its basis. Amounts are decimal strings inside expression trees, never JS numbers.
 */
import type { Expr } from './expr.ts';
import type { Claim, Definition, MoneyFact, Power, Risk } from './findings.ts';
import type { Deadline, Lifecycle, Transition } from './lifecycle-model.ts';

/** code: enforced by the code; natspec: the author's claim; deployment: depends on a value set at deployment or read from chain. */
export type Basis = 'code' | 'natspec' | 'deployment';

export interface SourceRef {
  path: string;
  line: number;
  endLine: number;
}

export interface Located {
  source: SourceRef;
  basis: Basis;
}

/**
 * A term that a loop applies to every item it walks: `over` is the collection (or range of numbers), and
 * `where` the conditions an item must meet. Expressions inside the term refer to the item as `each`.
 */
export interface Each {
  over: Expr;
  /** One item, named after its record type ("Milestone"); null for plain values and numbers. */
  item: string | null;
  where: Expr[];
}

// ── Parties ──────────────────────────────────────────────────────────────────────────────────────

export type PartyKind =
  /** An address state variable or immutable: buyer, seller, arbiter. */
  | 'address'
  /** The owner of OpenZeppelin Ownable (or an equivalent `owner` variable). */
  | 'owner'
  /** An AccessControl role: whoever holds it. */
  | 'role'
  /** Whoever deploys the contract, when the code gives the deployer a part of its own. */
  | 'deployer'
  /** An address field of a per-item struct: an order's buyer, a milestone's provider. */
  | 'item-field'
  /**
   * Whoever pays in through an action that records the amount against their address (`pledgedAmount[id][msg.sender]
   * += amount`): each caller with an entry of their own, of a record or of the contract. Named by the mapping.
   */
  | 'holder'
  /** Every address in a list the contract keeps (`address[] _payees`), filled at deployment. */
  | 'list'
  /**
   * Whoever holds the contract's item token (ERC-721) of a record's id (`_owners[streamId]`), where a payment
   * goes to that holder: a stream's Recipient. `collection`/`itemLabel` name the record kept under the same id.
   */
  | 'token-holder';

export interface Party extends Located {
  /** Stable id: the variable name, 'owner', 'role:MINTER_ROLE', 'deployer', 'orders.buyer'. */
  id: string;
  /** The name in the code. */
  name: string;
  /** The humanised defined term: issuingBank → "Issuing Bank". */
  label: string;
  kind: PartyKind;
  mutability: 'constant' | 'immutable' | 'mutable';
  /** How it is first set: at declaration, at deployment (constructor), by an action, or never. */
  setAt: 'declaration' | 'deployment' | 'action' | 'never';
  /** The value it is set to first, e.g. a constructor parameter or the caller (the deployer). */
  initial: Expr | null;
  /** Ids of actions that can change it after deployment, as often as they run. */
  changedBy: string[];
  /**
   * Ids of actions that write it but can run only once (for each record): they require a stage of the
   * deal that they leave for good (Purchase's `confirmPurchase` from Created, a vote once `voted` is set).
   */
  setOnceBy: string[];
  /** For holder parties: the actions through which a caller pays in and so becomes one; [] otherwise. */
  joinedBy: string[];
  /** For item-field parties: the collection holding the items (e.g. 'orders'). */
  collection: string | null;
  /** For item-field parties: one item, named after its record type ("Order"). */
  itemLabel: string | null;
  /**
   * True for the contract's owner when it is named by the role its constructor gives it: `Ownable(beneficiary)`
   * makes the owner "the Beneficiary (the owner)". The label is then the constructor parameter's.
   */
  ownerNamed: boolean;
  /**
   * For an address field of a single stored record: the actions that write an address into it (the bid that
   * records its caller), not those that only set it back to the zero address (a new auction started).
   */
  recordedBy?: string[];
  /** For an address field of a single stored record: the record's variable (`auction`). */
  record?: string;
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────────────

export interface Parameter {
  name: string;
  label: string;
  type: string;
}

/** Who may call an action. Rules are alternatives: any one of them suffices. */
export interface Access {
  anyone: boolean;
  rules: CallerRule[];
  /** Where the check is made: an inline require, a modifier, a helper function. Null when anyone may call. */
  source: SourceRef | null;
  /**
   * True when the check is of the sender as ERC-2771 defines it: a trusted forwarder may then make the
   * call in the name of whoever the rules name.
   */
  forwarded: boolean;
  /**
   * The action can succeed only once (`extract/once-only.ts`): it checks that a stored value (`place`) has not
   * been set yet, then sets it so that the check fails afterwards, and no action sets it back. The check is at
   * `source`. Absent for other actions.
   */
  once?: { place: Expr; source: SourceRef };
}

export type CallerRule =
  | { kind: 'party'; party: string; via: string | null }
  | { kind: 'role'; role: string; via: string | null }
  /** The caller must equal this value, e.g. orders[id].buyer or a signer. */
  | { kind: 'expr'; expr: Expr; via: string | null };

export interface Condition extends Located {
  /** What must hold for the action to go ahead (already negated for `if (...) revert`). */
  expr: Expr;
  /** The revert string, if any. */
  message: string | null;
  /** The custom error name, if any. */
  error: string | null;
  /**
   * How the check is written: require, if-revert, a modifier or an internal helper (named in `via`); or
   * `self-send`: ETH sent to the contract's own address, which has no `receive` or `fallback` to take it.
   */
  form: 'require' | 'if-revert' | 'assert' | 'self-send';
  /** The modifier or internal function the check lives in, or null when inline. */
  via: string | null;
  /** Conditions of enclosing `if` statements under which this check applies; [] when always. */
  when: Expr[];
  /** True when this condition is about the caller and is already expressed by `access`. */
  isAccess: boolean;
  /** When the check is made for every item a loop walks; null otherwise. */
  each: Each | null;
  /** Where the check is written, when a helper the action calls makes it (`source` is the call site). */
  helperSource: SourceRef | null;
}

export type Asset = { kind: 'eth' } | { kind: 'token'; token: Expr };

export interface Payment extends Located {
  asset: Asset;
  amount: Expr;
  to: Expr;
  /** The party the money goes to, when the recipient is a known party. */
  toParty: string | null;
  /** For transferFrom: whose tokens are taken. Null for payments out of the contract. */
  from: Expr | null;
  /** The party whose tokens are taken, when `from` is a known party (a move between two others' addresses). */
  fromParty?: string | null;
  /**
   * `out` of the contract, `in` to it, or `between`: a `transferFrom` from one other address to another, which the
   * contract makes under the payer's approval; the money never passes through the contract.
   */
  direction: 'out' | 'in' | 'between';
  /** `selfdestruct`: the contract's whole ETH balance, sent as the call ends (it cannot fail). */
  method: 'transfer' | 'send' | 'call' | 'sendValue' | 'safeTransfer' | 'safeTransferFrom' | 'erc20-transfer' | 'erc20-transferFrom' | 'msg-value' | 'selfdestruct';
  /** Conditions of enclosing `if` statements; [] when the payment always happens. */
  when: Expr[];
  /** For send and call: whether the code checks that the payment succeeded. Null when not applicable. */
  resultChecked: boolean | null;
  /**
   * For a send or call whose result is not checked: whether the action clears the claim to this money on the
   * payment's path, before or after it (zeroes or reduces the stored amount paid, or writes a value its own
   * conditions rule out), so a failed payment cannot be claimed again. Null when checked or when it reverts.
   */
  claimCleared: boolean | null;
  /**
   * A token payment made in place of a failed ETH payment of the same amount to the same recipient, in the token
   * the ETH is first wrapped into (`extract/wrapped-fallback.ts`). Absent otherwise.
   */
  instead?: true;
  via: string | null;
  /** When the payment is made for every item a loop walks; null otherwise. */
  each: Each | null;
  /** Where the payment is written, when a helper the action calls makes it (`source` is the call site). */
  helperSource: SourceRef | null;
}

export interface Effect extends Located {
  /** `pop` removes the last entry of an array; `delete` clears the value. */
  kind: 'set' | 'increase' | 'decrease' | 'delete' | 'push' | 'pop';
  target: Expr;
  value: Expr | null;
  when: Expr[];
  via: string | null;
  /** When the change is made to every item a loop walks; null otherwise. */
  each: Each | null;
  /** Where the change is written, when a helper the action calls makes it (`source` is the call site). */
  helperSource: SourceRef | null;
}

export interface Emit extends Located {
  event: string;
  label: string;
  args: Expr[];
  /** Conditions under which the event is recorded; [] when always. */
  when: Expr[];
  /** When the event is recorded for every item a loop walks; null otherwise. */
  each: Each | null;
  /** Where the event is written, when a helper the action calls records it (`source` is the call site). */
  helperSource: SourceRef | null;
}

/** A call to another contract that is not a payment. */
export interface ExternalCall {
  target: Expr;
  name: string;
  /** Conditions under which the call is made; [] when always. */
  when: Expr[];
  /** When the call is made for every item a loop walks; null otherwise. */
  each: Each | null;
  /**
   * The call moves one item of the token at `token` (ERC-721, or `amount` units of an ERC-1155 id) from `from`
   * to `to`; `through`: by calling another contract (`target`, a transfer helper) that moves it.
   */
  item?: { token: Expr; from: Expr; to: Expr; id: Expr; amount: Expr | null; through: boolean };
  /**
   * Money that may move through the other contract's code: `delegate`, the call runs that code as this
   * contract's own (`delegatecall`); `approval`, the same action first lets that contract take `amount` of
   * the token at `token` from this contract (an ERC-20 approval, made when `when` holds). `args`: what the
   * call is given, by the called function's parameter names where its declaration is known; `required`: a
   * require demands the delegatecall's success, so the action fails when that code fails.
   */
  proxy?: { delegate: boolean; approval: { token: Expr; amount: Expr; when: Expr[] } | null; args: { name: string | null; value: Expr }[]; required: boolean };
  /**
   * An ERC-20 `approve(spender, amount)` on the token at `target`: `spender` may take up to `amount` of it from
   * this contract. `unchecked`: made through a library that reports failure instead of reverting, and the
   * result is not checked, so the approval may not have been made.
   */
  approval?: { spender: Expr; amount: Expr; unchecked: boolean };
  source: SourceRef;
}

export interface ActionNatspec {
  notice: string | null;
  dev: string | null;
  params: { name: string; text: string }[];
  returns: string | null;
}

export interface Action extends Located {
  /** Stable id: the signature (`deposit(uint256)`), or 'constructor', 'receive', 'fallback'. */
  id: string;
  name: string;
  label: string;
  kind: 'constructor' | 'function' | 'receive' | 'fallback';
  signature: string | null;
  /** 4-byte selector, 0x-prefixed; null for constructor, receive and fallback. */
  selector: string | null;
  /** The contract the function body is written in. */
  definedIn: string;
  inherited: boolean;
  /** Accepts ETH with the call (false when every call fails, whatever the code's `payable` says). */
  payable: boolean;
  /** Every call fails: an unconditional `revert` (a `receive` that refuses ETH). */
  alwaysFails: boolean;
  parameters: Parameter[];
  access: Access;
  conditions: Condition[];
  payments: Payment[];
  effects: Effect[];
  /** Moves between the states of enum lifecycles; setting a one-way flag or time is told as an effect. */
  transitions: Transition[];
  emits: Emit[];
  /** Calls to other contracts that are not payments (the contract depends on them). */
  externalCalls: ExternalCall[];
  /** Modifiers and internal functions whose bodies were read to describe this action. */
  reads: string[];
  natspec: ActionNatspec;
}

// ── Not explained, coverage ──────────────────────────────────────────────────────────────────────

export interface NotExplained {
  action: string | null;
  /** The code, verbatim (first line if long). */
  code: string;
  /** `contradiction`: checks on the state (named in `code`) that no state passes together. */
  reason: 'statement' | 'expression' | 'assembly' | 'loop' | 'external-call' | 'delegatecall' | 'contradiction' | 'other';
  source: SourceRef;
}

export interface Coverage {
  statements: number;
  explained: number;
}

// ── The contract ─────────────────────────────────────────────────────────────────────────────────

export interface ContractTerms {
  name: string;
  label: string;
  /** True for an abstract contract: it runs only inside a contract that inherits it. */
  abstract: boolean;
  source: SourceRef;
  /**
   * The EIP-712 domain the contract signs in, as its code gives it to OpenZeppelin's EIP712 (`EIP712("Book",
   * "1")`, `__EIP712_init(…)`): a name or version set from a parameter is null. Null when it has none.
   */
  eip712: { name: string | null; version: string | null; source: SourceRef } | null;
  /** Linearised base contracts, most base last, excluding the contract itself. */
  inherits: string[];
  /**
   * The EVM version the code was compiled for (solc's `evmVersion`, else the release's default) and whether it
   * is Cancun or later, where `selfdestruct` sends the balance but no longer deletes the contract (EIP-6780).
   * Null where not known.
   */
  evm: { version: string | null; cancun: boolean | null };
  natspec: { title: string | null; notice: string | null; dev: string | null; author: string | null };
  assets: Asset[];
  parties: Party[];
  actions: Action[];
  deadlines: Deadline[];
  lifecycles: Lifecycle[];
  powers: Power[];
  risks: Risk[];
  money: MoneyFact[];
  definitions: Definition[];
  /**
   * Stored values the code treats as moments in time (compared with the block time, set from it, or
   * compared with one that is): a state variable's name, `collection.field` for a field of each record, or
   * `parameter:name` for a parameter that is a time in every action that takes one of that name.
   */
  moments: string[];
  claims: Claim[];
  notExplained: NotExplained[];
  coverage: Coverage;
}

export interface Statement {
  id: string;
  section: Section;
  text: string;
  basis: Basis;
  source: SourceRef | null;
  /**
   * A row of one of the document's tables ('parties', 'lifecycle', 'money'), when the statement is one:
   * its cells in the order of the table's columns. `text` then joins the cells that are not empty with ' | '.
   */
  table?: string;
  cells?: string[];
}

export const SECTIONS = [
  'warning',
  'key-facts',
  'deployment',
  'parties',
  'powers',
  'money',
  'actions',
  'deadlines',
  'lifecycle',
  'risks',
  'claims',
  'not-covered',
  'not-explained',
  'disclaimer',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface SummaryDocument {
  schema: 'plainterms/summary@2';
  tool: { name: 'plainterms'; version: string };
  compiler: { name: 'solc'; version: string };
  language: string;
  sources: { path: string; keccak256: string }[];
  /**
   * The column names of each table whose rows are statements (`Statement.table`), in the document's language and
   * in the order of `Statement.cells`; the source column is the statement's `source`.
   */
  tables: Record<string, string[]>;
  /**
   * Per contract: the model, every sentence, and what was read from a deployed instance (`plainterms/deployment@1`)
   * when an address and an RPC endpoint were given, else null.
   */
  contracts: (ContractTerms & { statements: Statement[]; deployment: Record<string, unknown> | null })[];
}
