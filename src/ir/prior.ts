/**
 * Reads made before a write: a value read from a place that the same call writes afterwards is marked
 * `prior` ("as it stood before the call"), so that a sentence about the whole action does not read it as
 * the new value.
 */
import type { Expr } from '../terms/index.ts';
import { key, rewrite, same, withoutPrior } from './exprs.ts';
import { isPathPrefix, walkExpr } from '../terms/index.ts';
import type { LoweredAction } from './types.ts';

/**
 * Marks reads of `target` inside a value as reads made before the call changed it (or, `inCall`, after an
 * earlier write of it; `atItem`, in a loop that writes it, as the items before left it).
 */
export function wrapPrior(value: Expr, target: Expr, inCall = false, atItem = false): Expr {
  const k = key(target);
  if (!key(value).includes(k)) return value;
  return rewrite(
    value,
    (e) => {
      if (e.kind === 'prior' || e.kind === 'call-outcome') return e;
      // Everything inside a read made before the call is read before the call too: one mark says it.
      if (key(e) === k) return atItem ? { kind: 'prior', of: withoutPrior(e), atItem: true } : inCall ? { kind: 'prior', of: withoutPrior(e), inCall: true } : { kind: 'prior', of: withoutPrior(e) };
      return null;
    },
    true,
  );
}

/**
 * Two values of a local at a join that differ only in that one path wrote a place the value had read:
 * on the other path the place was not written, so its read is the value before the call too.
 */
export function unifyPrior(a: Expr, b: Expr): Expr | null {
  const priors = (e: Expr) => {
    const found: Expr[] = [];
    rewrite(e, (n) => {
      if (n.kind === 'prior') found.push(n.of);
      return n.kind === 'prior' ? n : null;
    });
    return found;
  };
  const pa = priors(a);
  const pb = priors(b);
  if (pa.length === 0 && pb.length === 0) return null;
  const wrappedA = pb.reduce((v, t) => wrapPrior(v, t), a);
  const wrappedB = pa.reduce((v, t) => wrapPrior(v, t), b);
  return same(wrappedA, wrappedB) ? wrappedA : null;
}

/** Marks named formulas (views such as `releasable(account)`) in a value as computed before the call. */
export function markFormulas(value: Expr): Expr {
  return rewrite(value, (e) => (e.kind === 'prior' ? e : e.kind === 'call' ? { kind: 'prior', of: e } : null), true);
}

/**
 * A sentence about an action reads its values as of the whole call. A payment, event or write that used a
 * stored value before a later write in the same call changed it reads "as it stood before the call" (the
 * outbid bidder is refunded before the new bidder is recorded). Conditions and guards are read when checked.
 */
export function markEarlierReads(instrs: LoweredAction['instrs'], loopOf: (id: number) => object | undefined = () => undefined): void {
  const stores = instrs.filter((i): i is Extract<LoweredAction['instrs'][number], { k: 'store' }> => i.k === 'store');
  if (stores.length === 0) return;
  for (const instr of instrs) {
    const later = stores.filter((s) => s.id > instr.id).map((s) => s.target);
    // In a loop, a place the body writes (not the item's own) is read as the items before this one left it:
    // a write later in the body ran already for those items, so never "as it stood before the call".
    const loop = loopOf(instr.id);
    const atItem = loop ? stores.filter((s) => loopOf(s.id) === loop && !perItem(s.target)).map((s) => s.target) : [];
    if (later.length === 0 && atItem.length === 0) continue;
    // A place this path wrote earlier in the call in a way a later read does not see as a value (an item
    // pushed, a write in a loop: a list an internal function filled) holds what the call computed, not what
    // it held before the call: said so, never "as it stood before the call". A write the read sees (`owed +=
    // bonus; send(owed)`) is in the value already, and what it read is the value before the call.
    const earlier = stores.filter((s) => s.id < instr.id && unseen(s, instr) && isPathPrefix(s.guard.slice(0, s.guard.length - (s.each?.where.length ?? 0)), instr.guard)).map((s) => s.target);
    const computed = later.filter((t) => earlier.some((e) => same(e, t)));
    // A named formula (a view such as `releasable(account)`) reads stored values too: computed before a
    // later write, it is the formula's value as it stood before the call.
    const mark = (e: Expr) => markFormulas(later.reduce((v, t) => wrapPrior(v, t), computed.reduce((v, t) => wrapPrior(v, t, true), atItem.reduce((v, t) => wrapPrior(v, t, false, true), e))));
    switch (instr.k) {
      case 'pay': instr.to = mark(instr.to); instr.amount = mark(instr.amount); break;
      case 'emit': instr.args = instr.args.map(mark); break;
      case 'store':
        // The place written stays the place; the keys that pick it were read before the later write.
        instr.target = markKeys(instr.target, mark);
        if (instr.value) instr.value = mark(instr.value);
        break;
      case 'call':
        // What the call is given (an item's id, a receiver) is read when the call is made.
        instr.target = mark(instr.target);
        instr.args = instr.args.map(mark);
        if (instr.item) instr.item = { token: mark(instr.item.token), from: mark(instr.item.from), to: mark(instr.item.to), id: mark(instr.item.id) };
        break;
      default: break;
    }
  }
}

/** A place of the item a loop is at (`milestones[i].status`): no other item's turn writes it. */
function perItem(target: Expr): boolean {
  for (const n of walkExpr(target)) if (n.kind === 'each' || n.kind === 'position') return true;
  return false;
}

/** A write whose value a later read does not carry: a push or pop, or a write in another loop. */
function unseen(store: Extract<LoweredAction['instrs'][number], { k: 'store' }>, read: LoweredAction['instrs'][number]): boolean {
  if (store.op === 'push' || store.op === 'pop') return true;
  return store.each !== null && !(read.each !== null && same(read.each.over, store.each.over));
}

function markKeys(place: Expr, mark: (e: Expr) => Expr): Expr {
  if (place.kind === 'index') return { ...place, base: markKeys(place.base, mark), index: mark(place.index) };
  if (place.kind === 'member') return { ...place, object: markKeys(place.object, mark) };
  return place;
}
