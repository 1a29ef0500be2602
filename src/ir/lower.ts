/**
 * Lowering: one action's code (modifiers spliced at `_`, internal and library calls inlined, base
 * constructors and initialisers for deployment) into guarded instructions over SSA values. Expressions
 * are evaluated in the order the EVM evaluates them; `&&`, `||`, `?:`, `require`, `revert`, `try`, early
 * `return` and `continue` are branches. See types.ts for the IR and state.ts for paths and joins.
 */
import { humanise } from './names.ts';
import type { Expression, FunctionDefinition, ModifierDefinition, ModifierInvocation, Statement } from 'solidity-ast';
import type { Expr } from '../terms/index.ts';
import { hasCode } from '../terms/index.ts';
import { code, negate, ZERO } from './exprs.ts';
import { assume, knownFrom } from './assume.ts';
import { markEarlierReads } from './prior.ts';
import { CallLowerer } from './lower-calls.ts';
import { MAX_DEPTH, NAMESPACE, type Frame, type LowerContext } from './lower-base.ts';
import { bindAssignedParameters, callName, isStorageRef, runsBodyOnce } from './lower-helpers.ts';
import { summariseLoop } from './loops.ts';
import { baseArguments, resolveModifier } from './scope.ts';
import { readAssembly } from './assembly.ts';
import { firstLine } from './code-reader.ts';
import { recogniseLocks } from './locks.ts';
import { fork, freshState, joinValues, merge, mergeAll, replace, type State } from './state.ts';
import type { LoweredAction } from './types.ts';

export type { Frame, LowerContext } from './lower-base.ts';
export { instrHasCode } from './lower-helpers.ts';

export class Lowerer extends CallLowerer {
  constructor(ctx: LowerContext) {
    super(ctx);
  }

  // ── Entry points ────────────────────────────────────────────────────────────────────────────────

  /** A function called from outside: its modifiers, then its body. */
  lowerAction(fn: FunctionDefinition): LoweredAction {
    const state = freshState();
    const frame = this.rootFrame(fn.scope);
    bindAssignedParameters(fn, state.env);
    this.lowerWithModifiers(fn, state, frame);
    return this.finish();
  }

