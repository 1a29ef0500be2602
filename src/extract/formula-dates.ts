/**
 * Stored dates that decide a named formula: a view or internal function the actions read (`_computeReleasable
 * Amount(schedule)`, `balanceOf(streamId, who)` through `deltaOf(streamId)`) compares a stored time with the
 * block time (`now < schedule.cliff`). The action's own conditions show only the formula's name, so the date is
 * traced here: the formula's parameters are bound to the call's arguments, formulas named inside formulas are
 * followed (a few levels deep), and the formula's value when the comparison holds is worked out when the
 * comparison alone decides it (zero before the cliff). A comparison with a value given in the call, or one
 * counted in blocks, is left to the formula's own sentence.
 */
import { key, rewrite, same } from '../ir/exprs.ts';
import { walkExpr } from '../terms/index.ts';
import type { CompareOp, ContractTerms, Definition, Expr, SourceRef } from '../terms/index.ts';
import { pathOf, subjectOf, timeComparisons } from './deadlines.ts';
import { timeAnchors } from './time-anchors.ts';

export interface FormulaDate {
  /** The stored time (bound to the first call's arguments): `vestingSchedules[vestingScheduleId].cliff`. */
  subject: Expr;
  definition: Definition;
  /** The comparison as the formula makes it, normalised to `now OP against`, with the call's arguments bound. */
  op: CompareOp;
  against: Expr;
  /** What the formula comes to when the comparison holds, when that alone decides it; null otherwise. */
  value: Expr | null;
  /** The actions that read the formula (directly, or through another formula). */
  actions: string[];
  source: SourceRef;
}

const MAX_DEPTH = 3;

export function formulaDates(terms: ContractTerms): FormulaDate[] {
  const found = new Map<string, FormulaDate>();
  const anchors = timeAnchors(terms);
  const visit = (call: Extract<Expr, { kind: 'call' }>, action: string, depth: number) => {
    const definition = terms.definitions.find((d) => d.name === call.name && d.parameters.length === call.args.length && d.formula !== null);
    if (!definition?.formula || depth > MAX_DEPTH) return;
    const bound = new Map(definition.parameters.map((p, i) => [p.name, call.args[i]!]));
    // Bound first: a time given as an argument (`_vestingSchedule(total, uint64(block.timestamp))`) is the block time inside.
    const formula = rewrite(definition.formula, (e) => (e.kind === 'variable' && e.scope === 'parameter' && bound.has(e.name) ? bound.get(e.name)! : null));
    for (const node of walkExpr(formula)) {
      if (node.kind !== 'compare') continue;
      const [comparison] = timeComparisons(node);
      if (!comparison || comparison.clock !== 'time') continue;
      const against = comparison.against;
      const subject = subjectOf(against, anchors);
      if (!subject) continue;
      const id = `${definition.id}:${key(node)}`;
      const date = found.get(id);
      if (date) {
        if (!date.actions.includes(action)) date.actions.push(action);
        continue;
      }
      const value = decided(formula, comparison);
      found.set(id, { subject, definition, op: comparison.op, against, value: mentionsTime(value) ? null : value, actions: [action], source: definition.source });
    }
    for (const node of walkExpr(formula)) if (node.kind === 'call') visit(node, action, depth + 1);
  };
  for (const action of terms.actions) {
    if (action.kind === 'constructor') continue;
    const exprs = [...action.conditions.map((c) => c.expr), ...action.payments.map((p) => p.amount), ...action.effects.flatMap((e) => (e.value ? [e.value] : []))];
    for (const expr of exprs) for (const node of walkExpr(expr)) if (node.kind === 'call') visit(node, action.id, 0);
  }
  return [...found.values()];
}

/** The stored times that formulas compare with the block time, once each, by path. */
export function formulaSubjects(dates: FormulaDate[]): Expr[] {
  const subjects = new Map<string, Expr>();
  for (const date of dates) if (!subjects.has(pathOf(date.subject))) subjects.set(pathOf(date.subject), date.subject);
  return [...subjects.values()];
}

/** The formula when `now OP against` holds: each choice that the comparison settles is made. */
function decided(formula: Expr, assumed: { op: CompareOp; against: Expr }): Expr {
  return rewrite(formula, (node) => {
    if (node.kind !== 'conditional') return null;
    const truth = truthOf(node.condition, assumed);
    if (truth !== null) return decided(truth ? node.then : node.otherwise, assumed);
    const [then, otherwise] = [decided(node.then, assumed), decided(node.otherwise, assumed)];
    // `amount == 0 ? 0 : (now < cliff ? 0 : …)` before the cliff: zero either way, not "zero if …, otherwise zero".
    return same(then, otherwise) ? then : { ...node, then, otherwise };
  });
}

/** What `now OP against` implies for `now OP' against`: for each assumed op, the ops it makes true and false. */
const IMPLIES: Record<CompareOp, { holds: CompareOp[]; fails: CompareOp[] }> = {
  '<': { holds: ['<', '<=', '!='], fails: ['>', '>=', '=='] },
  '<=': { holds: ['<='], fails: ['>'] },
  '>': { holds: ['>', '>=', '!='], fails: ['<', '<=', '=='] },
  '>=': { holds: ['>='], fails: ['<'] },
  '==': { holds: ['==', '<=', '>='], fails: ['!=', '<', '>'] },
  '!=': { holds: ['!='], fails: ['=='] },
};

function truthOf(condition: Expr, assumed: { op: CompareOp; against: Expr }): boolean | null {
  if (condition.kind === 'not') {
    const inner = truthOf(condition.operand, assumed);
    return inner === null ? null : !inner;
  }
  if (condition.kind === 'or' || condition.kind === 'and') {
    const truths = condition.operands.map((operand) => truthOf(operand, assumed));
    const decisive = condition.kind === 'or';
    if (truths.includes(decisive)) return decisive;
    return truths.every((t) => t === !decisive) ? !decisive : null;
  }
  if (condition.kind !== 'compare') return null;
  const [comparison] = timeComparisons(condition);
  if (!comparison || !same(comparison.against, assumed.against)) return null;
  if (IMPLIES[assumed.op].holds.includes(comparison.op)) return true;
  if (IMPLIES[assumed.op].fails.includes(comparison.op)) return false;
  return null;
}

/** The expression reads the block time or the block number. */
export function mentionsTime(expr: Expr): boolean {
  return [...walkExpr(expr)].some((e) => e.kind === 'now' || e.kind === 'block-number');
}
