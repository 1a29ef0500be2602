/**
 * The lowering's foundation: the instructions an action makes, its paths' conditions, storage written and
 * read back, and which statements were explained. The layers above add expressions (lower-expressions.ts),
 * calls (lower-calls.ts), and statements and functions (lower.ts).
 */
import type { VariableDeclaration } from 'solidity-ast';
import type { Expr } from '../terms/index.ts';
import { hasCode, isPathPrefix, readBalanceChange, walkExpr } from '../terms/index.ts';
import { makeDeref } from './calls.ts';
import { arith, code, key, negate, rewrite, same, typeName, variableExpr, ZERO } from './exprs.ts';
import { isPartOf, isRecordPlace, smallEnough, structIdOf } from './copies.ts';
import { markFormulas, wrapPrior } from './prior.ts';
import { namedValueOf, nameValue, type NamedValue } from './named-values.ts';
import { humanise } from './names.ts';
import type { LoopFrame } from './loops.ts';
import { type State } from './state.ts';
import type { Instr, LoweredAction, Opaque, Origin } from './types.ts';
import { instrHasCode, mayAlias, mentionsPlace, placeRoot, withoutOutcomes } from './lower-helpers.ts';
import type { ContractScope } from './scope.ts';

export interface LowerContext {
  scope: ContractScope;
  /** Verbatim source text of a node (solc offsets are UTF-8 bytes). */
  codeOf(node: { src: string }): string;
  /** The party id a state variable (or a field of namespaced storage) stands for, if it is a party. */
  partyOf(decl: VariableDeclaration): string | null;
  /** Ids of every function, modifier and event parameter, to tell parameters from locals. */
  parameterIds: Set<number>;
  /** True when the compiler checks arithmetic (solc 0.8 and later): a subtraction that would go below zero reverts. */
  checkedArithmetic?: boolean;
}

/** Where code runs: the contract it is written in, the call sites that led to it, and where returns go. */
export interface Frame {
  from: number;
  stack: string[];
  callSites: string[];
  via: string | null;
  returns: { state: State; values: Expr[] }[];
  /** The named return variables, read when the body ends without `return`. */
  returnDecls: VariableDeclaration[];
  loop: LoopFrame | null;
}

export const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
export const ARITH_OPS = new Set(['+', '-', '*', '/', '%', '**']);
export const MAX_DEPTH = 24;
/** Markers for namespaced storage structs reached through assembly (`$.slot := LOCATION`). */
export const NAMESPACE = '\u0000namespace:';

export abstract class LowererBase {
  readonly instrs: Instr[] = [];
  readonly opaque: Opaque[] = [];
  readonly statements: LoweredAction['statements'] = new Map();
  readonly reads: string[] = [];
  protected nextId = 1;
  /** True while lowering deployment, when storage not yet written is zero. */
  protected deploying = false;
  /** Set when code reached from the current statement was not followed (recursion cut): it is not explained. */
  protected unread = false;
  /** Why the statement being read is left unexplained, where that is known (a delegatecall runs code not read here). */
  protected unreadReason: Opaque['reason'] | null = null;
  /** Success flags (`call-outcome` values) → the instruction they report on. */
  protected readonly outcomes = new WeakMap<Expr, Instr>();
  /** Locals that are storage references (`Order storage o = orders[id]`): they name a place, not a value. */
  protected readonly refs = new Set<number>();
  protected readonly deref;
  /** Instructions by the loop frame they ran in. */
  protected readonly loopOf = new Map<number, LoopFrame>();
  /** How many `unchecked { … }` blocks enclose the statement being lowered. */
  protected uncheckedDepth = 0;
  /** Subtractions made by a library that reverts below zero (SafeMath `sub`), in any compiler version. */
  protected readonly checkedSubtractions = new WeakSet<Expr>();

  constructor(protected readonly ctx: LowerContext) {
    this.deref = makeDeref(ctx.scope);
  }

  // ── Instructions ──────────────────────────────────────────────────────────────────────────────────

  protected origin(frame: Frame, src: string): Origin {
    return { src, callSites: frame.callSites };
  }

