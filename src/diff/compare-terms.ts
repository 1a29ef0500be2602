/**
 * compareTerms: the changes of terms between two versions of a contract, most important first
 * (powers, then money, then parties and access, then rules and deadlines, then lifecycle and risks).
 */
import type { ContractTerms } from '../terms/index.ts';
import { compareActions } from './compare-actions.ts';
import {
  compareConstants,
  compareDeadlines,
  compareLifecycles,
  compareParties,
  comparePowers,
  compareRisks,
} from './compare-contract.ts';
import type { TermChange } from './types.ts';

type Comparer = (before: ContractTerms, after: ContractTerms) => TermChange[];

/** One comparer per kind of term, in the order their changes are listed within one importance. */
const COMPARERS: readonly Comparer[] = [
  comparePowers,
  compareConstants,
  compareParties,
  compareActions,
  compareDeadlines,
  compareLifecycles,
  compareRisks,
];

export function compareTerms(before: ContractTerms, after: ContractTerms): TermChange[] {
  const changes = dropRepeats(COMPARERS.flatMap((compare) => compare(before, after)));
  return changes
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.importance - b.item.importance || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * One change is said once: an action added or removed with a power is the power; a check on the new
 * value of a power whose bounds changed is the bound.
 */
function dropRepeats(changes: TermChange[]): TermChange[] {
  const powerActions = new Set(changes.filter((c) => c.kind === 'power-added' || c.kind === 'power-removed').map((c) => c.action));
  const boundActions = new Set(changes.filter((c) => c.kind === 'power-bounds-changed').map((c) => c.action));
  return changes.filter((c) => {
    if ((c.kind === 'action-added' || c.kind === 'action-removed') && powerActions.has(c.action)) return false;
    if (c.kind.startsWith('condition-') && boundActions.has(c.action)) return false;
    return true;
  });
}
