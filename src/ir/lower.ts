/**
 * Lowering: one action's code (modifiers spliced at `_`, internal and library calls inlined, base
 * constructors and initialisers for deployment) into guarded instructions over SSA values. Expressions
 * are evaluated in the order the EVM evaluates them; `&&`, `||`, `?:`, `require`, `revert`, `try`, early
 * `return` and `continue` are branches. See types.ts for the IR and state.ts for paths and joins.
 */
import type {
  ContractDefinition,
  Expression,
  FunctionCall,
  FunctionDefinition,
  ModifierDefinition,
  ModifierInvocation,
  Statement,
  VariableDeclaration,
  YulBlock,
} from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import { resolveModifier, type ContractScope } from '../ir/scope.ts';
import { humanise } from '../ir/names.ts';
import type { ArithOp, CompareOp, Each, Expr, Payment } from '../terms/index.ts';
import { hasCode, walkExpr } from '../terms/index.ts';
import { calledFunction, isExternalTarget, isViewCall, makeDeref, type CalledFunction } from './calls.ts';
import { and, arith, choose, code, constantOf, key, literalExpr, negate, ONE, partyOfExpr, recordName, rewrite, same, typeName, variableExpr, wrapPrior, ZERO } from './exprs.ts';
import { summariseLoop, type LoopFrame } from './loops.ts';
import { fork, freshState, joinValues, merge, mergeAll, replace, type State } from './state.ts';
import type { Instr, LoweredAction, Opaque, Origin } from './types.ts';

export interface LowerContext {
  scope: ContractScope;
  /** Verbatim source text of a node (solc offsets are UTF-8 bytes). */
  codeOf(node: { src: string }): string;
  /** The party id a state variable (or a field of namespaced storage) stands for, if it is a party. */
  partyOf(decl: VariableDeclaration): string | null;
  /** Ids of every function, modifier and event parameter, to tell parameters from locals. */
  parameterIds: Set<number>;
}

/** Where code runs: the contract it is written in, the call sites that led to it, and where returns go. */
interface Frame {
  from: number;
  stack: string[];
  callSites: string[];
  via: string | null;
  returns: { state: State; values: Expr[] }[];
  /** The named return variables, read when the body ends without `return`. */
  returnDecls: VariableDeclaration[];
  loop: LoopFrame | null;
}

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const ARITH_OPS = new Set(['+', '-', '*', '/', '%', '**']);
const MAX_DEPTH = 24;
/** Markers for namespaced storage structs reached through assembly (`$.slot := LOCATION`). */
const NAMESPACE = '\u0000namespace:';

export class Lowerer {
  readonly instrs: Instr[] = [];
  readonly opaque: Opaque[] = [];
  readonly statements: LoweredAction['statements'] = new Map();
  readonly reads: string[] = [];
  private nextId = 1;
  /** Success flags (`call-outcome` values) → the instruction they report on. */
  private readonly outcomes = new WeakMap<Expr, Instr>();
  /** Locals that are storage references (`Order storage o = orders[id]`): they name a place, not a value. */
  private readonly refs = new Set<number>();
  private readonly deref;
  /** Instructions by the loop frame they ran in. */
  private readonly loopOf = new Map<number, LoopFrame>();

  constructor(private readonly ctx: LowerContext) {
    this.deref = makeDeref(ctx.scope);
  }

  // ── Entry points ────────────────────────────────────────────────────────────────────────────────

  /** A function called from outside: its modifiers, then its body. */
  lowerAction(fn: FunctionDefinition): LoweredAction {
    const state = freshState();
    const frame = this.rootFrame(fn.scope);
    this.lowerWithModifiers(fn, state, frame);
    return this.finish();
  }

  /** Deployment: for each contract from the most base, its state variable initialisers, then its constructor. */
  lowerDeployment(): LoweredAction {
    const { scope } = this.ctx;
    const state = freshState();
    for (const base of [...scope.linearized].reverse()) {
      const frame = { ...this.rootFrame(base.id), via: base.id === scope.contract.id ? null : base.name };
      for (const node of base.nodes) {
        if (node.nodeType !== 'VariableDeclaration' || !node.stateVariable || node.constant || !node.value || !state.alive) continue;
        const statementMark = this.begin();
        const value = this.ev(node.value, state, frame);
        const target = this.stateVariable(node);
        this.store(state, frame, node.src, 'set', target, value);
        this.end(statementMark, node.id, node.src, [value]);
      }
      const ctor = base.nodes.find((n): n is FunctionDefinition => n.nodeType === 'FunctionDefinition' && n.kind === 'constructor');
      if (!ctor || !state.alive) continue;
      const args = this.baseArguments(base);
      const env = new Map<number, Expr>();
      if (args) {
        const argFrame = this.rootFrame(scope.contract.id);
        ctor.parameters.parameters.forEach((param, i) => {
          if (args[i]) env.set(param.id, this.ev(args[i], state, argFrame));
        });
      }
      const saved = state.env;
      state.env = env;
      this.lowerWithModifiers(ctor, state, frame);
      state.env = saved;
    }
    return this.finish();
  }

  /** The value a view or pure function returns, read symbolically (null when any part is not understood). */
  formula(fn: FunctionDefinition): Expr | null {
    const state = freshState();
    const frame = this.rootFrame(fn.scope);
    const values = this.inline(fn, [], state, frame, null);
    const value = values[0] ?? null;
    if (!value || hasCode(value) || this.opaque.length > 0) return null;
    return value;
  }

  private rootFrame(from: number): Frame {
    return { from, stack: [], callSites: [], via: null, returns: [], returnDecls: [], loop: null };
  }

  private finish(): LoweredAction {
    const locks = this.recogniseLocks();
    for (const instr of this.instrs) {
      const loop = this.loopOf.get(instr.id);
      if (!loop) continue;
      instr.each = { over: loop.over, item: loop.item, where: instr.guard.slice(loop.entryLength) };
      instr.guard = instr.guard.slice(0, loop.entryLength);
    }
    return { instrs: this.instrs, opaque: this.opaque, statements: this.statements, reads: this.reads, locks };
  }

  // ── Functions and modifiers ───────────────────────────────────────────────────────────────────────

  private lowerWithModifiers(fn: FunctionDefinition, state: State, frame: Frame): void {
    const modifiers = fn.modifiers
      .filter((m) => m.kind !== 'baseConstructorSpecifier')
      .map((m) => ({ invocation: m, definition: this.modifierDefinition(m) }))
      .filter((m): m is { invocation: ModifierInvocation; definition: ModifierDefinition } => m.definition !== null);
    const callerEnv = state.env;
    const body = () => {
      if (!fn.body) return;
      const saved = state.env;
      state.env = new Map(callerEnv);
      this.lowerBody(fn, fn.body.statements ?? [], state, { ...frame, from: fn.scope });
      state.env = saved;
    };
    const run = (index: number) => {
      const modifier = modifiers[index];
      if (!modifier) return body();
      this.lowerModifier(modifier.invocation, modifier.definition, state, frame, () => run(index + 1));
    };
    run(0);
  }

  private modifierDefinition(invocation: ModifierInvocation): ModifierDefinition | null {
    const definition = this.deref('ModifierDefinition', invocation.modifierName.referencedDeclaration);
    return definition ? resolveModifier(this.ctx.scope, definition) : null;
  }