  /**
   * The last call to another contract (or payment) made on this path so far, by name: a balance read after it
   * is not the same value as one read before it (`balanceOf` before and after a `transferFrom`).
   */
  protected lastCallOnPath(state: State): string | undefined {
    const last = this.lastCallInstr(state);
    return last?.k === 'call' ? last.name : last?.k === 'pay' ? last.method : undefined;
  }

  private lastCallInstr(state: State): Instr | undefined {
    return [...this.instrs].reverse().find((i) => (i.k === 'call' || i.k === 'pay') && isPathPrefix(i.guard, state.guard));
  }

  /** Calls to other contracts that change nothing (`balanceOf`, a view): `at` is the id the next instruction takes. */
  protected readonly externalReads: { at: number; guard: Expr[] }[] = [];

  protected noteExternalRead(state: State): void {
    this.externalReads.push({ at: this.nextId, guard: [...state.guard] });
  }

  /**
   * Code the analysis cannot read looked at what the last call returned (inline assembly's `returndatasize`):
   * that call, a payment or another, may be checked, unless a call that changes nothing came after it.
   */
  protected mayCheckLastCall(state: State): void {
    const last = this.lastCallInstr(state);
    if (!last || (last.k !== 'pay' && last.k !== 'call')) return;
    if (this.externalReads.some((read) => read.at > last.id && isPathPrefix(read.guard, state.guard))) return;
    last.checked = true;
  }

  protected add(state: State, frame: Frame, src: string, body: DistributiveOmit<Instr, 'id' | 'guard' | 'each' | 'origin' | 'via'>): Instr {
    const instr = { ...body, id: this.nextId++, guard: [...state.guard], each: null, origin: this.origin(frame, src), via: frame.via } as Instr;
    this.instrs.push(instr);
    if (frame.loop) this.loopOf.set(instr.id, frame.loop);
    return instr;
  }

  /**
   * Conditions settled on this path: the path's own branch conditions, and the checks of requires passed
   * before (their guard a prefix of the path's), split at `and`.
   */
  protected settledOnPath(state: State): Expr[] {
    const settled: Expr[] = [];
    const split = (e: Expr) => (e.kind === 'and' ? e.operands : [e]);
    for (const g of state.guard) settled.push(...split(g));
    for (const instr of this.instrs) {
      if (instr.k !== 'require' || this.loopOf.has(instr.id) || !isGuardPrefix(instr.guard, state.guard)) continue;
      settled.push(...split(instr.cond));
    }
    return settled;
  }

  /**
   * The key a record is read or written under: the caller, where the path has checked that the caller is a
   * stored address (`require(msg.sender == buyer)`), is that address, so `deals[msg.sender]` and `deals[buyer]`
   * are one record.
   */
  protected recordKey(state: State, index: Expr): Expr {
    if (index.kind !== 'caller') return index;
    for (const c of this.settledOnPath(state)) {
      if (c.kind !== 'compare' || c.op !== '==') continue;
      const other = c.left.kind === 'caller' ? c.right : c.right.kind === 'caller' ? c.left : null;
      if (other?.kind === 'variable' && (other.scope === 'state' || other.scope === 'immutable') && !hasCode(other)) return other;
    }
    return index;
  }

  /**
   * A revert under the path condition: "the last branch taken must not hold". Everything done on this path
   * since is undone, so those instructions are dropped.
   */
  protected revert(state: State, frame: Frame, src: string, detail: { message: string | null; error: string | null }): void {
    if (!state.alive) return;
    const guard = state.guard;
    this.dropPath(guard);
    const loopStart = frame.loop?.entryLength ?? 0;
    if (guard.length > loopStart) {
      const last = guard[guard.length - 1];
      state.guard = guard.slice(0, -1);
      this.requireOf(negate(last), state, frame, src, detail, 'if-revert');
      state.guard = guard;
    } else {
      this.requireOf({ kind: 'bool', value: false }, state, frame, src, detail, 'if-revert');
    }
    state.alive = false;
    state.exit = 'revert';
  }

  protected dropPath(guard: Expr[]): void {
    const keys = guard.map(key);
    for (let i = this.instrs.length - 1; i >= 0; i--) {
      const instr = this.instrs[i];
      if (instr.guard.length < keys.length) continue;
      if (keys.every((k, j) => key(instr.guard[j]) === k)) this.instrs.splice(i, 1);
    }
  }

