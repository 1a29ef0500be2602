/**
 * Tokens the contract holds one by one (ERC-721 and ERC-1155 items): an action takes an item into the
 * contract (`transferFrom(seller, address(this), id)`), and other actions send that same item out. One
 * money fact per way out, with its conditions and recipient; one with no way out when nothing sends it.
 */
import type { Expr, MoneyFact } from '../terms/index.ts';
import { partyOfExpr } from '../ir/exprs.ts';
import type { ExtractContext } from './context.ts';

type Draft = Omit<MoneyFact, 'id' | 'basis'>;

export function itemCustody(context: ExtractContext): Draft[] {
  const drafts: Draft[] = [];
  const same = (a: Expr, b: Expr) => JSON.stringify(a) === JSON.stringify(b);
  const seen = new Set<string>();
  for (const read of context.reads) {
    for (const intake of read.facts.itemMoves) {
      if (intake.to.kind !== 'this' || intake.from.kind === 'this') continue;
      // The item as the code names it: item `id` of the token contract.
      const subject: Expr = { kind: 'index', base: intake.token, index: intake.id, item: null };
      const key = JSON.stringify(subject);
      if (seen.has(key)) continue;
      seen.add(key);
      const releases = context.reads.flatMap((other) => other.facts.itemMoves.filter((m) => m.from.kind === 'this' && m.to.kind !== 'this' && same(m.token, intake.token) && same(m.id, intake.id)).map((move) => ({ id: other.id, move })));
      for (const { id, move } of releases) {
        drafts.push({ kind: 'item-custody', action: read.id, subject, detail: move.to, withdrawal: id, party: partyOfExpr(move.to), when: move.when, source: move.source, excess: null });
      }
      if (releases.length === 0) drafts.push({ kind: 'item-custody', action: read.id, subject, detail: null, withdrawal: null, party: null, when: [], source: intake.source, excess: null });
    }
  }
  return drafts;
}
