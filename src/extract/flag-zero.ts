/**
 * A stored flag and what it zeroes: the value a check requires of a flag (`!waived`), and the part of an
 * amount that a flag's new value makes zero (`price + (waived ? 0 : fee)`: the Fee), or the value it chooses
 * instead of another (`rush ? rushFee : baseFee`), directly or through the views the amount calls. Read by
 * the powers that reach another party's payments.
 */
import type { Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { StoredReads } from './stored-reads.ts';

/**
 * What the flag's new value does to an amount: the part it makes zero (`zeroed`) — a view whose whole formula
 * is zero then (`lateFee()`, with `waived ? 0 : fee`), or the other branch of a choice on the flag, written in
 * the amount or inside a view it calls (`price + (waived ? 0 : fee)`: the Fee) — or, for a choice between two
 * non-zero values (`rush ? rushFee : baseFee`), the value it puts in place of the other (`chosen`, `instead`).
 * Null when the flag only changes the amount in another way (a branch of zero chosen away, a formula).
 */
export type FlagChoice = { zeroed: Expr; chosen: null; instead: null } | { zeroed: null; chosen: Expr; instead: Expr };

export function choiceIn(amount: Expr, flag: string, value: Expr, stored: StoredReads, depth: number): FlagChoice | null {
  for (const node of walkExpr(amount)) {
    if (node.kind === 'conditional') {
      const choice = choiceWhen(node, flag, value);
      if (choice) return choice;
    }
    if (node.kind !== 'call' || depth >= 4) continue;
    const formulas = stored.formulasOf?.(node.name) ?? [];
    if (formulas.length !== 1) continue;
    if (formulas[0].kind === 'conditional' && choiceWhen(formulas[0], flag, value)?.zeroed) return { zeroed: node, chosen: null, instead: null };
    const inner = choiceIn(formulas[0], flag, value, stored, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/**
 * A choice on the flag, for the value written: zero chosen makes the other branch zero (`waived ? 0 : fee`, set
 * to true: `fee`); two non-zero branches put the one chosen in place of the other. Null otherwise.
 */
function choiceWhen(formula: Extract<Expr, { kind: 'conditional' }>, flag: string, value: Expr): FlagChoice | null {
  if (value.kind !== 'bool') return null;
  const required = flagRequired(formula.condition);
  if (!required || required.name !== flag) return null;
  const [chosen, other] = required.value === value.value ? [formula.then, formula.otherwise] : [formula.otherwise, formula.then];
  if (isZero(chosen)) return { zeroed: other, chosen: null, instead: null };
  return isZero(other) ? null : { zeroed: null, chosen, instead: other };
}

function isZero(expr: Expr): boolean {
  const bare = unwrap(expr);
  return bare.kind === 'number' && /^0+$/.test(bare.value);
}

/** `active`, `!active`, `active == false`, `active != true`: the stored flag and the value required of it. */
export function flagRequired(expr: Expr): { name: string; value: boolean } | null {
  const isFlag = (e: Expr): e is Extract<Expr, { kind: 'variable' }> => e.kind === 'variable' && e.scope === 'state' && e.type === 'bool';
  if (isFlag(expr)) return { name: expr.name, value: true };
  if (expr.kind === 'not' && isFlag(expr.operand)) return { name: expr.operand.name, value: false };
  if (expr.kind === 'compare' && (expr.op === '==' || expr.op === '!=')) {
    const [flag, literal] = isFlag(expr.left) ? [expr.left, expr.right] : isFlag(expr.right) ? [expr.right, expr.left] : [null, null];
    if (flag && literal?.kind === 'bool') return { name: flag.name, value: literal.value === (expr.op === '==') };
  }
  return null;
}
