/**
 * Records copied into memory (`Bid memory a = auction`). A copy is read through the stored record's place
 * while nothing has written the record since; once the call writes one of its fields, the copy is the record
 * written out field by field as it was at that point, so that a field written after the copy reads the value
 * it had (see `LowererBase.forget`), and a field not written reads as the record does.
 *
 * Not handled: a copy of an array (`Bid[] memory all = bids`), and an element written in an array that is a
 * field of the copied record (`auction.history[0] = …`): the copy's field still reads the record's current value.
 */
import type { Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import { same } from './exprs.ts';
import { isPlace } from './lower-helpers.ts';

/** A stored record a copy may be read through: a place, or the item a loop is at (`bids[i]` in a loop over `bids`). */
export function isRecordPlace(value: Expr): boolean {
  return isPlace(value) || (value.kind === 'each' && isPlace(value.of));
}

/** The id of the struct a type identifier names (`t_struct$_Bid_$5_memory_ptr` → 5), in any data location. */
export function structIdOf(typeIdentifier: string | null | undefined, location: 'memory' | 'any' = 'any'): number | null {
  const match = (location === 'memory' ? /^t_struct\$_\w+?_\$(\d+)_memory/ : /^t_struct\$_\w+?_\$(\d+)_/).exec(typeIdentifier ?? '');
  return match ? Number(match[1]) : null;
}

/** True when `target` is a part of `place` (a field or entry reached through it), not the place itself. */
export function isPartOf(target: Expr, place: Expr): boolean {
  const outer = target.kind === 'member' ? target.object : target.kind === 'index' ? target.base : target.kind === 'each' ? target.of : null;
  return outer !== null && (same(outer, place) || isPartOf(outer, place));
}

/** The most nodes a memory copy written out field by field may have. */
const COPY_SIZE_LIMIT = 400;

/** True when a copy written out is small enough to keep (past the limit it keeps reading through the record). */
export function smallEnough(copy: Expr): boolean {
  let count = 0;
  for (const _ of walkExpr(copy)) if (++count > COPY_SIZE_LIMIT) return false;
  return true;
}
