/**
 * The Terms model, deadlines and lifecycles: the moments the code checks and the states its records pass
 * through. Part of model.ts's data (see there for the rules every term follows).
 */
import type { CompareOp, Expr } from './expr.ts';
import type { SourceRef, Located } from './model.ts';

// ── Deadlines ────────────────────────────────────────────────────────────────────────────────────

export interface DeadlineCheck {
  action: string;
  /** The condition that must hold, normalised with the block time on the left: now < deadline etc. */
  op: CompareOp;
  /** The right-hand side as written: the deadline itself, or an expression of it (deadline + grace). */
  against: Expr;
  /** Conditions under which the check is made; [] when always. */
  when: Expr[];
  /** Alternatives that let the action go ahead without meeting the time (`caller == payer || …`); [] when none. */
  otherwise: Expr[];
  source: SourceRef;
}

export interface Deadline extends Located {
  id: string;
  /** The stored value compared with the block time: a variable or an item field. */
  subject: Expr;
  label: string;
  /**
   * Where it is set: the action, the place it writes (keyed as that action keys it: `schedules[beneficiary].cliff`
   * where `subject`, read by another action, may be `schedules[msg.sender].cliff`), the value, and the branch
   * conditions of the write ([] when the action always sets it).
   */
  setBy: { action: string; place: Expr; value: Expr; when: Expr[]; source: SourceRef }[];
  /**
   * Where it is moved from its own old value (`nextChargeAt += period`): the action, which way, by how much, and the
   * branch conditions of the write. Absent or [] when nothing moves it.
   */
  movedBy?: { action: string; place: Expr; op: 'increase' | 'decrease'; by: Expr; when: Expr[]; source: SourceRef }[];
  checks: DeadlineCheck[];
  /** True for a time-valued expression compared directly, not a stored variable (e.g. start + 7 days). */
  derived: boolean;
  /** What the checks compare with: the block's timestamp, or the block number (counted in blocks, not time). */
  clock: 'time' | 'blocks';
}

// ── Lifecycle ────────────────────────────────────────────────────────────────────────────────────

export interface Transition {
  lifecycle: string;
  /** States in which the action may make the move; [] when the code does not restrict it. */
  from: string[];
  to: string;
  action: string;
  when: Expr[];
  /** True when the action creates a new record in this state (a push, or a record written whole): not a move. */
  creates: boolean;
  /**
   * Parties (by id) that checks on this write's own path require to be the caller (`if (to == Sent)
   * { require(msg.sender == shipper); … }`); [] when only the action's access applies.
   */
  callers: string[];
  /** True when further checks apply on some of this write's paths only (a branch on who calls). */
  branchChecks: boolean;
  /**
   * True when the move writes the whole record anew, at a key that may already hold one (`deposits[id] =
   * Deposit({…})`): the record in a `from` state is replaced, and what it held is lost.
   */
  replaces: boolean;
  source: SourceRef;
}

export interface LifecycleState {
  name: string;
  label: string;
  initial: boolean;
  final: boolean;
}

export interface Lifecycle extends Located {
  id: string;
  /**
   * `enum`: an enum's members are the states. `flag`: a bool that actions only set, states `off` (false)
   * and `on` (true). `time`: a time that is zero until an action records it, states `off` and `on`.
   */
  kind: 'enum' | 'flag' | 'time';
  /** The variable holding the state; for per-item lifecycles the struct field (e.g. 'status'). */
  variable: string;
  label: string;
  /** The enum's name; null for a flag or a time. */
  enumName: string | null;
  /** True for an enum held in a struct inside an array or mapping: each item has its own state. */
  perItem: boolean;
  /** For per-item lifecycles: the collection (e.g. 'milestones') and its label. */
  collection: string | null;
  collectionLabel: string | null;
  /** For per-item lifecycles: one item, named after its record type ("Milestone"). */
  itemLabel: string | null;
  states: LifecycleState[];
  initial: string | null;
  transitions: Transition[];
}
