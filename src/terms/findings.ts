/**
 * Findings about the deal as a whole: powers that override it, risks, the author's claims, money facts
 * and the definitions of amounts the code computes. Part of the Terms model (plain data).
 */
import type { Expr } from './expr.ts';
import type { Access, Located, Parameter, SourceRef } from './model.ts';

// ── Powers, risks, claims ────────────────────────────────────────────────────────────────────────

export type PowerKind =
  | 'change-term'
  | 'change-party'
  | 'pause'
  | 'unpause'
  | 'upgrade'
  | 'transfer-ownership'
  | 'renounce-ownership'
  | 'grant-role'
  | 'revoke-role'
  | 'withdraw-funds'
  /** The holder pays money out alone, to a recipient of their choosing among named parties (`bounds`). */
  | 'direct-funds'
  /** The party of one record takes the contract's whole balance, other records' money included. */
  | 'take-pooled-funds'
  /** The holder alone moves the deal (`target` to `value`) into a stage in which another action pays out money the contract holds. */
  | 'decide-payout'
  /** The holder alone makes the contract call an address with data and ETH it chooses (`target`: the address called). */
  | 'arbitrary-call'
  /**
   * The holder alone moves a record (`target` to `value`), paying no one, out of a state in which another
   * action would pay out money the contract holds, into one from which no action pays out.
   */
  | 'strand-funds'
  | 'self-destruct'
  /**
   * One side alone, with no deadline to wait for, stops other actions that pay money out (`exit.stops`) and
   * sends or frees the money elsewhere: a cancel, a revocation, a freeze (termination for convenience).
   */
  | 'exit'
  /**
   * A party the action pays nothing alone pays out the money the contract holds to the deal's parties, in
   * amounts it chooses or as all that is left, and sets flags other actions read (`settle`): it ends the deal.
   */
  | 'settle'
  /** The holder alone puts an address on a list (`target`) that makes other parties' actions (`hooked`) call its code. */
  | 'allow-hook';

export interface Power extends Located {
  id: string;
  kind: PowerKind;
  action: string;
  /** Party ids who hold the power. */
  holders: string[];
  /** The term or party changed (a variable), when there is one. */
  target: Expr | null;
  /** The value written to it: a parameter (chosen by the holder), the caller, the zero address. */
  value: Expr | null;
  /** Conditions on the new value (e.g. newFee <= 500); [] means no bound in the code. */
  bounds: Expr[];
  /** Whether the change also applies to deals already made (the stored value is read at settlement). */
  affectsExisting: boolean | null;
  /** A delay the code enforces before the change takes effect, if any. */
  timelock: Expr | null;
  /** Conditions under which that delay applies; [] when always. */
  timelockWhen: Expr[];
  /** When the term changed is used as a share (`x * term / 10000`): the divisor, so limits read as percentages. */
  rateScale: string | null;
  /**
   * A stored value set to a fixed value (`waived = true`) that reaches, through views it is read in, what
   * another party's action requires them to pay (or, `blocks`, a check it must pass): the actions (ids) and the parties who call them; `zeroed`,
   * what the value makes zero there; `chosen`, for a choice between two non-zero values, the one it puts in
   * place of the other.
   */
  reaches?: { action: string; payers: string[]; how: 'requires' | 'pays' | 'blocks'; zeroed: Expr | null; chosen?: { value: Expr; instead: Expr } }[];
  /**
   * allow-hook: the actions (ids) that call an address on the list; `canFail` when a check reads the call's
   * answer (that code can make them fail); `removable` when some action takes an address off the list.
   */
  hooked?: { actions: string[]; canFail: boolean; removable: boolean };
  /**
   * exit: the actions it stops (ids); those that find the balance paid out (`empties`); the record it ends for (its label, null for the whole deal); the totals
   * it lowers (`total = total - unreleased`) and the actions (ids) whose payments those totals limit.
   */
  exit?: { stops: string[]; empties: string[]; record: string | null; frees: { target: Expr; readers: string[] }[] };
  /** settle: the flags it sets and the other actions (ids) whose conditions read them. */
  settle?: { flags: { target: Expr; value: Expr; readers: string[] }[] };
  /** The branch conditions under which the action makes the change (`if (auction.settled) _createAuction()`); absent when always. */
  when?: Expr[];
}