  /** `require(cond)`: a success flag in it marks its payment checked; what is left is a condition of the action. */
  protected requireOf(cond: Expr, state: State, frame: Frame, src: string, detail: { message: string | null; error: string | null }, form: 'require' | 'if-revert' | 'assert'): void {
    this.noteGuard(cond);
    for (const part of cond.kind === 'and' ? cond.operands : [cond]) {
      const instr = this.outcomes.get(part);
      if (instr?.k === 'pay' || (instr?.k === 'call' && instr.delegate)) instr.required = true;
    }
    const rest = withoutOutcomes(sameRecordKeys(cond));
    if (rest === null || (rest.kind === 'bool' && rest.value)) return;
    this.add(state, frame, src, { k: 'require', cond: rest, message: detail.message, error: detail.error, form });
  }

  /**
   * A success flag that reaches a branch or a require is checked. So is a payment whose payee's balance, read
   * after it, is compared with the balance before plus its amount (`before + amount == balanceOf(to)`): a
   * payment that moved nothing does not pass that check.
   */
  protected noteGuard(condition: Expr): void {
    for (const node of walkExpr(condition)) {
      const instr = this.outcomes.get(node);
      if (instr && (instr.k === 'pay' || instr.k === 'call')) instr.checked = true;
      const change = readBalanceChange(node);
      if (change && change.op !== '<' && change.op !== '<=' && change.op !== '!=') {
        const { balance, amount, after } = change;
        const paid = [...this.instrs].reverse().find((i) => i.k === 'pay' && i.method === after && same(i.to, balance.of) && same(i.amount, amount) && (balance.kind === 'balance' ? i.asset.kind === 'eth' : i.asset.kind === 'token' && same(i.asset.token, balance.token)));
        if (paid?.k === 'pay') paid.checked = true;
      }
    }
  }

  protected store(state: State, frame: Frame, src: string, op: 'set' | 'increase' | 'decrease' | 'delete' | 'push' | 'pop', target: Expr, value: Expr | null): void {
    if (!state.alive) return;
    this.add(state, frame, src, { k: 'store', op, target, value });
    const current = this.load(state, target);
    // Read later in the call, a place increased or decreased here is its new value: marked, so that it does not read as the stored value plus the amount.
    const next: Expr | null =
      op === 'set' ? raisedBy(value, current) : op === 'increase' ? storedArith('+', current, value!) : op === 'decrease' ? storedArith('-', current, value!) : op === 'delete' ? this.zeroOf(target) : null;
    this.forget(state, target);
    if (next && op !== 'push' && op !== 'pop') state.mem.set(key(target), { place: target, value: next });
  }

  /** A place was written: values read from it before are now its value "before the call"; entries that may alias go. */
  protected forget(state: State, target: Expr): void {
    const root = placeRoot(target);
    for (const k of [...state.mem.keys()]) {
      const entry = state.mem.get(k)!;
      if (k !== key(target) && placeRoot(entry.place) === root && (mentionsPlace(entry.place, target) || mentionsPlace(target, entry.place) || mayAlias(entry.place, target))) state.mem.delete(k);
    }
    for (const [id, value] of state.env) {
      if (this.refs.has(id)) continue;
      // A named formula read before this write may read the place too: it is its value before the call.
      const wrapped = markFormulas(wrapPrior(this.copyBefore(state, id, value, target), target));
      if (wrapped !== value) state.env.set(id, wrapped);
    }
  }

  /**
   * A local holding a memory copy of a stored record (`Bid memory a = auction`) whose field is about to be
   * written (`auction.bidder = msg.sender`): the copy, written out field by field as the record is now, so the
   * written field keeps the value it had when copied and the others still read the record.
   */
  private copyBefore(state: State, id: number, value: Expr, target: Expr): Expr {
    if (!isRecordPlace(value) || !isPartOf(target, value)) return value;
    return this.copyOf(state, id, value, target) ?? value;
  }

