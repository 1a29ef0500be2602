/**
 * Parties written only once: an action that writes a party but can run only once (for each record) does
 * not make the party replaceable. It requires a stage of the deal that it leaves for good, read from the
 * lifecycles: Purchase's `confirmPurchase` runs from Created, moves to Locked and nothing returns to
 * Created; a voter's `delegate` runs while `voted` is not set and sets it. For a party held in a record,
 * the stage must be the same record's (the same key). An action that can succeed only once
 * (`access.once`, see once-only.ts) writes a party outside records once.
 */
import { key } from '../ir/exprs.ts';
import type { Action, ContractTerms, Expr, Lifecycle, Party } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { Extractor } from './context.ts';
import { refersTo, requiredStates, runsOnce, statesOf } from './lifecycle.ts';

export const partyOnce: Extractor = {
  name: 'party-once',
  extract(_context, terms) {
    for (const party of terms.parties) {
      if (party.kind === 'role') continue;
      const once = party.changedBy.filter((id) => {
        const action = terms.actions.find((a) => a.id === id);
        if (action === undefined) return false;
        // An action that can succeed only once at all (`access.once`: an initializer) writes a party outside records once.
        if (action.access.once && (party.collection ?? null) === null) return true;
        return terms.lifecycles.some((lifecycle) => writesOnceUnder(action, party, lifecycle));
      });
      party.setOnceBy = [...party.setOnceBy, ...once];
      party.changedBy = party.changedBy.filter((id) => !once.includes(id));
    }
  },
};

/**
 * An action that sets the deal up, once: it can succeed only once at all (`access.once`), or it runs only in the
 * stage deployment leaves the contract in, which it always leaves and nothing returns to (a job escrow's `setup`
 * from Launched to Pending). What it writes are first values, not changes to a deal under way: no power to replace.
 */
export function setsUpOnce(action: Action, terms: ContractTerms): boolean {
  if (action.access.once) return true;
  return terms.lifecycles.some((l) => !l.perItem && (l.collection ?? null) === null && l.initial !== null && runsOnce(action, l) && (requiredStates(action, l) ?? []).every((s) => s === l.initial));
}

function writesOnceUnder(action: Action, party: Party, lifecycle: Lifecycle): boolean {
  if ((lifecycle.collection ?? null) !== (party.collection ?? null) || !runsOnce(action, lifecycle)) return false;
  if (party.collection === null) return true;
  // Every write of the party's field is to the record whose stage the action checks.
  const checked = new Set(action.conditions.filter((c) => c.when.length === 0 && statesOf(c.expr, lifecycle) !== null).flatMap((c) => recordKeys(c.expr, lifecycle)));
  const collection = party.collection;
  const written = action.effects.flatMap((e) => (e.target.kind === 'member' && e.target.member === party.name ? [recordOf(e.target.object, collection)] : []));
  return written.length > 0 && written.every((record) => record !== null && checked.has(record));
}

/** The keys of the records whose stage a condition reads (`voters[msg.sender].voted` → the caller). */
function recordKeys(expr: Expr, lifecycle: Lifecycle): string[] {
  return [...walkExpr(expr)].filter((e) => refersTo(e, lifecycle)).map((e) => recordOf((e as { object: Expr }).object, lifecycle.collection!)).filter((k): k is string => k !== null);
}

function recordOf(object: Expr, collection: string): string | null {
  return object.kind === 'index' && object.base.kind === 'variable' && object.base.name === collection ? key(object.index) : null;
}
