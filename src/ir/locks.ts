/** Reentrancy locks: bookkeeping a modifier does around the body, set aside so it is not read as a term. */
import { key } from './exprs.ts';
import { onlyAbout } from './lower-helpers.ts';
import type { Instr, LoweredAction } from './types.ts';

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
    const written = own.filter((i): i is Extract<Instr, { k: 'store' }> => i.k === 'store').map((i) => key(i.target));
    const lock = written.find((k, i) => written.indexOf(k) !== i);
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