  private lowerModifier(invocation: ModifierInvocation, definition: ModifierDefinition, state: State, frame: Frame, next: () => void): void {
    if (!state.alive) return;
    const env = new Map<number, Expr>();
    definition.parameters.parameters.forEach((param, i) => {
      const arg = invocation.arguments?.[i];
      if (arg) env.set(param.id, this.ev(arg, state, frame));
    });
    const owner = this.ctx.scope.linearized.find((c) => c.nodes.some((n) => n.id === definition.id));
    const inner: Frame = { ...frame, from: owner?.id ?? frame.from, stack: [...frame.stack, `mod:${definition.id}`], via: frame.via ?? definition.name, returns: [], returnDecls: [] };
    this.reads.push(definition.name);
    const saved = state.env;
    state.env = env;
    let placeholderSeen = false;
    this.placeholders.push(() => {
      placeholderSeen = true;
      const modifierEnv = state.env;
      state.env = saved;
      next();
      state.env = modifierEnv;
    });
    if (definition.body) this.lowerBody(null, definition.body.statements ?? [], state, inner);
    this.placeholders.pop();
    state.env = saved;
    if (!placeholderSeen && state.alive) next();
  }

  private readonly placeholders: (() => void)[] = [];

  /**
   * Lowers a body in a frame of its own: its returns are collected, and the state that goes on after it is
   * the join of every way it ended. Returns the values returned (joined across returns).
   */
  private lowerBody(fn: FunctionDefinition | null, statements: Statement[], state: State, frame: Frame): Expr[] {
    const inner: Frame = { ...frame, returns: [], returnDecls: fn ? fn.returnParameters.parameters : [], loop: null };
    for (const decl of inner.returnDecls) if (!state.env.has(decl.id)) state.env.set(decl.id, this.defaultValue(decl));
    this.lowerStatements(statements, state, inner);
    if (state.alive) inner.returns.push({ state: fork(state, null), values: inner.returnDecls.map((d) => state.env.get(d.id) ?? this.defaultValue(d)) });
    const joined = mergeAll(inner.returns.map((r) => r.state));
    if (!joined) {
      state.alive = false;
      state.exit = 'revert';
      return [];
    }
    const count = Math.max(0, ...inner.returns.map((r) => r.values.length));
    const values: Expr[] = [];
    for (let i = 0; i < count; i++) {
      values.push(joinValues(inner.returns.map((r) => ({ guard: r.state.guard, value: r.values[i] ?? code('') })))!);
    }
    const env = state.env;
    replace(state, joined);
    state.env = env;
    return values;
  }

  private defaultValue(decl: VariableDeclaration): Expr {
    const type = decl.typeDescriptions.typeString ?? '';
    if (type === 'bool') return { kind: 'bool', value: false };
    if (/^u?int\d*$/.test(type)) return ZERO;
    if (type.startsWith('address')) return { kind: 'zero-address' };
    return variableExpr(decl, this.ctx.parameterIds.has(decl.id) ? 'parameter' : 'local', null, null);
  }

  /** Inlines an internal or library function at a call site; the arguments are already evaluated. */
  private inline(fn: FunctionDefinition, args: Expr[], state: State, frame: Frame, callSite: string | null): Expr[] {
    const stackKey = `fn:${fn.id}`;
    if (frame.stack.includes(stackKey) || frame.stack.length > MAX_DEPTH || !fn.body) return [];
    this.reads.push(fn.name);
    const env = new Map<number, Expr>();
    fn.parameters.parameters.forEach((param, i) => {
      if (args[i]) env.set(param.id, args[i]);
      if (args[i] && isStorageRef(param)) this.refs.add(param.id);
    });
    const inner: Frame = {
      ...frame,
      from: fn.scope,
      stack: [...frame.stack, stackKey],
      callSites: callSite ? [...frame.callSites, callSite] : frame.callSites,
      via: frame.via ?? fn.name,
    };
    const saved = state.env;
    state.env = env;
    let values: Expr[] = [];
    const modifiers = fn.modifiers.filter((m) => m.kind !== 'baseConstructorSpecifier');
    if (modifiers.length > 0) {
      this.lowerWithModifiers(fn, state, inner);
    } else {
      values = this.lowerBody(fn, fn.body.statements ?? [], state, inner);
    }
    state.env = saved;
    return values;
  }

  // ── Statements ──────────────────────────────────────────────────────────────────────────────────

  private lowerStatements(statements: readonly Statement[], state: State, frame: Frame): void {
    for (const statement of statements) {
      if (!state.alive) return;
      this.lowerStatement(statement, state, frame);
    }
  }

  private begin(): number {
    return this.nextId;
  }

  /** Marks a statement explained when every instruction it made and every value it bound is represented. */
  private end(firstId: number, id: number, src: string, values: Expr[], reason: Opaque['reason'] = 'statement'): void {
    const made = this.instrs.filter((i) => i.id >= firstId);
    const explained = values.every((v) => !hasCode(v)) && made.every((i) => !instrHasCode(i));
    this.mark(id, src, explained, reason);
  }

  private mark(id: number, src: string, explained: boolean, reason: Opaque['reason']): void {
    const previous = this.statements.get(id);
    this.statements.set(id, { explained: (previous?.explained ?? true) && explained, src, reason: previous && !previous.explained ? previous.reason : reason });
  }

  private lowerStatement(statement: Statement, state: State, frame: Frame): void {
    const first = this.begin();
    if (frame.loop?.steps.has(statement.id)) {
      this.mark(statement.id, statement.src, true, 'loop');
      return;
    }
    switch (statement.nodeType) {
      case 'PlaceholderStatement': {
        const next = this.placeholders[this.placeholders.length - 1];
        next?.();
        return;
      }
      case 'Block':
      case 'UncheckedBlock':
        this.lowerStatements(statement.statements ?? [], state, frame);
        return;
      case 'ExpressionStatement': {
        const value = this.ev(statement.expression, state, frame);
        // A bare call's result is dropped; what counts is what it did.
        const kept = statement.expression.nodeType === 'FunctionCall' || statement.expression.nodeType === 'Assignment' || statement.expression.nodeType === 'UnaryOperation' ? [] : [value];
        this.end(first, statement.id, statement.src, kept);
        return;
      }
      case 'VariableDeclarationStatement': {
        const bound = this.declare(statement, state, frame);
        this.end(first, statement.id, statement.src, bound);
        return;
      }
      case 'EmitStatement': {
        const args = statement.eventCall.arguments.map((a) => this.ev(a, state, frame));
        const event = callName(statement.eventCall);
        this.add(state, frame, statement.src, { k: 'emit', event, args });
        this.end(first, statement.id, statement.src, []);
        return;
      }
      case 'RevertStatement': {
        statement.errorCall.arguments.forEach((a) => this.ev(a, state, frame));
        this.revert(state, frame, statement.src, { message: null, error: callName(statement.errorCall) });
        this.end(first, statement.id, statement.src, []);
        return;
      }
      case 'IfStatement':
        this.lowerIf(statement, state, frame, first);
        return;
      case 'Return': {
        const values = statement.expression ? this.evMulti(statement.expression, state, frame) : frame.returnDecls.map((d) => state.env.get(d.id) ?? this.defaultValue(d));
        if (state.alive) {
          frame.returns.push({ state: fork(state, null), values });
          state.alive = false;
          state.exit = 'exit';
        }
        this.end(first, statement.id, statement.src, values);
        return;
      }
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        summariseLoop(this.loopHooks(), statement, state, frame);
        return;
      case 'Continue':
        if (frame.loop) {
          frame.loop.continues.push(fork(state, null));
          state.alive = false;
          state.exit = 'exit';
        }
        this.mark(statement.id, statement.src, frame.loop !== null, 'loop');
        return;
      case 'Break':
        this.mark(statement.id, statement.src, false, 'loop');
        state.alive = false;
        state.exit = 'exit';
        return;
      case 'InlineAssembly':
        this.lowerAssembly(statement, state, frame);
        return;
      case 'TryStatement':
        this.lowerTry(statement, state, frame, first);
        return;
      default: {
        const other = statement as { id: number; src: string };
        this.mark(other.id, other.src, false, 'statement');
        this.opaque.push({ src: other.src, reason: 'statement' });
      }
    }
  }

