/**
 * The analysis core's IR: what one action does, as a list of guarded instructions.
 *
 * Each action (a function with its modifiers spliced in at `_`, or deployment with its base constructors
 * and initialisers) is lowered once. Internal and library calls are inlined; each instruction keeps the
 * chain of call sites that led to it, outermost first. Values are SSA values written as expression trees:
 * a local is never updated in place, each assignment makes a new value, and where paths join a value that
 * differs between them becomes `c ? a : b` (a phi). A call's success flag is a value of its own
 * (`call-outcome`). The guard of an instruction is the path condition under which it runs; reverts do not
 * appear in guards (they are the action's conditions, `require` instructions), early returns and
 * `continue` do.
 */
import type { Asset, Each, Expr, Payment } from '../terms/index.ts';

/** Where an instruction comes from: its own node, and the call sites that inlined it, outermost first. */
export interface Origin {
  src: string;
  callSites: string[];
}

interface InstrBase {
  id: number;
  /** Conjunction of the path conditions (outermost first) under which the instruction runs. */
  guard: Expr[];
  /** The loop the instruction runs in for every item, with the per-item conditions; null outside loops. */
  each: Each | null;
  origin: Origin;
  /** The modifier or internal function the instruction lives in (outermost), or null when inline. */
  via: string | null;
}

export type Instr = InstrBase &
  (
    | { k: 'store'; op: 'set' | 'increase' | 'decrease' | 'delete' | 'push' | 'pop'; target: Expr; value: Expr | null }
    | {
        k: 'pay';
        asset: Asset;
        to: Expr;
        from: Expr | null;
        amount: Expr;
        direction: 'out' | 'in' | 'between';
        method: Payment['method'];
        /** Whether the call itself reverts when it fails (transfer, sendValue, SafeERC20): then nothing to check. */
        reverts: boolean;
        /** True once the success flag reaches a guard or a require. */
        checked: boolean;
        /** True when a require demands the success flag itself (`require(ok)`): a failed payment reverts the action. */
        required?: boolean;
      }
    /** `args`: the call's arguments as evaluated ([] where the call is a library's documented meaning). */
    /**
     * `delegate`: a `delegatecall`, whose `name` and `args` are read from its data where the data names them;
     * `params`: the names of the called function's parameters, where its declaration is known; `approval`: an
     * ERC-20 `approve(spender, amount)` (not ERC-721's `approve(to, tokenId)`); `required`: a require demands
     * a delegatecall's success flag, so the action fails when that code does.
     */
    /**
     * `item`: the call is to a function that passes an ERC-721 move on (a transfer helper's `transferFrom(token,
     * from, to, id)`); null when the function called is known and is not an item move (an ERC-20 helper's
     * `safeTransferFrom(token, from, to, amount)`).
     */
    | { k: 'call'; target: Expr; name: string; checked: boolean; args: Expr[]; item?: { token: Expr; from: Expr; to: Expr; id: Expr } | null; delegate?: boolean; params?: string[]; approval?: boolean; required?: boolean }
    | { k: 'emit'; event: string; args: Expr[] }
    /** The action fails unless `cond` holds (when the guard holds). */
    | { k: 'require'; cond: Expr; message: string | null; error: string | null; form: 'require' | 'if-revert' | 'assert' }
    | { k: 'selfdestruct' }
    | { k: 'delegatecall' }
    /** A low-level `call` with ETH (`target.call{value: …}(data)`): the target and the data passed, as evaluated. */
    | { k: 'call-data'; target: Expr; data: Expr[] }
    | { k: 'tx-origin' }
  );

export type InstrKind = Instr['k'];

/** Code the lowering could not represent, with the reason; its statement counts as not explained. */
export interface Opaque {
  src: string;
  reason: 'statement' | 'expression' | 'assembly' | 'loop' | 'external-call' | 'delegatecall' | 'other';
}

/** One action lowered. */
export interface LoweredAction {
  instrs: Instr[];
  opaque: Opaque[];
  /** Statement node id → whether every value and instruction it produced is represented. */
  statements: Map<number, { explained: boolean; src: string; reason: Opaque['reason'] }>;
  /** Modifiers and internal functions inlined, by name. */
  reads: string[];
  /** Modifiers recognised as reentrancy locks, and the storage they write (key of the target). */
  locks: { modifier: string; target: string }[];
}
