/** Pieces every check of a claim shares: the draft a check returns and the actions a claim speaks of. */
import type { Action, ClaimCheck, ContractTerms } from '../terms/index.ts';

/** A check before the sentence it reads is attached. */
export type ClaimDraft = Omit<ClaimCheck, 'said' | 'unpinned' | 'action' | 'unread'> & { unpinned?: boolean; action?: string | null; unread?: boolean };

/** The actions a claim speaks of: its own action, or every action for a comment on the contract. */
export function scopeOf(action: Action | null, terms: ContractTerms): Action[] {
  return action ? [action] : terms.actions;
}
