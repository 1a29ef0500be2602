/**
 * Units on the numbers the terms state, from the one value-format inference (the one orders and ERC-7730
 * use, `orders/semantics.ts`): a number compared with, or stored in, a value used as a rate of a share is
 * a share ("at most 15% (1,500 basis points)", not "at most 1,500"); so is a constant used as such a rate.
 * Runs after powers, so that their bounds are read the same way.
 */
import { rewrite } from '../ir/exprs.ts';
import { inferFormats } from '../orders/semantics.ts';
import type { Expr } from '../terms/index.ts';
import { shareUnitOf, type ShareUnit } from '../terms/index.ts';
import type { Extractor } from './context.ts';

export const units: Extractor = {
  name: 'units',
  extract(_context, terms) {
    const formatOf = inferFormats(terms);
    const shareOf = (expr: Expr, action: string): ShareUnit | null => {
      const format = formatOf(expr, action);
      return format?.kind === 'percent' ? shareUnitOf(format.scale) : null;
    };
    const mark = (expr: Expr, action: string): Expr =>
      rewrite(expr, (node) => {
        // A share's own rate is told as a percentage already.
        if (node.kind === 'percent-of') return node;
        if (node.kind === 'variable' && node.value !== null && node.unit === null) {
          const unit = shareOf(node, action);
          return unit ? { ...node, unit } : null;
        }
        if (node.kind !== 'compare') return null;
        const nextRight = withShare(node.right, shareOf(node.left, action));
        const nextLeft = withShare(node.left, shareOf(node.right, action));
        return nextRight || nextLeft ? { ...node, left: nextLeft ?? mark(node.left, action), right: nextRight ?? mark(node.right, action) } : null;
      });
    for (const action of terms.actions) {
      for (const condition of action.conditions) {
        condition.expr = mark(condition.expr, action.id);
        condition.when = condition.when.map((w) => mark(w, action.id));
      }
      for (const effect of action.effects) {
        if (!effect.value) continue;
        const stored = effect.kind === 'set' ? withShare(effect.value, shareOf(effect.target, action.id)) : null;
        effect.value = stored ?? mark(effect.value, action.id);
      }
    }
    for (const power of terms.powers) {
      power.bounds = power.bounds.map((bound) => mark(bound, power.action));
      if (power.target) {
        const format = formatOf(power.target, power.action);
        power.rateScale = format?.kind === 'percent' ? format.scale : null;
      }
    }
  },
};

/** A plain number (not zero) read as a share, when the other side of it is one. */
function withShare(expr: Expr, unit: ShareUnit | null): Expr | null {
  if (!unit) return null;
  if (expr.kind === 'number' && expr.unit === null && expr.value !== '0') return { ...expr, unit };
  if (expr.kind === 'convert') {
    const operand = withShare(expr.operand, unit);
    return operand ? { ...expr, operand } : null;
  }
  return null;
}
