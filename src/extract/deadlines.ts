/**
 * Deadlines: stored values compared with the block time, how each is set, and which actions it opens or
 * closes. The check is normalised with the block time on the left (`now <= shipBy`).
 */
import { same, targetName } from '../ir/exprs.ts';
import { humanise } from '../ir/names.ts';
import { isTypeMax } from '../ir/numbers.ts';
import { FLIPPED_COMPARE, hasCode, unwrap } from '../terms/index.ts';
import type { CompareOp, ContractTerms, Deadline, Expr } from '../terms/index.ts';
import type { Extractor } from './context.ts';
import { timeAnchors } from './time-anchors.ts';


export const deadlines: Extractor = {
  name: 'deadlines',
  extract(context, terms) {
    const byId = new Map<string, Deadline>();
    const anchors = timeAnchors(terms);
    for (const action of terms.actions) {
      for (const condition of action.conditions) {
        for (const { op, against, when, otherwise, clock } of timeChecks(condition.expr)) {
          const subject = subjectOf(against, anchors);
          // A parameter checked against the block time (`_expiry > block.timestamp`) is input validation, not a deadline.
          if (!subject && onlyParameters(against)) continue;
          // Nor is a bound the model cannot read, or the largest number of a type (`type(uint48).max`, a cast's overflow check): the action's own sentence shows it.
          if (!subject && (hasCode(against) || isTypeBound(against))) continue;
          const id = (subject ? pathOf(subject) : `${action.id}:${condition.source.line}`) + (clock === 'blocks' ? '@blocks' : '');
          let deadline = byId.get(id);
          if (!deadline) {
            deadline = { id, subject: subject ?? against, label: subject ? labelOf(subject) : '', setBy: [], checks: [], derived: !subject, clock, source: condition.source, basis: 'code' };
            byId.set(id, deadline);
          }
          deadline.checks.push({ action: action.id, op, against, when: [...condition.when, ...when], otherwise, source: condition.source });
        }
      }
    }
    for (const deadline of byId.values()) {
      if (deadline.derived) continue;
      deadline.setBy.push(...setByOf(terms, deadline.subject));
      for (const action of terms.actions) {
        for (const effect of action.effects) {
          // Moved on from the old date (`nextChargeAt += frequency`), not from the time of the call.
          if ((effect.kind === 'increase' || effect.kind === 'decrease') && effect.value && pathOf(effect.target) === pathOf(deadline.subject)) {
            (deadline.movedBy ??= []).push({ action: action.id, place: effect.target, op: effect.kind, by: effect.value, when: effect.when, source: effect.source });
          }
        }
      }
      const declared = context.scope.stateVariables.find((v) => v.name === pathOf(deadline.subject));
      if (declared) deadline.source = context.locate(declared);
    }
    terms.deadlines = [...byId.values()];
  },
};

/** Where the actions set a stored time: the action, the value, and the branch conditions of the write. */
export function setByOf(terms: ContractTerms, subject: Expr): Deadline['setBy'] {
  const setBy: Deadline['setBy'] = [];
  for (const action of terms.actions) {
    for (const effect of action.effects) {
      if (effect.kind === 'set' && effect.value && pathOf(effect.target) === pathOf(subject)) setBy.push({ action: action.id, place: effect.target, value: effect.value, when: effect.when, source: effect.source });
      if (effect.value?.kind === 'struct' && subject.kind === 'member') {
        const field = effect.value.fields.find((f) => f.name === subject.member);
        // The field of the record this action writes, under this action's own key.
        const place: Expr = { ...subject, object: effect.target };
        if (field && collectionOfPath(pathOf(subject)) === targetName(effect.target)) setBy.push({ action: action.id, place, value: field.value, when: effect.when, source: effect.source });
      }
    }
  }
  return setBy;
}

/**
 * The comparisons with the block time that a condition requires, normalised to `now OP against`: each
 * conjunct, or one alternative of a disjunction (with the other alternatives, which also let the action
 * go ahead). Deeper nestings are left to the action's own sentence.
 */
export function timeChecks(expr: Expr): { op: CompareOp; against: Expr; when: Expr[]; otherwise: Expr[]; clock: 'time' | 'blocks' }[] {
  if (expr.kind === 'and') return expr.operands.flatMap(timeChecks);
  if (expr.kind === 'or') {
    return expr.operands.flatMap((operand, i) => {
      const otherwise = expr.operands.filter((_, j) => j !== i);
      if (operand.kind === 'compare') return timeComparisons(operand).map((c) => ({ ...c, when: [], otherwise }));
      // (state == Shipped && now > deliverBy) || …: when the State is Shipped, the time decides.
      if (operand.kind !== 'and') return [];
      return operand.operands.flatMap((part, k) =>
        part.kind === 'compare' ? timeComparisons(part).map((c) => ({ ...c, when: operand.operands.filter((_, m) => m !== k), otherwise })) : [],
      );
    });
  }
  return timeComparisons(expr).map((c) => ({ ...c, when: [], otherwise: [] }));
}

/** Every comparison with the block time inside a condition, normalised to `now OP against`. */
export function timeComparisons(expr: Expr): { op: CompareOp; against: Expr; clock: 'time' | 'blocks' }[] {
  if (expr.kind === 'and' || expr.kind === 'or') return expr.operands.flatMap(timeComparisons);
  if (expr.kind === 'not') return [];
  if (expr.kind !== 'compare') return [];
  if (isNow(expr.left)) return [{ op: expr.op, against: expr.right, clock: clockOf(expr.left) }];
  if (isNow(expr.right)) return [{ op: FLIPPED_COMPARE[expr.op], against: expr.left, clock: clockOf(expr.right) }];
  return [];
}