export type RiskKind =
  | 'claim-contradicted'
  | 'no-deadline'
  | 'no-upper-bound'
  | 'external-token'
  | 'external-contract'
  | 'timestamp'
  | 'no-reentrancy-guard'
  | 'tx-origin'
  | 'unchecked-call'
  /** `action` moves the date `text` (a deadline id) on by `subject`, a stored period that `also` (the actions writing it) may set to zero: then `action` can run again and again at once. */
  | 'zero-period'
  /** An incoming token payment whose result is unchecked: `subject` is a record it increases, `text` an action that pays out from that record. */
  | 'unchecked-incoming'
  /** A push to `subject` (`text`: 'eth'; 'transfer' or 'send', which forward 2,300 gas; or 'token') that its holder can refuse, making `action` fail; nothing else releases what it holds. */
  | 'refusal-locks-assets'
  /** The same push where something else can release the money, or where the action holds nothing of its own. */
  | 'refusal-blocks-action'
  | 'stuck-funds'
  /**
   * `action` pays out (to `party`) only `subject`, the amount held for a record minus a remainder (`subject.right`),
   * and no action pays the remainder out: it stays in the contract. `text`: the action that sets the amount paid, when stored.
   */
  | 'remainder-stays'
  /** `action` adds a share of the money it pays out to the stored amount `subject`, which no action pays out: it stays in the contract. */
  | 'credit-stays'
  /** Anyone may call `action`, which can succeed only once (`access.once`): whoever calls it first sets what it sets. */
  | 'first-caller'
  /** `action` pays out `subject`, read from the state variable `text`, which no action ever records a value in: it pays nothing. `also`: actions that take ETH in. */
  | 'never-recorded'
  /** `action` always fails on the contract as deployed: `subject` is the check no value of its stored number meets; `text` those values. */
  | 'never-succeeds'
  | 'owner-can-pause'
  | 'unrestricted-action'
  /** Payments to the owner that go to the zero address once ownership is renounced. */
  | 'renounce-redirects-payments'
  /** `action` pays `party`, whom no action ever sets to anything but the zero address: the money is lost. */
  | 'pays-zero-address'
  /** Every payment out depends on owner-only actions (`renounceGates`): renouncing ownership (`action`) leaves the money waiting on them where it is. */
  | 'renounce-locks-funds';

export interface Risk extends Located {
  id: string;
  kind: RiskKind;
  action: string | null;
  party: string | null;
  /** Extra data the template needs (a state, a token, a claim's words). */
  subject: Expr | null;
  text: string | null;
  /** For a risk at a stage of a lifecycle (whose id is `text`): the state's name; else null. */
  state: string | null;
  /** Other actions the risk applies to as well (external-contract: every further action that calls the contract). */
  also?: string[];
}

export interface Claim extends Located {
  id: string;
  /** The action the comment is on, or null for the contract itself or an internal function. */
  action: string | null;
  /** The internal or private function the comment is on (its code runs inside the actions that call it); else null. */
  helper: string | null;
  tag: 'title' | 'notice' | 'dev' | 'param' | 'return' | 'author';
  param: string | null;
  text: string;
  /** Each statement of the claim the checker could read (who, how much, when, rounding, refunds, fixity), with its verdict. */
  checks: ClaimCheck[];
}

/**
 * What a claim says about who may act, how much, when, rounding, refunds or whether a term is fixed.
 * `excess`: ETH sent beyond the price is returned. `refund`: money goes back to a named party.
 */
/** `cap`: a ceiling on a rate ("never exceeds 10%"); `actual` holds the powers that set it with no limit. */
/**
 * `scale`: how a number is read ("550 = 5.5%", "in basis points"); `claimed` is [divisor, number, percent]
 * (the last two when the claim gives an example), `actual` [the divisor the code applies]. `outcome`: who
 * is paid for a value chosen in the call ("1 : pay the seller"); `claimed` is [value, party id], `actual`
 * the parties paid for that value.
 */
/**
 * `paid`: a party is paid "in full" or "less" something; `claimed` is ['full' or 'less', party id], `actual`
 * what the payment does. `in-force`: the value in force later applies ("the fee in force when delivery is
 * confirmed"); `claimed` the terms, `actual` the powers that change them. `pause`: an action is available
 * while paused (`claimed` ['available']) or the actions a pause stops (`claimed` their ids, `actual` those that
 * still run). `event`: the action records an event (`claimed` [its name], `actual` the events it records).
 * `deadline`: the action may run after (or before) a moment (`claimed` ['after' or 'before'], `actual` [the deadline's id]).
 */