  /** Deployment: for each contract from the most base, its state variable initialisers, then its constructor. */
  lowerDeployment(): LoweredAction {
    const { scope } = this.ctx;
    const state = freshState();
    this.deploying = true;
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
      const args = baseArguments(this.ctx.scope, base);
      const env = new Map<number, Expr>();
      const argFrame = this.rootFrame(scope.contract.id);
      ctor.parameters.parameters.forEach((param, i) => args?.[i] && env.set(param.id, this.ev(args[i], state, argFrame)));
      bindAssignedParameters(ctor, env);
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


  protected finish(): LoweredAction {
    const locks = recogniseLocks(this.instrs, this.reads);
    markEarlierReads(this.instrs, (id) => this.loopOf.get(id));
    for (const instr of this.instrs) {
      const loop = this.loopOf.get(instr.id);
      if (!loop) continue;
      instr.each = { over: loop.over, item: loop.item, where: instr.guard.slice(loop.entryLength) };
      instr.guard = instr.guard.slice(0, loop.entryLength);
    }
    return { instrs: this.instrs, opaque: this.opaque, statements: this.statements, reads: this.reads, locks };
  }

  // ── Functions and modifiers ───────────────────────────────────────────────────────────────────────

  /** Runs the modifiers and, at their `_`, the body; returns the body's values when every modifier runs it once. */
  protected lowerWithModifiers(fn: FunctionDefinition, state: State, frame: Frame): Expr[] {
    const modifiers = fn.modifiers
      .filter((m) => m.kind !== 'baseConstructorSpecifier')
      .map((m) => ({ invocation: m, definition: this.modifierDefinition(m) }))
      .filter((m): m is { invocation: ModifierInvocation; definition: ModifierDefinition } => m.definition !== null);
    const callerEnv = state.env;
    const results: Expr[][] = [];
    const body = () => {
      if (!fn.body) return;
      const saved = state.env;
      state.env = new Map(callerEnv);
      results.push(this.lowerBody(fn, fn.body.statements ?? [], state, { ...frame, from: fn.scope }));
      state.env = saved;
    };
    const run = (index: number) => {
      const modifier = modifiers[index];
      if (!modifier) return body();
      this.lowerModifier(modifier.invocation, modifier.definition, state, frame, () => run(index + 1));
    };
    run(0);
    return modifiers.every(({ definition }) => runsBodyOnce(definition)) && results.length === 1 && state.alive ? results[0]! : [];
  }

  protected modifierDefinition(invocation: ModifierInvocation): ModifierDefinition | null {
    const definition = this.deref('ModifierDefinition', invocation.modifierName.referencedDeclaration);
    return definition ? resolveModifier(this.ctx.scope, definition) : null;
  }

  protected lowerModifier(invocation: ModifierInvocation, definition: ModifierDefinition, state: State, frame: Frame, next: () => void): void {
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

  protected readonly placeholders: (() => void)[] = [];

  /**
   * Lowers a body in a frame of its own: its returns are collected, and the state that goes on after it is
   * the join of every way it ended. Returns the values returned (joined across returns).
   */
  protected lowerBody(fn: FunctionDefinition | null, statements: Statement[], state: State, frame: Frame): Expr[] {
    // A function called inside a loop runs at every item: what it does is per item too (its own loops are
    // then loops in a loop, which are not summarised).
    const inner: Frame = { ...frame, returns: [], returnDecls: fn ? fn.returnParameters.parameters : [] };
    for (const decl of inner.returnDecls) if (!state.env.has(decl.id)) state.env.set(decl.id, this.defaultValue(decl));
    this.lowerStatements(statements, state, inner);
    if (state.alive) inner.returns.push({ state: fork(state, null), values: inner.returnDecls.map((d) => state.env.get(d.id) ?? this.defaultValue(d)) });
    const joined = mergeAll(inner.returns.map((r) => r.state), (x, y) => this.alignCopies(x, y));
    if (!joined) {
      state.alive = false;
      // Every path reverted, unless one stopped the call (`selfdestruct`): then nothing after it runs either.
      state.exit = state.exit === 'stop' ? 'stop' : 'revert';
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


  /** Inlines an internal or library function at a call site; the arguments are already evaluated. */
  protected override inline(fn: FunctionDefinition, args: Expr[], state: State, frame: Frame, callSite: string | null): Expr[] {
    const stackKey = `fn:${fn.id}`;
    if (!fn.body) return [];
    if (frame.stack.includes(stackKey) || frame.stack.length > MAX_DEPTH) {
      // A recursive call (or one nested too deep) is not followed: the statement making it is not explained.
      this.unread = true;
      return [code(fn.name)];
    }
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
      values = this.lowerWithModifiers(fn, state, inner);
    } else {
      values = this.lowerBody(fn, fn.body.statements ?? [], state, inner);
    }
    state.env = saved;
    return values;
  }

  // ── Statements ──────────────────────────────────────────────────────────────────────────────────

  protected override lowerStatements(statements: readonly Statement[], state: State, frame: Frame): void {
    for (const statement of statements) {
      if (!state.alive) return;
      this.lowerStatement(statement, state, frame);
    }
  }

  protected lowerStatement(statement: Statement, state: State, frame: Frame): void {
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
        this.lowerStatements(statement.statements ?? [], state, frame);
        return;
      case 'UncheckedBlock':
        this.uncheckedDepth++;
        try {
          this.lowerStatements(statement.statements ?? [], state, frame);
        } finally {
          this.uncheckedDepth--;
        }
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
        // Inside a loop a stored value read at deployment may have been written by an earlier turn.
        this.storageNotEmpty(() => summariseLoop(this.loopHooks(), statement, state, frame));
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

  protected declare(statement: Extract<Statement, { nodeType: 'VariableDeclarationStatement' }>, state: State, frame: Frame): Expr[] {
    const decls = statement.declarations;
    const initial = statement.initialValue;
    let values: Expr[];
    if (!initial) values = decls.map((d) => (d ? this.defaultValue(d) : ZERO));
    else if (decls.length === 1) values = [this.ev(initial, state, frame)];
    else values = this.evMulti(initial, state, frame);
    // The values another contract returns (`(recipients, amounts) = engine.getRoyalty(…)`): each is that
    // result's part, named as the code names it here, not the whole result nor code.
    const returned = decls.length > 1 && values.length === 1 && values[0].kind === 'external-call' ? values[0] : null;
    if (returned) values = decls.map((d) => (d ? { kind: 'member', object: returned, member: d.name, label: humanise(d.name), type: d.typeDescriptions.typeString ?? '' } : ZERO));
    const bound: Expr[] = [];
    decls.forEach((decl, i) => {
      if (!decl) return;
      const value = values[i] ?? code(decl.name);
      if (isStorageRef(decl)) this.refs.add(decl.id);
      this.nameLocal(decl, value, statement.src, frame);
      state.env.set(decl.id, value);
      // A flag or the data a call returned is represented by the call itself.
      if (value.kind !== 'call-outcome' && !(i > 0 && decls.length > 1)) bound.push(value);
    });
    return bound;
  }

  protected lowerIf(statement: Extract<Statement, { nodeType: 'IfStatement' }>, state: State, frame: Frame, first: number): void {
    const condition = this.ev(statement.condition, state, frame);
    this.end(first, statement.id, statement.src, [condition]);
    const before = new Map(state.env);
    this.branch(state, condition, (s) => this.lowerStatement(statement.trueBody, s, frame), statement.falseBody ? (s) => this.lowerStatement(statement.falseBody!, s, frame) : null);
    this.nameJoins(before, state, statement.src, frame);
  }

  /** Runs both sides of a branch and joins them into `state`. */
  protected override branch(state: State, condition: Expr, then: (s: State) => void, otherwise: ((s: State) => void) | null): void {
    this.noteGuard(condition);
    // A condition known in advance takes one side only (`if (false)`, or a flag the path has just set).
    const known = condition.kind === 'bool' ? condition.value : knownFrom(this.settledOnPath(state), condition);
    if (known !== null) {
      if (known) then(state);
      else otherwise?.(state);
      return;
    }
    const base = state.guard.length;
    const a = fork(state, condition);
    const restore = assume(a, condition);
    then(a);
    restore();
    const b = fork(state, negate(condition));
    const restoreOther = assume(b, negate(condition));
    otherwise?.(b);
    restoreOther();
    // A side that only reverts is a condition of the action, not a path: the other side goes on unguarded by it.
    if (!a.alive && a.exit === 'revert' && b.alive) b.guard = [...b.guard.slice(0, base), ...b.guard.slice(base + 1)];
    if (!b.alive && b.exit === 'revert' && a.alive) a.guard = [...a.guard.slice(0, base), ...a.guard.slice(base + 1)];
    replace(state, merge(a, b, (x, y) => this.alignCopies(x, y)));
  }

  protected lowerAssembly(statement: Extract<Statement, { nodeType: 'InlineAssembly' }>, state: State, frame: Frame): void {
    const reading = readAssembly(statement, this.deref);
    this.mark(statement.id, statement.src, reading.k !== 'opaque', 'assembly');
    if (reading.k === 'revert') return this.revert(state, frame, statement.src, { message: null, error: null });
    if (reading.k === 'namespace') {
      for (const { decl, struct } of reading.bindings) {
        state.env.set(decl.id, code(`${NAMESPACE}${struct}`));
        this.refs.add(decl.id);
      }
      return;
    }
    this.opaque.push({ src: statement.src, reason: 'assembly' });
    // What the block assigns is unknown from here on.
    for (const decl of reading.referenced) if (state.env.has(decl.id) && !this.refs.has(decl.id)) state.env.set(decl.id, code(decl.name));
    // Reading what the last call returned, it may check that call: its success is not said to go unchecked.
    if (reading.readsReturnData) this.mayCheckLastCall(state);
    // It may end the call here, successfully: what follows runs only on the path where it does not.
    if (reading.mayEnd && state.alive) {
      this.branch(state, code(firstLine(this.ctx.codeOf(statement).replace(/\s+/g, ' '))), (s) => {
        s.alive = false;
        s.exit = 'stop';
      }, null);
    }
  }

  // ── Loops and locks ───────────────────────────────────────────────────────────────────────────────

  protected loopHooks() {
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
      nameOf: (id: number) => this.deref('VariableDeclaration', id)?.name ?? 'value',
    };
  }
}