  private declare(statement: Extract<Statement, { nodeType: 'VariableDeclarationStatement' }>, state: State, frame: Frame): Expr[] {
    const decls = statement.declarations;
    const initial = statement.initialValue;
    let values: Expr[];
    if (!initial) values = decls.map((d) => (d ? this.defaultValue(d) : ZERO));
    else if (decls.length === 1) values = [this.ev(initial, state, frame)];
    else values = this.evMulti(initial, state, frame);
    const bound: Expr[] = [];
    decls.forEach((decl, i) => {
      if (!decl) return;
      const value = values[i] ?? code(decl.name);
      if (isStorageRef(decl)) this.refs.add(decl.id);
      state.env.set(decl.id, value);
      // A flag or the data a call returned is represented by the call itself.
      if (value.kind !== 'call-outcome' && !(i > 0 && decls.length > 1)) bound.push(value);
    });
    return bound;
  }

  private lowerIf(statement: Extract<Statement, { nodeType: 'IfStatement' }>, state: State, frame: Frame, first: number): void {
    const condition = this.ev(statement.condition, state, frame);
    this.end(first, statement.id, statement.src, [condition]);
    this.branch(state, condition, (s) => this.lowerStatement(statement.trueBody, s, frame), statement.falseBody ? (s) => this.lowerStatement(statement.falseBody!, s, frame) : null);
  }

  /** Runs both sides of a branch and joins them into `state`. */
  private branch(state: State, condition: Expr, then: (s: State) => void, otherwise: ((s: State) => void) | null): void {
    this.noteGuard(condition);
    const base = state.guard.length;
    const a = fork(state, condition);
    then(a);
    const b = fork(state, negate(condition));
    otherwise?.(b);
    // A side that only reverts is a condition of the action, not a path: the other side goes on unguarded by it.
    if (!a.alive && a.exit === 'revert' && b.alive) b.guard = [...b.guard.slice(0, base), ...b.guard.slice(base + 1)];
    if (!b.alive && b.exit === 'revert' && a.alive) a.guard = [...a.guard.slice(0, base), ...a.guard.slice(base + 1)];
    replace(state, merge(a, b));
  }

  private lowerTry(statement: Extract<Statement, { nodeType: 'TryStatement' }>, state: State, frame: Frame, first: number): void {
    const call = statement.externalCall;
    const results = this.evCall(call, state, frame);
    const instr = [...this.instrs].reverse().find((i) => i.id >= first && (i.k === 'call' || i.k === 'pay'));
    const outcome: Expr = instr?.k === 'pay'
      ? { kind: 'call-outcome', call: 'payment', target: instr.to, name: instr.method, amount: instr.amount }
      : { kind: 'call-outcome', call: 'call', target: instr?.k === 'call' ? instr.target : code(this.ctx.codeOf(call)), name: instr?.k === 'call' ? instr.name : '', amount: null };
    if (instr) this.outcomes.set(outcome, instr);
    this.end(first, statement.id, statement.src, []);
    const [success, ...failures] = statement.clauses;
    const clause = (c: typeof success, s: State, values: Expr[]) => {
      c.parameters?.parameters.forEach((p, i) => s.env.set(p.id, values[i] ?? code(p.name)));
      this.lowerStatements(c.block.statements ?? [], s, frame);
    };
    this.branch(
      state,
      outcome,
      (s) => clause(success, s, results),
      failures.length > 0 ? (s) => failures.forEach((c) => s.alive && clause(c, s, [code(`the error data`)])) : null,
    );
  }

  private lowerAssembly(statement: Extract<Statement, { nodeType: 'InlineAssembly' }>, state: State, frame: Frame): void {
    // Compilers before 0.6 give the assembly as text only.
    const block = (statement.AST as YulBlock | undefined) ?? { statements: [], nodeType: 'YulBlock', src: statement.src };
    const last = block.statements[block.statements.length - 1];
    if (last?.nodeType === 'YulExpressionStatement' && last.expression.nodeType === 'YulFunctionCall' && last.expression.functionName.name === 'revert') {
      this.revert(state, frame, statement.src, { message: null, error: null });
      this.mark(statement.id, statement.src, true, 'assembly');
      return;
    }
    // `$.slot := LOCATION`: a storage pointer to a namespaced struct (ERC-7201).
    const slots = (statement.externalReferences ?? []).filter((r) => r.isSlot);
    const onlySlots = block.statements.length > 0 && block.statements.every((s) => s.nodeType === 'YulAssignment' && s.variableNames.every((v) => v.name.endsWith('.slot')));
    if (slots.length > 0 && onlySlots) {
      for (const reference of slots) {
        const decl = this.deref('VariableDeclaration', reference.declaration);
        const struct = /^struct (\S+)/.exec(decl?.typeDescriptions.typeString ?? '');
        if (decl && struct) {
          state.env.set(decl.id, code(`${NAMESPACE}${struct[1]}`));
          this.refs.add(decl.id);
        }
      }
      this.mark(statement.id, statement.src, true, 'assembly');
      return;
    }
    this.mark(statement.id, statement.src, false, 'assembly');
    this.opaque.push({ src: statement.src, reason: 'assembly' });
    // What the block assigns is unknown from here on.
    for (const reference of statement.externalReferences ?? []) {
      if (state.env.has(reference.declaration) && !this.refs.has(reference.declaration)) state.env.set(reference.declaration, code(this.ctx.codeOf(statement).split('\n')[0]));
    }
  }

  // ── Instructions ──────────────────────────────────────────────────────────────────────────────────

  private origin(frame: Frame, src: string): Origin {
    return { src, callSites: frame.callSites };
  }

  private add(state: State, frame: Frame, src: string, body: DistributiveOmit<Instr, 'id' | 'guard' | 'each' | 'origin' | 'via'>): Instr {
    const instr = { ...body, id: this.nextId++, guard: [...state.guard], each: null, origin: this.origin(frame, src), via: frame.via } as Instr;
    this.instrs.push(instr);
    if (frame.loop) this.loopOf.set(instr.id, frame.loop);
    return instr;
  }

