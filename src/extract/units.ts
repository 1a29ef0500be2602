/**
 * Units on the numbers the terms state, from the one value-format inference (the one orders and ERC-7730
 * use, `orders/semantics.ts`). A number compared with, added to, or stored in a value of known format
 * takes its unit: a share ("at most 15% (1,500 basis points)", not "at most 1,500"), a period in seconds
 * ("7 days", not "604,800") or an amount in wei ("2 ETH"). A constant takes the unit of its own uses
 * wherever it appears. Runs after deadlines and powers, so that their bounds are read the same way.
 */
import { rewrite } from '../ir/exprs.ts';
import type { ValueFormat } from '../orders/model.ts';
import { inferFormats } from '../orders/semantics.ts';
import type { ContractTerms, Expr, Unit } from '../terms/index.ts';
import { shareUnitOf, unwrap } from '../terms/index.ts';
import type { Extractor } from './context.ts';

type FormatOf = (expr: Expr, action: string) => ValueFormat | null;

export const units: Extractor = {
  name: 'units',
  extract(_context, terms) {
    const formatOf = inferFormats(terms);
    const isBlockCount = blockCounts(terms);
    const unitOf = (expr: Expr, action: string): Unit | null => unitOfFormat(formatOf(expr, action));
    const mark = (expr: Expr, action: string): Expr =>
      rewrite(expr, (node) => {
        // A share's own rate is told as a percentage already; the inference settles which factor it is.
        if (node.kind === 'percent-of') {
          const rate = formatOf.rateOf(node, action);
          return rate === node.rate ? node : { ...node, base: node.rate, rate: node.base };
        }
        if (node.kind === 'compare') return markPair(node, unitOf(node.left, action), unitOf(node.right, action), mark, action);
        if (node.kind === 'arith' && (node.op === '+' || node.op === '-')) {
          // A block number plus or minus a plain number: the number counts blocks.
          if (isBlockCount(node.left) || isBlockCount(node.right)) {
            return markPair(node, isBlockCount(node.left) ? 'blocks' : null, isBlockCount(node.right) ? 'blocks' : null, mark, action);
          }
          // A date plus or minus a plain number: the number is a period in seconds.
          return markPair(node, offsetUnit(formatOf(node.left, action)), offsetUnit(formatOf(node.right, action)), mark, action);
        }
        return null;
      });
    for (const action of terms.actions) {
      for (const condition of action.conditions) {
        condition.expr = mark(condition.expr, action.id);
        condition.when = condition.when.map((w) => mark(w, action.id));
      }
      for (const effect of action.effects) {
        if (!effect.value) continue;
        const stored = effect.kind === 'set' ? withUnit(effect.value, unitOf(effect.target, action.id)) : null;
        effect.value = stored ?? mark(effect.value, action.id);
      }
      for (const payment of action.payments) {
        payment.amount = withUnit(payment.amount, payment.asset.kind === 'eth' ? 'wei' : null) ?? mark(payment.amount, action.id);
      }
    }
    for (const deadline of terms.deadlines) {
      for (const check of deadline.checks) check.against = mark(check.against, check.action);
      for (const set of deadline.setBy) set.value = mark(set.value, set.action);
    }
    for (const power of terms.powers) {
      power.bounds = power.bounds.map((bound) => mark(bound, power.action));
      if (power.target) {
        const format = formatOf(power.target, power.action);
        power.rateScale = format?.kind === 'percent' ? format.scale : null;
      }
    }
    markConstants(terms, formatOf);
    terms.moments = formatOf.moments();
  },
};

/** The unit a plain number takes from the format of the value it stands for. */
function unitOfFormat(format: ValueFormat | null): Unit | null {
  switch (format?.kind) {
    case 'percent': return shareUnitOf(format.scale);
    case 'duration': return 'seconds';
    case 'eth': return 'wei';
    default: return null;
  }
}

/**
 * True for a block number: `block.number`, or a stored value the contract compares with it (a deadline
 * counted in blocks, such as `endBlock`).
 */
function blockCounts(terms: ContractTerms): (expr: Expr) => boolean {
  const stored = new Set<string>();
  for (const deadline of terms.deadlines) {
    if (deadline.clock !== 'blocks') continue;
    for (const place of [deadline.subject, ...deadline.checks.map((check) => check.against)]) {
      const inner = unwrap(place);
      const sides = inner.kind === 'arith' && (inner.op === '+' || inner.op === '-') ? [unwrap(inner.left), unwrap(inner.right)] : [inner];
      for (const side of sides) if (side.kind === 'variable' && side.scope !== 'parameter' && side.scope !== 'local') stored.add(side.name);
    }
  }
  return (expr) => {
    const inner = unwrap(expr);
    return inner.kind === 'block-number' || (inner.kind === 'variable' && stored.has(inner.name));
  };
}

/** What a plain number added to or taken from a value of this format is: a period, next to a date or a period. */
function offsetUnit(format: ValueFormat | null): Unit | null {
  return format?.kind === 'datetime' || format?.kind === 'duration' ? 'seconds' : null;
}

/** The two sides of a comparison or sum, a plain number on either side taking the unit of the other. */
function markPair<T extends Extract<Expr, { left: Expr; right: Expr }>>(
  node: T,
  leftUnit: Unit | null,
  rightUnit: Unit | null,
  mark: (expr: Expr, action: string) => Expr,
  action: string,
): T | null {
  const right = withUnit(node.right, leftUnit);
  const left = withUnit(node.left, rightUnit);
  return right || left ? { ...node, left: left ?? mark(node.left, action), right: right ?? mark(node.right, action) } : null;
}

/** A plain number (not zero) read in a unit. */
function withUnit(expr: Expr, unit: Unit | null): Expr | null {
  if (!unit) return null;
  if (expr.kind === 'number' && expr.unit === null && expr.value !== '0') return { ...expr, unit };
  if (expr.kind === 'convert') {
    const operand = withUnit(expr.operand, unit);
    return operand ? { ...expr, operand } : null;
  }
  return null;
}

/**
 * A constant whose uses give it a format (`GRACE` compared with a time difference, `DEPOSIT` with the ETH
 * sent) is stated in that unit wherever the terms name it. Constants are the same in every action, so
 * each occurrence is marked in place.
 */
function markConstants(terms: ContractTerms, formatOf: FormatOf): void {
  const found = new Map<string, Unit | null>();
  const unitOf = (variable: Extract<Expr, { kind: 'variable' }>): Unit | null => {
    if (!found.has(variable.name)) found.set(variable.name, unitOfFormat(formatOf(variable, '')));
    return found.get(variable.name)!;
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (node.kind === 'variable' && isConstant(node as Expr)) {
      const variable = node as Extract<Expr, { kind: 'variable' }>;
      const unit = unitOf(variable);
      if (unit) variable.unit = unit;
      return;
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(terms.actions);
  visit(terms.deadlines);
  visit(terms.powers);
  visit(terms.lifecycles);
}

function isConstant(expr: Expr): boolean {
  const inner = unwrap(expr);
  return inner.kind === 'variable' && inner.scope !== 'parameter' && inner.scope !== 'local' && inner.scope !== 'return' && inner.value !== null && inner.unit === null && /^\d+$/.test(inner.value) && inner.value !== '0';
}