  /**
   * Before two paths join: a copy one path wrote out field by field (a field of the record was written on it)
   * and the other still reads through the record is written out on the other path too, so the join is field
   * by field and a field written on one path only reads, on the other, as the record held it.
   */
  protected alignCopies(a: State, b: State): void {
    for (const [id, value] of a.env) {
      const other = b.env.get(id);
      if (!other || this.refs.has(id)) continue;
      if (value.kind === 'struct' && isRecordPlace(other)) b.env.set(id, this.copyOf(b, id, other) ?? other);
      else if (other.kind === 'struct' && isRecordPlace(value)) a.env.set(id, this.copyOf(a, id, value) ?? value);
    }
  }

  private copyOf(state: State, id: number, place: Expr, within: Expr | null = null): Expr | null {
    const struct = structIdOf(this.deref('VariableDeclaration', id)?.typeDescriptions.typeIdentifier, 'memory');
    const copy = struct === null ? null : this.recordOf(state, place, struct, within);
    // A record of many fields written out at every join of many branches grows without bound (Zora's
    // AsksOmnibus ran out of memory): past a size, the copy keeps reading through the record.
    return copy !== null && smallEnough(copy) ? copy : null;
  }

  /**
   * A stored record (or a local's) written out field by field, each field what this path reads there now; a field
   * that is itself a record holding `within` (the place about to be written) is written out too.
   */
  protected recordOf(state: State, object: Expr, structId: number, within: Expr | null = null): Extract<Expr, { kind: 'struct' }> | null {
    const struct = this.deref('StructDefinition', structId);
    if (!struct) return null;
    const fieldOf = (m: (typeof struct.members)[number]): Expr => {
      const place: Expr = { kind: 'member', object, member: m.name, label: humanise(m.name), type: typeName(m.typeDescriptions.typeString) };
      const nested = within && isPartOf(within, place) ? structIdOf(m.typeDescriptions.typeIdentifier) : null;
      // Only a stored place has a value this path may have written (a value computed in the call is read as it is).
      return (nested !== null ? this.recordOf(state, place, nested, within) : null) ?? (isRecordPlace(object) ? this.load(state, place) : place);
    };
    return { kind: 'struct', name: struct.name, label: humanise(struct.name), fields: struct.members.map((m) => ({ name: m.name, label: humanise(m.name), value: fieldOf(m) })) };
  }

  protected zeroOf(target: Expr): Expr {
    if (target.kind === 'variable' || target.kind === 'member') {
      const type = target.type;
      if (type === 'bool') return { kind: 'bool', value: false };
      // A scalar only: an array of addresses or numbers (`address[2]`) is not one zero.
      if (/^address( payable)?$/.test(type)) return { kind: 'zero-address' };
      if (/^u?int\d*$/.test(type)) return ZERO;
    }
    return code('');
  }

  /** Runs code where stored values read at deployment are not known to be zero (a loop's body). */
  protected storageNotEmpty(run: () => void): void {
    const deploying = this.deploying;
    this.deploying = false;
    try {
      run();
    } finally {
      this.deploying = deploying;
    }
  }

  /** The value a place holds on this path: what this path stored there, else the place itself (its value before the call). */
  protected load(state: State, place: Expr): Expr {
    const stored = state.mem.size === 0 ? undefined : state.mem.get(key(place))?.value;
    if (stored) return stored;
    // At deployment, storage starts empty: a state variable no initialiser or constructor has written yet is zero.
    if (this.deploying && place.kind === 'variable' && place.scope === 'state') {
      const zero = this.zeroOf(place);
      if (zero.kind !== 'code') return zero;
    }
    return place;
  }

  protected rootFrame(from: number): Frame {
    return { from, stack: [], callSites: [], via: null, returns: [], returnDecls: [], loop: null };
  }

  protected defaultValue(decl: VariableDeclaration): Expr {
    const type = decl.typeDescriptions.typeString ?? '';
    if (type === 'bool') return { kind: 'bool', value: false };
    if (/^u?int\d*$/.test(type)) return ZERO;
    if (/^address( payable)?$/.test(type)) return { kind: 'zero-address' };
    return variableExpr(decl, this.ctx.parameterIds.has(decl.id) ? 'parameter' : 'local', null, null);
  }