  /**
   * A revert under the path condition: "the last branch taken must not hold". Everything done on this path
   * since is undone, so those instructions are dropped.
   */
  private revert(state: State, frame: Frame, src: string, detail: { message: string | null; error: string | null }): void {
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

  private dropPath(guard: Expr[]): void {
    const keys = guard.map(key);
    for (let i = this.instrs.length - 1; i >= 0; i--) {
      const instr = this.instrs[i];
      if (instr.guard.length < keys.length) continue;
      if (keys.every((k, j) => key(instr.guard[j]) === k)) this.instrs.splice(i, 1);
    }
  }

  /** `require(cond)`: a success flag in it marks its payment checked; what is left is a condition of the action. */
  private requireOf(cond: Expr, state: State, frame: Frame, src: string, detail: { message: string | null; error: string | null }, form: 'require' | 'if-revert' | 'assert'): void {
    this.noteGuard(cond);
    const rest = withoutOutcomes(cond);
    if (rest === null || (rest.kind === 'bool' && rest.value)) return;
    this.add(state, frame, src, { k: 'require', cond: rest, message: detail.message, error: detail.error, form });
  }

  /** A success flag that reaches a branch or a require is checked. */
  private noteGuard(condition: Expr): void {
    for (const node of walkExpr(condition)) {
      const instr = this.outcomes.get(node);
      if (instr && (instr.k === 'pay' || instr.k === 'call')) instr.checked = true;
    }
  }

  private store(state: State, frame: Frame, src: string, op: 'set' | 'increase' | 'decrease' | 'delete' | 'push', target: Expr, value: Expr | null): void {
    if (!state.alive) return;
    this.add(state, frame, src, { k: 'store', op, target, value });
    const current = this.load(state, target);
    const next: Expr | null =
      op === 'set' ? value : op === 'increase' ? arith('+', current, value!) : op === 'decrease' ? arith('-', current, value!) : op === 'delete' ? this.zeroOf(target) : null;
    this.forget(state, target);
    if (next && op !== 'push') state.mem.set(key(target), { place: target, value: next });
  }

  /** A place was written: values read from it before are now its value "before the call"; entries that may alias go. */
  private forget(state: State, target: Expr): void {
    const root = placeRoot(target);
    for (const k of [...state.mem.keys()]) {
      const entry = state.mem.get(k)!;
      if (k !== key(target) && placeRoot(entry.place) === root && (mentionsPlace(entry.place, target) || mentionsPlace(target, entry.place) || mayAlias(entry.place, target))) state.mem.delete(k);
    }
    for (const [id, value] of state.env) {
      if (this.refs.has(id)) continue;
      const wrapped = wrapPrior(value, target);
      if (wrapped !== value) state.env.set(id, wrapped);
    }
  }

  private zeroOf(target: Expr): Expr {
    if (target.kind === 'variable' || target.kind === 'member') {
      const type = target.type;
      if (type === 'bool') return { kind: 'bool', value: false };
      if (type.startsWith('address')) return { kind: 'zero-address' };
      if (/^u?int/.test(type)) return ZERO;
    }
    return code('');
  }

  /** The value a place holds on this path: what this path stored there, else the place itself (its value before the call). */
  private load(state: State, place: Expr): Expr {
    return state.mem.get(key(place))?.value ?? place;
  }

  // ── Expressions ───────────────────────────────────────────────────────────────────────────────────

  private codeOf(node: { src: string }): Expr {
    return code(this.ctx.codeOf(node));
  }

  /** Evaluates an expression for its value, lowering whatever it does on the way. */
  ev(node: Expression, state: State, frame: Frame): Expr {
    switch (node.nodeType) {
      case 'Literal':
        return literalExpr(node, this.ctx.codeOf(node));
      case 'Identifier':
        return this.evIdentifier(node, state) ?? this.codeOf(node);
      case 'MemberAccess':
        return this.evMember(node, state, frame) ?? this.codeOf(node);
      case 'IndexAccess': {
        if (!node.indexExpression) return this.codeOf(node);
        const base = this.ev(node.baseExpression, state, frame);
        const index = this.ev(node.indexExpression, state, frame);
        return this.load(state, this.indexPlace(base, index, node.typeDescriptions.typeString));
      }
      case 'BinaryOperation':
        return this.evBinary(node, state, frame);
      case 'UnaryOperation':
        return this.evUnary(node, state, frame);
      case 'Conditional': {
        const condition = this.ev(node.condition, state, frame);
        if (!hasEffects(node.trueExpression) && !hasEffects(node.falseExpression)) return choose(condition, this.ev(node.trueExpression, state, frame), this.ev(node.falseExpression, state, frame));
        let a: Expr = ZERO;
        let b: Expr = ZERO;
        this.branch(state, condition, (s) => (a = this.ev(node.trueExpression, s, frame)), (s) => (b = this.ev(node.falseExpression, s, frame)));
        return choose(condition, a, b);
      }
      case 'Assignment':
        return this.assign(node, state, frame);
      case 'TupleExpression':
        if (node.components.length === 1 && node.components[0]) return this.ev(node.components[0], state, frame);
        node.components.forEach((c) => c && this.ev(c, state, frame));
        return this.codeOf(node);
      case 'FunctionCall':
        return this.evCall(node, state, frame)[0] ?? this.codeOf(node);
      default:
        return this.codeOf(node);
    }
  }

  /** Values of an expression that yields several (a tuple, or a call returning several values). */
  evMulti(node: Expression, state: State, frame: Frame): Expr[] {
    if (node.nodeType === 'TupleExpression' && node.components.length !== 1) return node.components.map((c) => (c ? this.ev(c, state, frame) : ZERO));
    if (node.nodeType === 'FunctionCall') {
      const values = this.evCall(node, state, frame);
      return values.length > 0 ? values : [this.codeOf(node)];
    }
    return [this.ev(node, state, frame)];
  }

  private evIdentifier(node: Extract<Expression, { nodeType: 'Identifier' }>, state: State): Expr | null {
    const id = node.referencedDeclaration;
    if (node.name === 'now' && id !== null && id !== undefined && id < 0) return { kind: 'now' };
    if (node.name === 'this') return { kind: 'this' };
    if (id === null || id === undefined) return null;
    const bound = state.env.get(id);
    if (bound) return bound;
    const decl = this.deref('VariableDeclaration', id);
    if (!decl) return null;
    if (decl.stateVariable) return decl.constant || decl.mutability === 'immutable' ? this.load(state, this.stateVariable(decl)) : this.load(state, this.stateVariable(decl));
    return variableExpr(decl, this.ctx.parameterIds.has(decl.id) ? 'parameter' : 'local', null, null);
  }

  stateVariable(decl: VariableDeclaration): Expr {
    const scope = decl.constant ? 'constant' : decl.mutability === 'immutable' ? 'immutable' : 'state';
    const value = decl.constant && decl.value ? constantOf(this.ev(decl.value, freshState(), this.rootFrame(decl.scope))) : null;
    return variableExpr(decl, scope, this.ctx.partyOf(decl), value);
  }

  private evMember(node: Extract<Expression, { nodeType: 'MemberAccess' }>, state: State, frame: Frame): Expr | null {
    const base = node.expression;
    if (base.nodeType === 'Identifier') {
      const global = `${base.name}.${node.memberName}`;
      if (base.referencedDeclaration !== undefined && base.referencedDeclaration !== null && base.referencedDeclaration < 0) {
        if (global === 'msg.sender') return { kind: 'caller' };
        if (global === 'msg.value') return { kind: 'value-sent' };
        if (global === 'block.timestamp') return { kind: 'now' };
        if (global === 'block.number') return { kind: 'block-number' };
        if (global === 'tx.origin') {
          this.add(state, frame, node.src, { k: 'tx-origin' });
          return { kind: 'origin' };
        }
        return null;
      }
      const enumDef = this.deref('EnumDefinition', base.referencedDeclaration);
      if (enumDef) return { kind: 'enum-member', enumName: enumDef.name, member: node.memberName, label: humanise(node.memberName) };
    }
    // A constant of another contract or library (`Lib.RATE`).
    const referenced = this.deref('VariableDeclaration', node.referencedDeclaration);
    if (referenced?.stateVariable && referenced.constant) return this.stateVariable(referenced);
    if (node.memberName === 'balance') return { kind: 'balance', of: this.ev(base, state, frame) };
    if (node.memberName === 'length') return { kind: 'length', of: this.ev(base, state, frame) };
    const object = this.ev(base, state, frame);
    if (object.kind === 'code') {
      if (object.text.startsWith(NAMESPACE) && referenced) {
        // A field of namespaced storage is a state variable in all but where it is kept.
        return this.load(state, variableExpr(referenced, 'state', this.ctx.partyOf({ ...referenced, stateVariable: true }), null));
      }
      return null;
    }
    return this.load(state, { kind: 'member', object, member: node.memberName, label: humanise(node.memberName), type: typeName(node.typeDescriptions.typeString) });
  }

  private indexPlace(base: Expr, index: Expr, typeString: string | null | undefined): Expr {
    if (index.kind === 'position' && same(index.of, base)) return { kind: 'each', of: base, item: recordName(typeString) };
    return { kind: 'index', base, index, item: recordName(typeString) };
  }

  private evBinary(node: Extract<Expression, { nodeType: 'BinaryOperation' }>, state: State, frame: Frame): Expr {
    const { operator } = node;
    const left = this.ev(node.leftExpression, state, frame);
    if ((operator === '&&' || operator === '||') && hasEffects(node.rightExpression)) {
      let right: Expr = ZERO;
      const run = (s: State) => (right = this.ev(node.rightExpression, s, frame));
      if (operator === '&&') this.branch(state, left, run, null);
      else this.branch(state, negate(left), run, null);
      return operator === '&&' ? and([left, right]) : { kind: 'or', operands: [left, right] };
    }
    const right = this.ev(node.rightExpression, state, frame);
    if (COMPARE_OPS.has(operator)) {
      // For an unsigned number, `x <= 0` is `x == 0` and `x > 0` is `x != 0`; for a signed one they are not.
      const unsigned = (side: Expression) => /^uint/.test(side.typeDescriptions.typeString ?? '');
      if (unsigned(node.leftExpression) && constantOf(right) === '0' && (operator === '<=' || operator === '>')) return compareOf(operator === '<=' ? '==' : '!=', left, right);
      if (unsigned(node.rightExpression) && constantOf(left) === '0' && (operator === '>=' || operator === '<')) return compareOf(operator === '>=' ? '==' : '!=', right, left);
      return compareOf(operator as CompareOp, left, right);
    }
    if (operator === '&&') return { kind: 'and', operands: [...(left.kind === 'and' ? left.operands : [left]), ...(right.kind === 'and' ? right.operands : [right])] };
    if (operator === '||') return { kind: 'or', operands: [...(left.kind === 'or' ? left.operands : [left]), ...(right.kind === 'or' ? right.operands : [right])] };
    if (ARITH_OPS.has(operator)) return arith(operator as ArithOp, left, right);
    return this.codeOf(node);
  }

  private evUnary(node: Extract<Expression, { nodeType: 'UnaryOperation' }>, state: State, frame: Frame): Expr {
    if (node.operator === '!') return negate(this.ev(node.subExpression, state, frame));
    if (node.operator === '++' || node.operator === '--') {
      const old = this.ev(node.subExpression, state, frame);
      const updated = arith(node.operator === '++' ? '+' : '-', old, ONE);
      this.write(node.subExpression, node.operator === '++' ? 'increase' : 'decrease', ONE, updated, state, frame, node.src);
      return node.prefix ? updated : old;
    }
    if (node.operator === 'delete') {
      this.write(node.subExpression, 'delete', null, null, state, frame, node.src);
      return ZERO;
    }
    return this.codeOf(node);
  }

  private assign(node: Extract<Expression, { nodeType: 'Assignment' }>, state: State, frame: Frame): Expr {
    const lhs = node.leftHandSide;
    if (lhs.nodeType === 'TupleExpression' && lhs.components.length > 1) {
      const values = this.evMulti(node.rightHandSide, state, frame);
      lhs.components.forEach((component, i) => {
        if (component && values[i]) this.write(component, 'set', values[i], values[i], state, frame, node.src);
      });
      return values[0] ?? ZERO;
    }
    const value = this.ev(node.rightHandSide, state, frame);
    if (node.operator === '=') {
      this.write(lhs, 'set', value, value, state, frame, node.src);
      return value;
    }
    const op = node.operator.slice(0, -1);
    const current = this.ev(lhs, state, frame);
    const updated = ARITH_OPS.has(op) ? arith(op as ArithOp, current, value) : this.codeOf(node);
    const kind = op === '+' ? 'increase' : op === '-' ? 'decrease' : 'set';
    this.write(lhs, kind, kind === 'set' ? updated : value, updated, state, frame, node.src);
    return updated;
  }

  /** A write to a local (a new SSA value) or to storage (a store instruction). */
  private write(lhs: Expression, op: 'set' | 'increase' | 'decrease' | 'delete', stored: Expr | null, updated: Expr | null, state: State, frame: Frame, src: string): void {
    if (lhs.nodeType === 'Identifier') {
      const decl = this.deref('VariableDeclaration', lhs.referencedDeclaration);
      if (decl && !decl.stateVariable) {
        if (this.refs.has(decl.id) && op === 'set') {
          state.env.set(decl.id, stored ?? ZERO);
          return;
        }
        state.env.set(decl.id, updated ?? this.defaultValue(decl));
        return;
      }
    }
    const target = this.placeOf(lhs, state, frame);
    if (!target) return;
    if (this.isStorage(lhs)) this.store(state, frame, src, op, target, stored);
    else if (updated) {
      // A field of a local copy in memory: later reads of it see the new value; storage is not touched.
      this.forget(state, target);
      state.mem.set(key(target), { place: target, value: updated });
    }
  }

  /** The place an assignment's left side names (not its value). */
  private placeOf(lhs: Expression, state: State, frame: Frame): Expr | null {
    switch (lhs.nodeType) {
      case 'Identifier': {
        const decl = this.deref('VariableDeclaration', lhs.referencedDeclaration);
        if (!decl) return null;
        return decl.stateVariable ? this.stateVariable(decl) : state.env.get(decl.id) ?? null;
      }
      case 'MemberAccess': {
        const object = this.placeOf(lhs.expression, state, frame) ?? this.ev(lhs.expression, state, frame);
        const referenced = this.deref('VariableDeclaration', lhs.referencedDeclaration);
        if (object.kind === 'code' && object.text.startsWith(NAMESPACE) && referenced) return variableExpr(referenced, 'state', this.ctx.partyOf({ ...referenced, stateVariable: true }), null);
        return { kind: 'member', object, member: lhs.memberName, label: humanise(lhs.memberName), type: typeName(lhs.typeDescriptions.typeString) };
      }
      case 'IndexAccess': {
        if (!lhs.indexExpression) return null;
        const base = this.placeOf(lhs.baseExpression, state, frame) ?? this.ev(lhs.baseExpression, state, frame);
        return this.indexPlace(base, this.ev(lhs.indexExpression, state, frame), lhs.typeDescriptions.typeString);
      }
      case 'TupleExpression':
        return lhs.components.length === 1 && lhs.components[0] ? this.placeOf(lhs.components[0], state, frame) : null;
      default:
        return null;
    }
  }

  /** True when the left side of a write is in storage (a state variable, or reached through a storage reference). */
  private isStorage(lhs: Expression): boolean {
    if (lhs.nodeType === 'Identifier') return this.deref('VariableDeclaration', lhs.referencedDeclaration)?.stateVariable ?? false;
    if (lhs.nodeType === 'TupleExpression' && lhs.components[0]) return this.isStorage(lhs.components[0]);
    const base = lhs.nodeType === 'MemberAccess' ? lhs.expression : lhs.nodeType === 'IndexAccess' ? lhs.baseExpression : null;
    if (!base) return false;
    const type = base.typeDescriptions.typeString ?? '';
    if (/ storage (ref|pointer)$/.test(type) || /^mapping\(/.test(type)) return true;
    if (/ (memory|calldata)$/.test(type)) return false;
    return this.isStorage(base);
  }

  // ── Calls ─────────────────────────────────────────────────────────────────────────────────────────

  /** A call's result values (several for a tuple), lowering what it does. */
  evCall(node: FunctionCall, state: State, frame: Frame): Expr[] {
    const callee = node.expression;
    const args = node.arguments;
    if (node.kind === 'typeConversion') {
      const arg = args[0];
      if (!arg) return [];
      const to = node.typeDescriptions.typeString ?? '';
      const operand = this.ev(arg, state, frame);
      if (to.startsWith('address') && constantOf(operand) === '0') return [{ kind: 'zero-address' }];
      if (operand.kind === 'this') return [operand];
      return [{ kind: 'convert', to, operand }];
    }
    if (node.kind === 'structConstructorCall') return [this.evStruct(node, state, frame) ?? this.codeOf(node)];
    if (callee.nodeType === 'Identifier' && (callee.referencedDeclaration ?? 0) < 0) {
      const builtin = this.evBuiltin(callee.name, node, state, frame);
      if (builtin) return builtin;
    }
    if (callee.nodeType === 'MemberAccess' && callee.expression.nodeType === 'Identifier' && callee.expression.name === 'abi') {
      args.forEach((a) => this.ev(a, state, frame));
      return [this.codeOf(node)];
    }
    const payment = this.evPayment(node, state, frame);
    if (payment) return payment;
    const fn = calledFunction(this.ctx.scope, node, frame.from);
    if (fn) {
      const known = this.evLibrary(fn, node, state, frame);
      if (known) return known;
      if (fn.internal) return this.evInternal(fn, node, state, frame);
    }
    if (callee.nodeType === 'MemberAccess' && (callee.memberName === 'push' || callee.memberName === 'pop') && /\[\]/.test(callee.expression.typeDescriptions.typeString ?? '')) {
      const target = this.placeOf(callee.expression, state, frame) ?? this.ev(callee.expression, state, frame);
      const value = args[0] ? this.ev(args[0], state, frame) : null;
      if (this.isStorage(callee.expression) || callee.expression.nodeType === 'Identifier') this.store(state, frame, node.src, callee.memberName === 'push' ? 'push' : 'delete', target, value);
      return [];
    }
    if (callee.nodeType === 'MemberAccess' && node.kind === 'functionCall' && isExternalTarget(callee)) return this.evExternal(node, callee, state, frame);
    if (callee.nodeType === 'FunctionCallOptions' && callee.expression.nodeType === 'MemberAccess' && isExternalTarget(callee.expression)) {
      callee.options.forEach((o) => this.ev(o, state, frame));
      return this.evExternal(node, callee.expression, state, frame);
    }
    args.forEach((a) => this.ev(a, state, frame));
    return [];
  }

  private evBuiltin(name: string, node: FunctionCall, state: State, frame: Frame): Expr[] | null {
    const args = node.arguments;
    switch (name) {
      case 'require':
      case 'assert': {
        const condition = this.ev(args[0], state, frame);
        const messageNode = args[1];
        if (messageNode && messageNode.nodeType !== 'Literal') this.ev(messageNode, state, frame);
        const message = messageNode?.nodeType === 'Literal' ? messageNode.value ?? null : null;
        const error = messageNode?.nodeType === 'FunctionCall' ? callName(messageNode) : null;
        if (state.alive) this.requireOf(condition, state, frame, node.src, { message, error }, name === 'assert' ? 'assert' : 'require');
        return [];
      }
      case 'revert': {
        const messageNode = args[0];
        this.revert(state, frame, node.src, { message: messageNode?.nodeType === 'Literal' ? messageNode.value ?? null : null, error: null });
        return [];
      }
      case 'selfdestruct':
      case 'suicide':
        args.forEach((a) => this.ev(a, state, frame));
        this.add(state, frame, node.src, { k: 'selfdestruct' });
        return [];
      case 'keccak256':
      case 'sha256':
        return [{ kind: 'hash', fn: name, args: encodedArguments(args).map((a) => this.ev(a, state, frame)) }];
      case 'ecrecover':
        return [{ kind: 'signer', args: args.map((a) => this.ev(a, state, frame)) }];
      default:
        return null;
    }
  }

  /** ETH sent by transfer, send and call{value}; ERC-20 tokens by transfer and transferFrom on a contract. */
  private evPayment(node: FunctionCall, state: State, frame: Frame): Expr[] | null {
    const callee = node.expression;
    if (callee.nodeType === 'FunctionCallOptions') {
      const valueIndex = callee.names.indexOf('value');
      const inner = callee.expression;
      if (valueIndex < 0 || inner.nodeType !== 'MemberAccess' || inner.memberName !== 'call') return null;
      const to = this.ev(inner.expression, state, frame);
      const amount = this.ev(callee.options[valueIndex], state, frame);
      node.arguments.forEach((a) => this.ev(a, state, frame));
      const outcome = this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: 'call', reverts: false });
      return [outcome, { kind: 'external-call', target: to, name: 'call', args: [] }];
    }
    if (callee.nodeType !== 'MemberAccess') return null;
    const targetType = callee.expression.typeDescriptions.typeString ?? '';
    const args = node.arguments;
    if (targetType.startsWith('address') && args.length === 1 && (callee.memberName === 'transfer' || callee.memberName === 'send')) {
      const to = this.ev(callee.expression, state, frame);
      const amount = this.ev(args[0], state, frame);
      const send = callee.memberName === 'send';
      const outcome = this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: callee.memberName, reverts: !send });
      return send ? [outcome] : [];
    }
    if (targetType.startsWith('contract ') && isExternalTarget(callee) && ((callee.memberName === 'transfer' && args.length === 2) || (callee.memberName === 'transferFrom' && args.length === 3))) {
      const token = this.ev(callee.expression, state, frame);
      const values = args.map((a) => this.ev(a, state, frame));
      const [from, to, amount] = callee.memberName === 'transfer' ? [null, values[0], values[1]] : values;
      const returnsBool = /returns \(bool\)/.test(callee.typeDescriptions.typeString ?? '');
      const outcome = this.pay(state, frame, node.src, {
        asset: { kind: 'token', token },
        to,
        from,
        amount,
        direction: to.kind === 'this' ? 'in' : 'out',
        method: callee.memberName === 'transfer' ? 'erc20-transfer' : 'erc20-transferFrom',
        reverts: !returnsBool,
      });
      return returnsBool ? [outcome] : [];
    }
    return null;
  }

  private pay(state: State, frame: Frame, src: string, p: { asset: Payment['asset']; to: Expr; from: Expr | null; amount: Expr; direction: 'out' | 'in'; method: Payment['method']; reverts: boolean }): Expr {
    const instr = this.add(state, frame, src, { k: 'pay', ...p, checked: false });
    const outcome: Expr = { kind: 'call-outcome', call: 'payment', target: p.to, name: p.method, amount: p.amount };
    this.outcomes.set(outcome, instr);
    return outcome;
  }

  /**
   * Library functions whose meaning is their documented contract rather than their body: OpenZeppelin's
   * Address and SafeERC20 (payments and approvals that revert on failure), Math and SafeMath, ECDSA.
   */
  private evLibrary(fn: CalledFunction, node: FunctionCall, state: State, frame: Frame): Expr[] | null {
    if (!fn.library) return null;
    const name = fn.definition.name;
    const arity = fn.allArgs.length;
    const t = () => fn.allArgs.map((a) => this.ev(a, state, frame));
    if (name === 'sendValue' && arity === 2) {
      const [to, amount] = t();
      this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: 'sendValue', reverts: true });
      return [];
    }
    if ((name === 'functionCallWithValue' && (arity === 3 || arity === 4))) {
      const [to, , amount] = t();
      this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: 'call', reverts: true });
      return [{ kind: 'external-call', target: to, name: 'call', args: [] }];
    }
    if ((name === 'functionCall' || name === 'functionDelegateCall') && arity >= 2) {
      const [target] = t();
      if (name === 'functionDelegateCall') this.add(state, frame, node.src, { k: 'delegatecall' });
      else this.add(state, frame, node.src, { k: 'call', target, name: 'call', checked: true });
      return [{ kind: 'external-call', target, name: 'call', args: [] }];
    }
    if (name === 'safeTransfer' && arity === 3) {
      const [token, to, amount] = t();
      this.pay(state, frame, node.src, { asset: { kind: 'token', token }, to, from: null, amount, direction: to.kind === 'this' ? 'in' : 'out', method: 'safeTransfer', reverts: true });
      return [];
    }
    if (name === 'safeTransferFrom' && arity === 4 && fn.libraryName !== null && /ERC20/.test(fn.libraryName)) {
      const [token, from, to, amount] = t();
      this.pay(state, frame, node.src, { asset: { kind: 'token', token }, to, from, amount, direction: to.kind === 'this' ? 'in' : 'out', method: 'safeTransferFrom', reverts: true });
      return [];
    }
    if (/^(forceApprove|safeApprove|safeIncreaseAllowance|safeDecreaseAllowance)$/.test(name) && arity === 3) {
      const [token, spender, amount] = t();
      this.add(state, frame, node.src, { k: 'call', target: token, name: 'approve', checked: true });
      return [{ kind: 'external-call', target: token, name: 'approve', args: [spender, amount] }];
    }
    if ((name === 'min' || name === 'max') && arity === 2) return [{ kind: name, operands: t() }];
    if (['add', 'sub', 'mul', 'div', 'mod'].includes(name) && arity === 2 && fn.definition.returnParameters.parameters.length === 1) {
      const op = ({ add: '+', sub: '-', mul: '*', div: '/', mod: '%' } as const)[name as 'add'];
      const [a, b] = t();
      return [arith(op, a, b)];
    }
    if (name === 'mulDiv' && (arity === 3 || arity === 4)) {
      const [a, b, c] = t();
      return [arith('/', arith('*', a, b), c)];
    }
    if (name === 'recover' || name === 'tryRecover') return [{ kind: 'signer', args: t() }];
    return null;
  }

  private evInternal(fn: CalledFunction, node: FunctionCall, state: State, frame: Frame): Expr[] {
    const args = fn.allArgs.map((a) => this.ev(a, state, frame));
    const definition = fn.definition;
    if (!definition.body) return [];
    const statements = definition.body.statements ?? [];
    const view = definition.stateMutability === 'view' || definition.stateMutability === 'pure';
    const single = statements.length === 1 && statements[0].nodeType === 'Return';
    const values = this.inline(definition, args, state, frame, frame.callSites.length === 0 ? this.statementSrc(node) : this.statementSrc(node));
    const returnsPlace = definition.returnParameters.parameters.some((p) => isStorageRef(p));
    // A getter that reads one stored value (through a helper or a storage pointer) reads as that value.
    const readsOnePlace = values.length === 1 && isPlace(values[0]);
    if (view && !single && !returnsPlace && !readsOnePlace && definition.returnParameters.parameters.length === 1) {
      // A computed amount is named (its formula is stated once, under definitions), not spelled out in every sentence.
      return [{ kind: 'call', name: definition.name, label: humanise(definition.name), args }];
    }
    return values;
  }

  private statementSrc(node: { src: string }): string {
    return node.src;
  }

  private evExternal(node: FunctionCall, callee: Extract<Expression, { nodeType: 'MemberAccess' }>, state: State, frame: Frame): Expr[] {
    const target = this.ev(callee.expression, state, frame);
    const args = node.arguments.map((a) => this.ev(a, state, frame));
    if (callee.memberName === 'balanceOf' && args.length === 1) return [{ kind: 'token-balance', token: target, of: args[0] }];
    if (callee.memberName === 'delegatecall') this.add(state, frame, node.src, { k: 'delegatecall' });
    const view = isViewCall(callee);
    if (!view) this.add(state, frame, node.src, { k: 'call', target, name: callee.memberName, checked: false });
    return [{ kind: 'external-call', target, name: callee.memberName, args }];
  }

  private evStruct(node: FunctionCall, state: State, frame: Frame): Expr | null {
    const id = node.expression.nodeType === 'Identifier' || node.expression.nodeType === 'MemberAccess' ? node.expression.referencedDeclaration : null;
    const definition = this.deref('StructDefinition', id);
    if (!definition) return null;
    const names = node.names.length > 0 ? node.names : definition.members.map((m) => m.name);
    const fields = names.map((name, i) => ({ name, label: humanise(name), value: this.ev(node.arguments[i], state, frame) }));
    return { kind: 'struct', name: definition.name, label: humanise(definition.name), fields };
  }

  // ── Loops and locks ───────────────────────────────────────────────────────────────────────────────

  private loopHooks() {
    return {
      ev: (node: Expression, state: State, frame: Frame) => this.ev(node, state, frame),
      lowerStatement: (statement: Statement, state: State, frame: Frame) => this.lowerStatement(statement, state, frame),
      mark: (id: number, src: string, explained: boolean) => this.mark(id, src, explained, 'loop'),
      opaque: (src: string) => this.opaque.push({ src, reason: 'loop' }),
      instrsFrom: (first: number) => this.instrs.filter((i) => i.id >= first),
      dropFrom: (first: number) => {
        for (let i = this.instrs.length - 1; i >= 0; i--) if (this.instrs[i].id >= first) this.instrs.splice(i, 1);
      },
      next: () => this.nextId,
      forget: (state: State, target: Expr) => this.forget(state, target),
      isLocal: (id: number) => !this.refs.has(id),
      codeOf: (node: { src: string }) => this.ctx.codeOf(node),
    };
  }

  /**
   * A modifier that writes the same storage twice (set before the body, reset after) and checks it is a
   * reentrancy lock: bookkeeping, not a term. Its writes and checks are set aside.
   */
  private recogniseLocks(): LoweredAction['locks'] {
    const locks: LoweredAction['locks'] = [];
    const byModifier = new Map<string, Instr[]>();
    for (const instr of this.instrs) {
      if (!instr.via) continue;
      const list = byModifier.get(instr.via) ?? [];
      list.push(instr);
      byModifier.set(instr.via, list);
    }
    for (const [modifier, instrs] of byModifier) {
      if (!this.reads.includes(modifier)) continue;
      const written = instrs.filter((i): i is Extract<Instr, { k: 'store' }> => i.k === 'store').map((i) => key(i.target));
      const lock = written.find((k, i) => written.indexOf(k) !== i);
      if (!lock) continue;
      locks.push({ modifier, target: lock });
      for (let i = this.instrs.length - 1; i >= 0; i--) {
        const instr = this.instrs[i];
        if (instr.via !== modifier) continue;
        if ((instr.k === 'store' && key(instr.target) === lock) || (instr.k === 'require' && onlyAbout(instr.cond, lock))) this.instrs.splice(i, 1);
      }
    }
    return locks;
  }

  /** Arguments given to a base's constructor, in an inheritance specifier or a constructor's modifier list. */
  private baseArguments(base: ContractDefinition): readonly Expression[] | null {
    for (const contract of this.ctx.scope.linearized) {
      for (const spec of contract.baseContracts) {
        if (spec.baseName.referencedDeclaration === base.id && spec.arguments?.length) return spec.arguments;
      }
      const ctor = contract.nodes.find((n): n is FunctionDefinition => n.nodeType === 'FunctionDefinition' && n.kind === 'constructor');
      for (const modifier of ctor?.modifiers ?? []) {
        if (modifier.modifierName.referencedDeclaration === base.id && modifier.arguments?.length) return modifier.arguments;
      }
    }
    return null;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type { Frame };

export function instrHasCode(instr: Instr): boolean {
  const exprs: Expr[] = [...instr.guard, ...(instr.each ? [instr.each.over, ...instr.each.where] : [])];
  switch (instr.k) {
    case 'store': exprs.push(instr.target, ...(instr.value ? [instr.value] : [])); break;
    case 'pay': exprs.push(instr.to, instr.amount, ...(instr.from ? [instr.from] : []), ...(instr.asset.kind === 'token' ? [instr.asset.token] : [])); break;
    case 'call': exprs.push(instr.target); break;
    case 'emit': exprs.push(...instr.args); break;
    case 'require': exprs.push(instr.cond); break;
    default: break;
  }
  return exprs.some(hasCode);
}

/**
 * A comparison, with the time of the call moved out of a difference: `now - t > d` is `now > t + d`
 * (the call is made more than d after t), which is how deadlines read.
 */
function compareOf(op: CompareOp, left: Expr, right: Expr): Expr {
  // The same value on both sides (a modifier's check that nothing changed, when nothing did).
  if (same(left, right) && !hasCode(left)) return { kind: 'bool', value: op === '==' || op === '<=' || op === '>=' };
  if (op !== '==' && op !== '!=' && left.kind === 'arith' && left.op === '-' && left.left.kind === 'now' && right.kind !== 'now') {
    return { kind: 'compare', op, left: left.left, right: arith('+', left.right, right) };
  }
  const flipped: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  if (op !== '==' && op !== '!=' && right.kind === 'arith' && right.op === '-' && right.left.kind === 'now' && left.kind !== 'now') {
    return { kind: 'compare', op: flipped[op], left: right.left, right: arith('+', right.right, left) };
  }
  return { kind: 'compare', op, left, right };
}

/** True when the only stored value a condition reads is the given place (a lock's flag). */
function onlyAbout(cond: Expr, place: string): boolean {
  if (!JSON.stringify(cond).includes(place)) return false;
  const stripped = rewrite(cond, (e) => (key(e) === place || (e.kind === 'prior' && key(e.of) === place) ? ZERO : null));
  for (const node of walkExpr(stripped)) if (node.kind === 'variable' && (node.scope === 'state' || node.scope === 'immutable')) return false;
  return true;
}

/** A stored value: a state variable, or a field or entry of one. */
function isPlace(expr: Expr): boolean {
  if (expr.kind === 'variable') return expr.scope === 'state' || expr.scope === 'immutable' || expr.scope === 'constant';
  if (expr.kind === 'member') return isPlace(expr.object);
  if (expr.kind === 'index') return isPlace(expr.base) && !hasCode(expr.index);
  return false;
}

/** A variable that refers to storage (a reference, not a copy): `Order storage o`, `S storage $`. */
function isStorageRef(decl: VariableDeclaration): boolean {
  return / storage (pointer|ref)$/.test(decl.typeDescriptions.typeString ?? '') || /_storage(_ptr)?$/.test(decl.typeDescriptions.typeIdentifier ?? '');
}

function callName(call: FunctionCall): string {
  const callee = call.expression;
  if (callee.nodeType === 'Identifier') return callee.name;
  if (callee.nodeType === 'MemberAccess') return callee.memberName;
  return '';
}

/** keccak256(abi.encode(a, b)) hashes a and b: the encoding is a detail of how, not of what. */
function encodedArguments(args: readonly Expression[]): readonly Expression[] {
  const only = args.length === 1 ? args[0] : null;
  if (only?.nodeType === 'FunctionCall' && only.expression.nodeType === 'MemberAccess') {
    const target = only.expression.expression;
    if (target.nodeType === 'Identifier' && target.name === 'abi' && /^encode(Packed)?$/.test(only.expression.memberName)) return only.arguments;
  }
  return args;
}

/** True when evaluating the expression may do something (a call, a write), so a short circuit is a branch. */
function hasEffects(node: Expression): boolean {
  for (const call of findAll('FunctionCall', node)) {
    if (call.kind === 'typeConversion' || call.kind === 'structConstructorCall') continue;
    if (isViewCall(call.expression) && call.expression.nodeType === 'MemberAccess' && isExternalTarget(call.expression)) continue;
    const type = call.expression.typeDescriptions.typeString ?? '';
    if (/^function \([^)]*\) pure/.test(type) && call.expression.nodeType === 'Identifier' && (call.expression.referencedDeclaration ?? 0) < 0) continue;
    return true;
  }
  if ([...findAll('Assignment', node)].length > 0) return true;
  return [...findAll('UnaryOperation', node)].some((u) => u.operator === '++' || u.operator === '--' || u.operator === 'delete');
}

