/** Reentrancy locks: bookkeeping a modifier does around the body, set aside so it is not read as a term. */
import type { Expr } from '../terms/index.ts';
import { constantOf, key } from './exprs.ts';
import { onlyAbout } from './lower-helpers.ts';
import type { Instr, LoweredAction } from './types.ts';

type Store = Extract<Instr, { k: 'store' }>;

/**
 * A lock is set and reset on every call: each write is unconditional and of a constant, and the writes
 * differ. A helper that writes one place on several exclusive branches (`if (to == A) s = A; if (to == B)
 * s = B`) is not a lock; its writes are the terms.
 */
function isLockWrite(stores: Store[]): boolean {
  if (stores.some((s) => s.guard.length > 0 || s.each !== null || s.op !== 'set' || s.value === null || !isConstant(s.value))) return false;
  return new Set(stores.map((s) => key(s.value!))).size > 1;
}

const isConstant = (e: Expr) => e.kind === 'bool' || e.kind === 'enum-member' || constantOf(e) !== null;

/**
 * A modifier that writes the same storage twice (set before the body, reset after) and checks it is a
 * reentrancy lock: bookkeeping, not a term. Its writes and checks are set aside.
 */
export function recogniseLocks(instrs: Instr[], reads: string[]): LoweredAction['locks'] {
  const locks: LoweredAction['locks'] = [];
  const byModifier = new Map<string, Instr[]>();
  for (const instr of instrs) {
    if (!instr.via) continue;
    const list = byModifier.get(instr.via) ?? [];
    list.push(instr);
    byModifier.set(instr.via, list);
  }
  for (const [modifier, own] of byModifier) {
    if (!reads.includes(modifier)) continue;
    const stores = own.filter((i): i is Extract<Instr, { k: 'store' }> => i.k === 'store');
    const written = stores.map((i) => key(i.target));
    const lock = written.find((k, i) => written.indexOf(k) !== i && isLockWrite(stores.filter((s) => key(s.target) === k)));
    if (!lock) continue;
    locks.push({ modifier, target: lock });
    for (let i = instrs.length - 1; i >= 0; i--) {
      const instr = instrs[i];
      if (instr.via !== modifier) continue;
      if ((instr.k === 'store' && key(instr.target) === lock) || (instr.k === 'require' && onlyAbout(instr.cond, lock))) instrs.splice(i, 1);
    }
  }
  return locks;
}