export type ClaimTopic = 'who' | 'amount' | 'cap' | 'when' | 'rounding' | 'excess' | 'refund' | 'fixity' | 'scale' | 'outcome' | 'paid' | 'in-force' | 'pause' | 'event' | 'deadline';

export interface ClaimCheck {
  topic: ClaimTopic;
  /** `contradicts`: the code does otherwise (a risk); `matches`: the code does what the claim says; `cannot-tell`: the model cannot decide. */
  verdict: 'matches' | 'contradicts' | 'cannot-tell';
  /** The words of the claim this check reads. */
  said: string;
  /**
   * What the claim states, in model terms: party ids (who, refund), exact percentages (amount), seconds
   * (when), 'up' or 'down' (rounding), state variable names (fixity).
   */
  claimed: string[];
  /** What the code does, in the same terms: parties allowed or paid, percentages or periods applied, power ids (fixity, cap). */
  actual: string[];
  /** For `who`: who the code lets call. */
  access: Access | null;
  /** The code that decides the verdict; null when it cannot tell. */
  source: SourceRef | null;
  /** For `cannot-tell`: the code uses a value the model cannot pin down (a rate or period set later or given in the call). */
  unpinned: boolean;
  /** The action the check is about when the clause names another than the one its comment is on ("A buyer may cancel …"); else null. */
  action: string | null;
  /** For `cannot-tell`: the clause is on the topic, but the checker could not read what it states. */
  unread: boolean;
}

// ── Definitions ──────────────────────────────────────────────────────────────────────────────────

/**
 * An amount or value the terms refer to by name because the code computes it in a view function
 * (`latePenalty()`): its formula, read from the function body, or null when it could not be read.
 */
export interface Definition extends Located {
  id: string;
  name: string;
  label: string;
  parameters: Parameter[];
  formula: Expr | null;
}

// ── Money facts ──────────────────────────────────────────────────────────────────────────────────

export type MoneyFactKind =
  /** Money is credited to a balance (`pendingReturns[bidder] += …`) and must be withdrawn by an action. */
  | 'pull-payment'
  /** An action accepts more ETH than it requires; `detail` says where the excess goes (null: it stays in the contract). */
  | 'overpayment'
  /** A share is computed by division; `party` is who ends up with the rounding remainder (null: it stays in the contract). */
  | 'rounding-remainder'
  /**
   * The contract holds one item of a token contract (`subject`: item `index` of `base`), taken in by `action`;
   * `withdrawal` sends it to `detail` (`party` when a party) under `when`. Null `withdrawal`: nothing sends it out.
   */
  | 'item-custody'
  /**
   * A payable `action` creates a record holding the ETH sent in one of its fields (`subject`: the field of the
   * collection, as a member of the collection variable; its `type` is the record's label), which payments draw on.
   */
  | 'record-funds'
  /**
   * `action` moves one item (`subject`) straight from its holder (`party`, a party's address) to `detail`, without
   * the contract holding it: the holder keeps it until then, and may move it away or withdraw the approval first.
   */
  | 'item-direct';

export interface MoneyFact extends Located {
  id: string;
  kind: MoneyFactKind;
  action: string | null;
  /** pull-payment: the credited balance; overpayment: the minimum required; rounding-remainder: the share. */
  subject: Expr;
  /** pull-payment: the action that pays it out (as a text id in `withdrawal`); overpayment: where the excess goes. */
  detail: Expr | null;
  withdrawal: string | null;
  party: string | null;
  /** Conditions of enclosing `if` statements under which the fact holds; [] when always. */
  when: Expr[];
  /**
   * overpayment only: where the excess goes. `forwarded`: all the ETH sent is paid on to `detail`;
   * `returned`: what is sent beyond the minimum is paid back to `detail`; `recorded`: all of it is stored as
   * `detail` (a bid), which a payment later pays from; `stored`: all of it is added to `detail`, likewise paid from; `with-balance`: it leaves with the whole balance; `stays`: nothing pays it back. Null for other kinds.
   */
  excess: 'forwarded' | 'returned' | 'recorded' | 'stored' | 'with-balance' | 'stays' | null;
}
