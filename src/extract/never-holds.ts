/**
 * Actions that can never succeed on the contract as deployed. A check on a stored number (`_initialized < 1`)
 * that no value the number can take meets, when every write of it is a fixed number: the value given at
 * deployment and the values actions write. OpenZeppelin's `initializer` on an implementation deployed with
 * its constructor already run is the common case: `initialize` works only behind a proxy, on the proxy's
 * own storage.
 */
import type { CompareOp, ContractTerms, Expr, Risk } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import { compareNumbers } from '../ir/exprs.ts';

type Draft = Omit<Risk, 'id' | 'basis'>;

export function neverSucceeds(terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  const deployment = terms.actions.find((action) => action.kind === 'constructor');
  for (const action of terms.actions) {
    if (action.kind === 'constructor' || action.alwaysFails) continue;
    for (const condition of action.conditions) {
      if (condition.when.length > 0 || condition.each !== null) continue;
      // The check itself, or one part of an `and` of checks.
      const inner = unwrap(condition.expr);
      const parts = inner.kind === 'and' ? inner.operands : [inner];
      const failing = parts.flatMap((part) => {
        const check = storedCheck(part);
        const values = check ? possibleValues(terms, check.name, deployment ?? null) : null;
        return check && values !== null && !values.some((value) => compareNumbers(check.op, value, check.against)) ? [{ part, values }] : [];
      })[0];
      if (!failing) continue;
      drafts.push({ kind: 'never-succeeds', action: action.id, party: null, subject: failing.part, text: failing.values.map(String).join(','), state: null, source: condition.source });
      break;
    }
  }
  return drafts;
}

/** `stored op number`, the stored value a state variable of the contract. */
function storedCheck(expr: Expr): { name: string; op: CompareOp; against: bigint } | null {
  const inner = unwrap(expr);
  if (inner.kind !== 'compare') return null;
  const left = unwrap(inner.left);
  const right = unwrap(inner.right);
  if (left.kind !== 'variable' || left.scope !== 'state' || right.kind !== 'number' || !/^\d+$/.test(right.value)) return null;
  return { name: left.name, op: inner.op, against: BigInt(right.value) };
}

/** Every value the stored number can hold after deployment, when each is fixed in the code; null when not known. */
function possibleValues(terms: ContractTerms, name: string, deployment: ContractTerms['actions'][number] | null): bigint[] | null {
  const values = new Set<bigint>();
  const initial = deployment?.effects.filter((effect) => isWriteOf(effect.target, name)) ?? [];
  // Not written at deployment: it starts at zero.
  if (initial.length === 0) values.add(0n);
  for (const action of terms.actions) {
    for (const effect of action.effects) {
      if (!isWriteOf(effect.target, name)) continue;
      const value = effect.kind === 'set' && effect.value ? unwrap(effect.value) : null;
      if (effect.kind === 'delete') values.add(0n);
      else if (value?.kind === 'number' && /^\d+$/.test(value.value)) values.add(BigInt(value.value));
      else return null;
    }
  }
  return [...values];
}

function isWriteOf(target: Expr, name: string): boolean {
  const inner = unwrap(target);
  return inner.kind === 'variable' && inner.scope === 'state' && inner.name === name;
}