/** A condition with the success flags taken out (they are checks of their payment); null when nothing is left. */
function withoutOutcomes(cond: Expr): Expr | null {
  if (cond.kind === 'call-outcome') return null;
  // `ok` chosen from two payments' flags (`c ? a.send(x) : b.send(x)`): each is its own payment's check.
  if (cond.kind === 'conditional' && withoutOutcomes(cond.then) === null && withoutOutcomes(cond.otherwise) === null) return null;
  if (cond.kind === 'and') {
    const rest = cond.operands.map(withoutOutcomes).filter((e): e is Expr => e !== null);
    return rest.length === 0 ? null : and(rest);
  }
  return cond;
}

/** The variable a place is rooted in (`orders` for orders[id].status), as a key. */
function placeRoot(place: Expr): string | null {
  if (place.kind === 'variable') return place.name;
  if (place.kind === 'member') return placeRoot(place.object);
  if (place.kind === 'index' || place.kind === 'each') return placeRoot(place.kind === 'index' ? place.base : place.of);
  if (place.kind === 'prior') return placeRoot(place.of);
  return null;
}

function mentionsPlace(outer: Expr, inner: Expr): boolean {
  const k = key(inner);
  for (const node of walkExpr(outer)) if (key(node) === k) return true;
  return false;
}

/** Two places in the same collection whose keys may be equal (different expressions for the key). */
function mayAlias(a: Expr, b: Expr): boolean {
  return a.kind === 'index' && b.kind === 'index' && same(a.base, b.base) && !same(a.index, b.index);
}

/** Every party a payment recipient may name (used by the facts view). */
export function recipientParty(to: Expr): string | null {
  return partyOfExpr(to);
}

export type { Each };
