/**
 * What a redline is made of: one TermChange per change of a term between two versions of a contract.
 * `old` and `new` are model values (expressions, lists, access rules, states), never words.
 */
import type { SourceRef } from '../terms/index.ts';

export const CHANGE_KINDS = [
  'power-added',
  'power-removed',
  'power-holders-changed',
  'power-bounds-changed',
  'constant-changed',
  'payment-added',
  'payment-removed',
  'payment-amount-changed',
  'payment-redirected',
  'party-added',
  'party-removed',
  'party-reassigned',
  'party-setting-changed',
  'party-changers-changed',
  'access-changed',
  'action-added',
  'action-removed',
  'condition-added',
  'condition-removed',
  'condition-changed',
  'deadline-added',
  'deadline-removed',
  'deadline-moved',
  'state-added',
  'state-removed',
  'transition-added',
  'transition-removed',
  'risk-added',
  'risk-removed',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** 1 is the most important: powers that override the deal; then money; parties and access; rules; lifecycle and risks. */
export type Importance = 1 | 2 | 3 | 4 | 5;

export interface TermChange {
  kind: ChangeKind;
  /** The action (its id, the signature) the change is in, or null for a contract-wide term. */
  action: string | null;
  /** What changed: a party id, a constant's name, a power kind, a deadline id, a state, a risk kind… */
  subject: string;
  old: unknown;
  new: unknown;
  oldSource: SourceRef | null;
  newSource: SourceRef | null;
  importance: Importance;
}

export const IMPORTANCE: Record<ChangeKind, Importance> = {
  'power-added': 1,
  'power-removed': 1,
  'power-holders-changed': 1,
  'power-bounds-changed': 1,
  'constant-changed': 2,
  'payment-added': 2,
  'payment-removed': 2,
  'payment-amount-changed': 2,
  'payment-redirected': 2,
  'party-added': 3,
  'party-removed': 3,
  'party-reassigned': 3,
  'party-setting-changed': 3,
  'party-changers-changed': 3,
  'access-changed': 3,
  'action-added': 4,
  'action-removed': 4,
  'condition-added': 4,
  'condition-removed': 4,
  'condition-changed': 4,
  'deadline-added': 4,
  'deadline-removed': 4,
  'deadline-moved': 4,
  'state-added': 5,
  'state-removed': 5,
  'transition-added': 5,
  'transition-removed': 5,
  'risk-added': 5,
  'risk-removed': 5,
};

export function change(
  kind: ChangeKind,
  fields: { action?: string | null; subject: string; old?: unknown; new?: unknown; oldSource?: SourceRef | null; newSource?: SourceRef | null },
): TermChange {
  return {
    kind,
    action: fields.action ?? null,
    subject: fields.subject,
    old: fields.old ?? null,
    new: fields.new ?? null,
    oldSource: fields.oldSource ?? null,
    newSource: fields.newSource ?? null,
    importance: IMPORTANCE[kind],
  };
}

/** Items of two lists matched by a key: pairs present in both, and those only in one. */
export function matchBy<T>(olds: readonly T[], news: readonly T[], key: (item: T) => string) {
  const pairs: [T, T][] = [];
  const remaining = [...news];
  const removed: T[] = [];
  for (const item of olds) {
    const index = remaining.findIndex((candidate) => key(candidate) === key(item));
    if (index < 0) removed.push(item);
    else pairs.push([item, remaining.splice(index, 1)[0]]);
  }
  return { pairs, removed, added: remaining };
}
