/**
 * Loops: a counting loop over a collection or a range of numbers is summarised. What its body does to
 * storage, pays or records becomes a term "for every item (where …)", and a local it accumulates becomes
 * a sum or a count. Any other loop is opaque: listed with its lines as not explained, what it would do is
 * not stated, and the locals it changes are unknown after it. A loop is never turned into a condition.
 */
import type { Expression, Statement } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import type { Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { arith, code, constantOf, key, recordName, rewrite, same } from './exprs.ts';
import type { Frame } from './lower.ts';
import { fork, mergeAll, replace, type State } from './state.ts';
import type { Instr } from './types.ts';

export interface LoopFrame {
  /** What the loop walks: a collection, or a `range` of numbers. */
  over: Expr;
  /** One item of the collection, named after its record type; null for plain values and numbers. */
  item: string | null;
  /** Length of the path condition when the body starts: conditions after it are per item. */
  entryLength: number;
  /** States at each `continue`. */
  continues: State[];
  /** Statements that step the counter: already accounted for by the summary. */
  steps: Set<number>;
}

export interface LoopHooks {
  ev(node: Expression, state: State, frame: Frame): Expr;
  lowerStatement(statement: Statement, state: State, frame: Frame): void;
  mark(id: number, src: string, explained: boolean): void;
  opaque(src: string): void;
  instrsFrom(first: number): Instr[];
  dropFrom(first: number): void;
  next(): number;
  forget(state: State, target: Expr): void;
  isLocal(id: number): boolean;
  codeOf(node: { src: string }): string;
  nameOf(id: number): string;
}

type LoopStatement = Extract<Statement, { nodeType: 'ForStatement' | 'WhileStatement' | 'DoWhileStatement' }>;

const CARRIED = '\u0000carried:';

export function summariseLoop(hooks: LoopHooks, loop: LoopStatement, state: State, frame: Frame): void {
  const shape = loop.nodeType === 'ForStatement' && !frame.loop ? counting(loop) : null;
  if (!shape) return opaqueLoop(hooks, loop, state);
  // The counter's start and bound, evaluated once before the body.
  const start = hooks.ev(shape.start, state, frame);
  const bound = hooks.ev(shape.bound, state, frame);
  const over: Expr = constantOf(start) === '0' && bound.kind === 'length' && !shape.inclusive ? bound.of : { kind: 'range', from: start, to: bound, inclusive: shape.inclusive };
  const item = over.kind === 'range' || shape.bound.nodeType !== 'MemberAccess' ? null : recordName(shape.bound.expression.typeDescriptions.typeString);
  const first = hooks.next();
  const body = fork(state, null);
  const loopFrame: LoopFrame = { over, item, entryLength: body.guard.length, continues: [], steps: shape.steps };
  // Every local is carried from one item to the next: give each a marker, to see what the body makes of it.
  const markers = new Map<number, Expr>();
  for (const id of state.env.keys()) {
    if (!hooks.isLocal(id)) continue;
    const marker = code(`${CARRIED}${id}`);
    markers.set(id, marker);
    body.env.set(id, marker);
  }
  body.env.set(shape.counter, { kind: 'position', of: over });
  // Storage read in the body is read as it stands at each item.
  body.mem = new Map();
  const inner: Frame = { ...frame, loop: loopFrame };
  for (const statement of shape.body) {
    if (!body.alive) break;
    hooks.lowerStatement(statement, body, inner);
  }
  const end = mergeAll([body, ...loopFrame.continues]);
  const made = hooks.instrsFrom(first);
  // A local the body reads but never changes has the same value at every item: its value before the loop.
  const unchanged = new Map<string, Expr>();
  for (const [id, marker] of markers) if (same(end?.env.get(id) ?? marker, marker)) unchanged.set((marker as { text: string }).text, state.env.get(id)!);
  for (const instr of made) replaceCarried(instr, (n) => unchanged.get(n.text) ?? null);
  const results = new Map<number, Expr>();
  let explained = true;
  for (const [id, marker] of markers) {
    const after = end?.env.get(id) ?? marker;
    if (same(after, marker)) continue;
    const reduced = reduction(after, marker, over, item);
    const before = state.env.get(id)!;
    if (reduced && !mentionsCarried(reduced.total)) {
      results.set(id, reduced.op === '+' ? (constantOf(before) === '0' ? reduced.total : arith('+', before, reduced.total)) : arith('-', before, reduced.total));
    } else {
      explained = false;
      results.set(id, code(hooks.nameOf(id)));
    }
  }
  // A term that depends on what earlier items did (a running total) is not a per-item term.
  for (const instr of made) {
    if (mentionsCarried(instrExprs(instr))) explained = false;
  }
  // Items of a local array in memory written by the body (`copy[i] = users[i]`): the array is a copy of the
  // collection walked when every item is copied to its own place and the array holds exactly as many;
  // anything else leaves its contents unknown after the loop, and the loop unexplained.
  for (const [id, writes] of localItemWrites(end, markers)) {
    if (results.has(id)) continue;
    const before = state.env.get(id)!;
    const copy = writes.every((w) => isItemCopy(w.place, w.value, over)) && isFreshArray(before, over);
    if (copy) results.set(id, over);
    else {
      explained = false;
      results.set(id, code(hooks.nameOf(id)));
    }
  }
  for (const [id, value] of results) state.env.set(id, value);
  for (const instr of made) {
    if (instr.k === 'store') hooks.forget(state, instr.target);
  }
  // Shown by name, as code: the term depends on what earlier items did, which the summary does not state.
  for (const instr of made) if (mentionsCarried(instrExprs(instr))) replaceCarried(instr, (n) => code(hooks.nameOf(Number(n.text.slice(CARRIED.length)))));
  hooks.mark(loop.id, loop.src, explained);
  if (!explained) hooks.opaque(loop.src);
  // The loop runs zero or more times; the path after it is the path before it.
  const after = fork(state, null);
  replace(state, after);
}

/**
 * A `for` loop that counts a local up by one from a start to a bound, with nothing else changing the
 * counter. The step may be the loop expression, or `unchecked { ++i; }` at the end of the body and before
 * each `continue`; those steps are returned so the body skips them.
 */
function counting(loop: Extract<Statement, { nodeType: 'ForStatement' }>): { counter: number; start: Expression; bound: Expression; inclusive: boolean; body: Statement[]; steps: Set<number> } | null {
  const init = loop.initializationExpression;
  let counter: number | null = null;
  let start: Expression | null = null;
  if (init?.nodeType === 'VariableDeclarationStatement' && init.declarations.length === 1 && init.declarations[0] && init.initialValue) {
    counter = init.declarations[0].id;
    start = init.initialValue;
  } else if (init?.nodeType === 'ExpressionStatement' && init.expression.nodeType === 'Assignment' && init.expression.operator === '=' && init.expression.leftHandSide.nodeType === 'Identifier') {
    counter = init.expression.leftHandSide.referencedDeclaration ?? null;
    start = init.expression.rightHandSide;
  } else if (init?.nodeType === 'VariableDeclarationStatement' && init.declarations.length === 1 && init.declarations[0] && !init.initialValue) {
    counter = init.declarations[0].id;
    start = { nodeType: 'Literal', kind: 'number', value: '0', hexValue: '30', typeDescriptions: { typeString: 'int_const 0', typeIdentifier: 't_rational_0_by_1' }, id: -1, src: loop.src } as unknown as Expression;
  }
  if (counter === null || !start) return null;
  const condition = loop.condition;
  if (condition?.nodeType !== 'BinaryOperation' || !isCounter(condition.leftExpression, counter) || !['<', '<=', '!='].includes(condition.operator)) return null;
  const body: Statement[] = loop.body.nodeType === 'Block' ? [...(loop.body.statements ?? [])] : [loop.body];
  const steps = new Set<number>();
  if (loop.loopExpression) {
    if (!isStep(loop.loopExpression.expression, counter)) return null;
  } else {
    // for (…; i < n;) { …; unchecked { ++i; } }, with the same step before every `continue`.
    // The step alone, or last in a closing block with other work (`unchecked { remaining -= amount; ++i; }`).
    const last = body[body.length - 1];
    const closing = last && (last.nodeType === 'UncheckedBlock' || last.nodeType === 'Block') ? (last.statements ?? []).at(-1) : undefined;
    const step = last && isStepStatement(last, counter) ? last : closing && isStepStatement(closing, counter) ? closing : null;
    if (!step) return null;
    steps.add(step.id);
    for (const block of findAll(['Block', 'UncheckedBlock'], loop.body)) {
      const list = block.statements ?? [];
      list.forEach((statement, i) => {
        if (list[i + 1]?.nodeType === 'Continue' && isStepStatement(statement, counter!)) steps.add(statement.id);
      });
    }
    const continues = [...findAll('Continue', loop.body)].length;
    if (steps.size !== continues + 1) return null;
  }
  // The body must not change the counter otherwise, leave the loop early, or loop again inside.
  for (const statement of body) {
    if ([...findAll(['Break', 'Return', 'ForStatement', 'WhileStatement', 'DoWhileStatement', 'InlineAssembly'], statement)].length > 0) return null;
    for (const assignment of findAll('Assignment', statement)) if (isCounter(assignment.leftHandSide, counter) && !insideStep(assignment, statement, steps)) return null;
    for (const unary of findAll('UnaryOperation', statement)) {
      if ((unary.operator === '++' || unary.operator === '--' || unary.operator === 'delete') && isCounter(unary.subExpression, counter) && !insideStep(unary, statement, steps)) return null;
    }
  }
  return { counter, start, bound: condition.rightExpression, inclusive: condition.operator === '<=', body, steps };
}

function isStepStatement(statement: Statement, counter: number): boolean {
  const inner = statement.nodeType === 'UncheckedBlock' && statement.statements.length === 1 ? statement.statements[0] : statement;
  return inner.nodeType === 'ExpressionStatement' && isStep(inner.expression, counter);
}

/** True when the node sits inside one of the step statements. */
function insideStep(node: { id: number }, root: Statement, steps: Set<number>): boolean {
  for (const id of steps) {
    for (const candidate of findAll(['UncheckedBlock', 'ExpressionStatement'], root)) {
      if (candidate.id !== id) continue;
      for (const inner of findAll(['UnaryOperation', 'Assignment'], candidate)) if (inner.id === node.id) return true;
    }
  }
  return false;
}

function isCounter(node: Expression, counter: number): boolean {
  return node.nodeType === 'Identifier' && node.referencedDeclaration === counter;
}

function isStep(node: Expression, counter: number): boolean {
  if (node.nodeType === 'UnaryOperation' && node.operator === '++' && isCounter(node.subExpression, counter)) return true;
  if (node.nodeType === 'Assignment' && isCounter(node.leftHandSide, counter)) {
    const rhs = node.rightHandSide;
    const one = rhs.nodeType === 'Literal' && rhs.value === '1';
    if (node.operator === '+=' && one) return true;
    if (node.operator === '=' && rhs.nodeType === 'BinaryOperation' && rhs.operator === '+' && isCounter(rhs.leftExpression, counter) && rhs.rightExpression.nodeType === 'Literal' && rhs.rightExpression.value === '1') return true;
  }
  return false;
}

/**
 * What a carried local becomes after the loop, when every path through the body either leaves it or adds
 * (or subtracts) an amount that does not depend on it: the sum, over the items where it changes, of what
 * each item adds. The conditions every changing path shares (`blindedBid == hash`) select the items, said
 * once; where the paths part, the amount an item adds is a choice (`deposit - value` if valid, otherwise
 * `deposit`), so one sum states it, not one sum per path with the shared conditions repeated.
 */
function reduction(after: Expr, marker: Expr, over: Expr, item: string | null): { op: '+' | '-'; total: Expr } | null {
  const ops = new Set<'+' | '-'>();
  let readable = true;
  type Part = { where: Expr[]; term: Expr } | null;
  const whole = (part: { where: Expr[]; term: Expr }): Expr =>
    part.where.length === 0 ? part.term : { kind: 'conditional', condition: part.where.length === 1 ? part.where[0] : { kind: 'and', operands: part.where }, then: part.term, otherwise: ZERO };
  const per = (value: Expr): Part => {
    if (same(value, marker)) return null;
    if (value.kind === 'conditional') {
      const [then, otherwise] = [per(value.then), per(value.otherwise)];
      if (!then && !otherwise) return null;
      if (!otherwise) return { where: [value.condition, ...then!.where], term: then!.term };
      if (!then) return { where: [negateCond(value.condition), ...otherwise.where], term: otherwise.term };
      return { where: [], term: { kind: 'conditional', condition: value.condition, then: whole(then), otherwise: whole(otherwise) } };
    }
    const step = linear(value, marker);
    if (!step) readable = false;
    else ops.add(step.op);
    return step ? { where: [], term: step.term } : null;
  };
  const part = per(after);
  if (!readable || !part || ops.size !== 1) return null;
  const total: Expr = constantOf(part.term) === '1' ? { kind: 'count', over, item, where: part.where } : { kind: 'sum', over, item, term: part.term, where: part.where };
  return { op: [...ops][0]!, total };
}

const ZERO: Expr = { kind: 'number', value: '0', written: '0', unit: null };

/**
 * A value that is the carried local plus or minus an amount that does not depend on it, however the steps
 * are written (`refund += deposit; refund -= value`: plus the deposit minus the value). Null otherwise.
 */
function linear(value: Expr, marker: Expr): { op: '+' | '-'; term: Expr } | null {
  if (value.kind !== 'arith' || (value.op !== '+' && value.op !== '-')) return null;
  const op = value.op;
  if (same(value.left, marker) && !mentions(value.right, marker)) return { op, term: value.right };
  if (op === '+' && same(value.right, marker) && !mentions(value.left, marker)) return { op, term: value.left };
  if (!mentions(value.right, marker)) {
    // (marker ± t) ± r
    const inner = linear(value.left, marker);
    if (!inner) return null;
    return inner.op === '+' ? { op: '+', term: arith(op, inner.term, value.right) } : { op: '-', term: arith(op === '+' ? '-' : '+', inner.term, value.right) };
  }
  if (op === '+' && !mentions(value.left, marker)) {
    // l + (marker ± t)
    const inner = linear(value.right, marker);
    if (!inner) return null;
    return inner.op === '+' ? { op: '+', term: arith('+', value.left, inner.term) } : { op: '-', term: arith('-', inner.term, value.left) };
  }
  return null;
}

/** Writes the body made to items of carried locals (arrays in memory), by local. */
function localItemWrites(end: State | null, markers: Map<number, Expr>): Map<number, { place: Expr; value: Expr }[]> {
  const byLocal = new Map<number, { place: Expr; value: Expr }[]>();
  if (!end) return byLocal;
  for (const write of end.mem.values()) {
    let root = write.place;
    while (root.kind === 'index' || root.kind === 'member') root = root.kind === 'index' ? root.base : root.object;
    for (const [id, marker] of markers) {
      if (!same(root, marker)) continue;
      byLocal.set(id, [...(byLocal.get(id) ?? []), write]);
    }
  }
  return byLocal;
}

/** `local[i] = over[i]`: the item at the current position set to the collection's item at the same position. */
function isItemCopy(place: Expr, value: Expr, over: Expr): boolean {
  if (place.kind !== 'index' || place.index.kind !== 'position' || !same(place.index.of, over)) return false;
  if (place.base.kind !== 'code') return false;
  const item = value.kind === 'convert' ? value.operand : value;
  // The item the loop is at reads as `each` of the collection.
  if (item.kind === 'each') return same(item.of, over);
  return item.kind === 'index' && same(item.base, over) && item.index.kind === 'position' && same(item.index.of, over);
}

/** A local array declared without a value, of the same fixed length as the collection walked. */
function isFreshArray(before: Expr, over: Expr): boolean {
  if (before.kind !== 'variable' || before.scope !== 'local' || over.kind !== 'variable') return false;
  const length = (type: string) => /\[(\d+)\](?: (?:memory|storage|calldata)(?: pointer| ref)?)?$/.exec(type)?.[1] ?? null;
  const own = length(before.type);
  return own !== null && own === length(over.type);
}

function negateCond(condition: Expr): Expr {
  return condition.kind === 'not' ? condition.operand : { kind: 'not', operand: condition };
}

function mentions(value: Expr, marker: Expr): boolean {
  const k = key(marker);
  for (const node of walkExpr(value)) if (key(node) === k) return true;
  return false;
}

function mentionsCarried(exprs: Expr | Expr[]): boolean {
  for (const expr of Array.isArray(exprs) ? exprs : [exprs]) {
    for (const node of walkExpr(expr)) if (node.kind === 'code' && node.text.startsWith(CARRIED)) return true;
  }
  return false;
}

function instrExprs(instr: Instr): Expr[] {
  return [...(instr.each ? [instr.each.over, ...instr.each.where] : []), ...ownExprs(instr)];
}

function ownExprs(instr: Instr): Expr[] {
  switch (instr.k) {
    case 'store': return [instr.target, ...(instr.value ? [instr.value] : []), ...instr.guard];
    case 'pay': return [instr.to, instr.amount, ...(instr.from ? [instr.from] : []), ...(instr.asset.kind === 'token' ? [instr.asset.token] : []), ...instr.guard];
    case 'call': return [instr.target, ...instr.args, ...(instr.item ? Object.values(instr.item) : []), ...instr.guard];
    case 'emit': return [...instr.args, ...instr.guard];
    case 'require': return [instr.cond, ...instr.guard];
    case 'call-data': return [instr.target, ...instr.data, ...instr.guard];
    default: return instr.guard;
  }
}

/** A carried local inside a per-item term reads "its value so far": shown as code, so not explained. */
function replaceCarried(instr: Instr, replacement: (marker: { text: string }) => Expr | null): void {
  const swap = (e: Expr) => rewrite(e, (n) => (n.kind === 'code' && n.text.startsWith(CARRIED) ? replacement(n) : null));
  instr.guard = instr.guard.map(swap);
  if (instr.each) instr.each = { ...instr.each, over: swap(instr.each.over), where: instr.each.where.map(swap) };
  switch (instr.k) {
    case 'store': instr.target = swap(instr.target); if (instr.value) instr.value = swap(instr.value); break;
    case 'pay':
      instr.to = swap(instr.to);
      instr.amount = swap(instr.amount);
      if (instr.from) instr.from = swap(instr.from);
      if (instr.asset.kind === 'token') instr.asset = { kind: 'token', token: swap(instr.asset.token) };
      break;
    case 'call':
      instr.target = swap(instr.target);
      instr.args = instr.args.map(swap);
      if (instr.item) instr.item = { token: swap(instr.item.token), from: swap(instr.item.from), to: swap(instr.item.to), id: swap(instr.item.id) };
      break;
    case 'emit': instr.args = instr.args.map(swap); break;
    case 'require': instr.cond = swap(instr.cond); break;
    case 'call-data': instr.target = swap(instr.target); instr.data = instr.data.map(swap); break;
    default: break;
  }
}

function opaqueLoop(hooks: LoopHooks, loop: LoopStatement, state: State): void {
  hooks.mark(loop.id, loop.src, false);
  hooks.opaque(loop.src);
  // Locals the loop assigns are unknown after it; so is whatever storage this path had written.

  for (const assignment of findAll('Assignment', loop)) unknown(assignment.leftHandSide);
  for (const unary of findAll('UnaryOperation', loop)) if (unary.operator === '++' || unary.operator === '--') unknown(unary.subExpression);
  state.mem = new Map();
  function unknown(node: Expression): void {
    if (node.nodeType === 'Identifier' && node.referencedDeclaration !== null && node.referencedDeclaration !== undefined && state.env.has(node.referencedDeclaration)) {
      state.env.set(node.referencedDeclaration, code(node.name));
    }
  }
}