  /** Records that a local was set to `value` here (a declaration or an assignment), for the renderer to name it. */
  protected nameLocal(decl: VariableDeclaration, value: Expr, src: string, frame: Frame, joined = false): void {
    // A success flag reads as the call it reports on ("the payment … failed") already.
    if (this.ctx.parameterIds.has(decl.id) || value.kind === 'call-outcome') return;
    const place = this.refs.has(decl.id);
    if (place && !['index', 'member', 'variable'].includes(value.kind)) return;
    const locate = (at: string) => {
      const { path, line, endLine } = this.ctx.scope.compilation.locate(at);
      return { path, line, endLine };
    };
    const inner = [...frame.stack].reverse().find((entry) => entry.startsWith('fn:'));
    const fn = inner ? this.deref('FunctionDefinition', Number(inner.slice(3))) : null;
    const call = frame.callSites[frame.callSites.length - 1];
    const within = fn && call ? { name: fn.name, call: locate(call) } : null;
    // One local per call of the function it lives in.
    const instance = `${decl.id}@${frame.callSites.join('/')}`;
    let versions = this.localVersions.get(instance);
    if (!versions) this.localVersions.set(instance, (versions = []));
    nameValue(value, { name: decl.name, label: humanise(decl.name), within, versions, source: locate(src), joined, place, order: this.namedCount++ });
  }

  /** A local an `if` set on some path holds, after it, the choice between its values: named as such. */
  protected nameJoins(before: Map<number, Expr>, state: State, src: string, frame: Frame): void {
    for (const [id, value] of state.env) {
      const decl = before.has(id) && before.get(id) !== value && !namedValueOf(value) ? this.deref('VariableDeclaration', id) : null;
      if (decl && !decl.stateVariable) this.nameLocal(decl, value, src, frame, true);
    }
  }

  private readonly localVersions = new Map<string, NamedValue[]>();
  private namedCount = 0;

  protected begin(): number {
    return this.nextId;
  }

  /** Marks a statement explained when every instruction it made and every value it bound is represented. */
  protected end(firstId: number, id: number, src: string, values: Expr[], reason: Opaque['reason'] = 'statement'): void {
    const made = this.instrs.filter((i) => i.id >= firstId);
    const explained = !this.unread && values.every((v) => !hasCode(v)) && made.every((i) => !instrHasCode(i));
    const why = this.unreadReason ?? reason;
    this.unread = false;
    this.unreadReason = null;
    this.mark(id, src, explained, why);
  }

  protected mark(id: number, src: string, explained: boolean, reason: Opaque['reason']): void {
    const previous = this.statements.get(id);
    this.statements.set(id, { explained: (previous?.explained ?? true) && explained, src, reason: previous && !previous.explained ? previous.reason : reason });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function storedArith(op: '+' | '-', current: Expr, amount: Expr): Expr {
  const value = arith(op, current, amount);
  return value.kind === 'arith' ? { ...value, stored: true } : value;
}

/** `count = count + 1` is the same raise as `count += 1`. */
function raisedBy(value: Expr | null, current: Expr): Expr | null {
  if (value?.kind !== 'arith' || (value.op !== '+' && value.op !== '-') || key(value.left) !== key(current)) return value;
  return { ...value, stored: true };
}

function isGuardPrefix(prefix: Expr[], guard: Expr[]): boolean {
  return prefix.length <= guard.length && prefix.every((g, i) => key(g) === key(guard[i]));
}

/**
 * `require(msg.sender == buyer && deals[msg.sender].state == S)`: within the one check, the caller's record is
 * the Buyer's, as it is after the check (see `recordKey`).
 */
function sameRecordKeys(cond: Expr): Expr {
  if (cond.kind !== 'and') return cond;
  const party = cond.operands.map((c) => (c.kind === 'compare' && c.op === '==' ? (c.left.kind === 'caller' ? c.right : c.right.kind === 'caller' ? c.left : null) : null))
    .find((e) => e?.kind === 'variable' && (e.scope === 'state' || e.scope === 'immutable'));
  if (!party) return cond;
  return rewrite(cond, (e) => (e.kind === 'index' && e.index.kind === 'caller' ? { ...e, index: party } : null));
}