function clockOf(expr: Expr): 'time' | 'blocks' {
  if (expr.kind === 'convert') return clockOf(expr.operand);
  return expr.kind === 'block-number' ? 'blocks' : 'time';
}

function onlyParameters(expr: Expr): boolean {
  if (expr.kind === 'variable') return expr.scope === 'parameter' || expr.scope === 'local';
  if (expr.kind === 'convert') return onlyParameters(expr.operand);
  // An entry of a list given in the call (`deadlines[i]`, each signed authorisation's own expiry).
  if (expr.kind === 'index') return onlyParameters(expr.base);
  if (expr.kind === 'arith') return onlyParameters(expr.left) && (onlyParameters(expr.right) || expr.right.kind === 'number');
  return false;
}

function isNow(expr: Expr): boolean {
  return expr.kind === 'now' || expr.kind === 'block-number' || (expr.kind === 'convert' && isNow(expr.operand));
}

/**
 * The stored value behind a time expression: `deadline`, `deadline + GRACE`, `orders[id].deliverBy`. Of two
 * stored values added, the one the code uses as a moment (`anchors`, see time-anchors.ts) is the moment and
 * the other the period (`s.cliffDuration + s.startTime`: the Start Time); otherwise the first written.
 */
export function subjectOf(expr: Expr, anchors: ReadonlySet<string> = new Set()): Expr | null {
  if (expr.kind === 'variable' && expr.scope !== 'parameter' && expr.scope !== 'local') return expr;
  // A field of a stored record (orders[id].deliverBy); a field of a value given in the call is not stored.
  if (expr.kind === 'member') return storedRoot(expr) ? expr : null;
  // An entry of a stored mapping or array of times (`nextDue[member]`).
  if (expr.kind === 'index') return storedRoot(expr) ? expr : null;
  if (expr.kind === 'convert') return subjectOf(expr.operand, anchors);
  if (expr.kind === 'arith' && (expr.op === '+' || expr.op === '-')) {
    // In a moment plus a period, a constant added to anything but a number is the period, never the moment.
    const moment = (side: Expr, other: Expr) => (isConstant(side) && other.kind !== 'number' ? null : subjectOf(side, anchors));
    const [left, right] = [moment(expr.left, expr.right), moment(expr.right, expr.left)];
    const anchored = (subject: Expr | null) => subject !== null && anchors.has(pathOf(subject));
    if (expr.op === '+' && anchored(right) && !anchored(left)) return right;
    return left ?? right;
  }
  return null;
}

function isTypeBound(expr: Expr): boolean {
  const inner = unwrap(expr);
  return inner.kind === 'number' && inner.unit === null && isTypeMax(inner.value);
}

function isConstant(expr: Expr): boolean {
  return (expr.kind === 'variable' && expr.scope === 'constant') || (expr.kind === 'convert' && isConstant(expr.operand));
}

function storedRoot(expr: Expr): boolean {
  if (expr.kind === 'variable') return expr.scope === 'state' || expr.scope === 'immutable';
  if (expr.kind === 'member') return storedRoot(expr.object);
  if (expr.kind === 'index') return storedRoot(expr.base);
  if (expr.kind === 'prior') return storedRoot(expr.of);
  return false;
}

/**
 * The stored date as the sentence about how it is set names it. Its writers may key the record differently
 * from the action whose check or formula made it a date (`create(beneficiary, …)` writes
 * `schedules[beneficiary].cliff`; `release` reads `schedules[msg.sender].cliff`): the place the writers write
 * is named when they all write it under a key a reader can name (a value given in the call, or the caller).
 * A new record numbered by a counter or a hash keeps the reader's name when that is a value given in the call
 * ("the given Schedule", as any Schedule); otherwise (the caller's) the record is named without a key.
 */
export function placeSet(deadline: Deadline): Expr {
  const places = [...deadline.setBy, ...(deadline.movedBy ?? [])].map((write) => write.place);
  const subject = deadline.subject;
  if (places.length === 0 || places.every((place) => same(place, subject))) return subject;
  if (places.every((place) => same(place, places[0]!)) && nameable(keyOf(places[0]!))) return places[0]!;
  if (subject.kind !== 'member' || subject.object.kind !== 'index' || isGiven(subject.object.index)) return subject;
  return { ...subject, object: { kind: 'each', of: subject.object.base, item: subject.object.item } };
}

function keyOf(place: Expr): Expr | null {
  return place.kind === 'member' && place.object.kind === 'index' ? place.object.index : null;
}

function nameable(key: Expr | null): boolean {
  return key === null || isGiven(key) || unwrap(key).kind === 'caller';
}

function isGiven(key: Expr): boolean {
  const bare = unwrap(key);
  return bare.kind === 'variable' && bare.scope === 'parameter';
}

export function pathOf(expr: Expr): string {
  if (expr.kind === 'variable') return expr.name;
  if (expr.kind === 'member') {
    const collection = expr.object.kind === 'index' ? targetName(expr.object.base) : targetName(expr.object);
    return `${collection}.${expr.member}`;
  }
  if (expr.kind === 'index') return pathOf(expr.base);
  return '';
}

function collectionOfPath(id: string): string {
  return id.split('.')[0];
}

function labelOf(expr: Expr): string {
  if (expr.kind === 'variable') return expr.label;
  if (expr.kind === 'member') return humanise(expr.member);
  if (expr.kind === 'index') return labelOf(expr.base);
  return '';
}
