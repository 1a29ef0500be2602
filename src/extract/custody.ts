/**
 * Tokens the contract holds one by one (ERC-721 and ERC-1155 items): an action takes an item into the
 * contract (`transferFrom(seller, address(this), id)`), and other actions send that same item out. One
 * money fact per way out, with its conditions and recipient; one with no way out when nothing sends it.
 */
import type { ContractTerms, Expr, MoneyFact } from '../terms/index.ts';
import { unwrap } from '../terms/index.ts';
import { partyOfExpr } from '../ir/exprs.ts';
import type { ExtractContext } from './context.ts';

type Draft = Omit<MoneyFact, 'id' | 'basis'>;

export function itemCustody(context: ExtractContext, terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  const same = (a: Expr, b: Expr) => JSON.stringify(a) === JSON.stringify(b);
  const seen = new Set<string>();
  // The token contract as an address or as the interface it is called through (`IERC721(token)`) is the same contract.
  const releasesOf = (token: Expr) => context.reads.flatMap((other) => other.facts.itemMoves.filter((m) => m.from.kind === 'this' && m.to.kind !== 'this' && same(unwrap(m.token), unwrap(token))).map((move) => ({ id: other.id, move })));
  for (const read of context.reads) {
    for (const intake of read.facts.itemMoves) {
      // One ERC-721 item; ERC-1155 amounts of an id are not told as one token held.
      if (intake.to.kind !== 'this' || intake.from.kind === 'this' || intake.amount !== null) continue;
      // The item's id as the code keeps it: the id given, or the place the intake stores it in (`tokenId = id`).
      const action = terms.actions.find((a) => a.id === read.id);
      const stored = (action?.effects ?? []).filter((e) => e.kind === 'set' && e.value !== null && same(e.value, intake.id) && e.when.length === 0).map((e) => e.target);
      const names = [intake.id, ...stored];
      const all = releasesOf(intake.token);
      const releases = all.filter(({ move }) => names.some((name) => same(name, move.id)));
      // An item of the token sent out under an id the model cannot match to this one: what leaves when is not told.
      if (releases.length < all.length) continue;
      // The item as the code names it: item `id` of the token contract.
      const subject: Expr = { kind: 'index', base: intake.token, index: stored[0] ?? intake.id, item: null };
      const key = JSON.stringify(subject);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const { id, move } of releases) {
        drafts.push({ kind: 'item-custody', action: read.id, subject, detail: move.to, withdrawal: id, party: partyOfExpr(move.to), when: move.when, source: move.source, excess: null });
      }
      // Nothing sends any item of that token out: the item stays.
      if (all.length === 0) drafts.push({ kind: 'item-custody', action: read.id, subject, detail: null, withdrawal: null, party: null, when: [], source: intake.source, excess: null });
    }
  }
  return drafts;
}

/**
 * One ERC-721 item moved by the contract straight from a holder to someone else (`nft.transferFrom(seller,
 * msg.sender, nftId)`): the contract never holds it, and the holder keeps it until the move. Not where the
 * caller moves their own item (nothing can then be taken away before the call), where the holder is not a
 * party the model names, nor ERC-1155 amounts.
 */
export function itemsPassedThrough(context: ExtractContext): Draft[] {
  const drafts: Draft[] = [];
  for (const read of context.reads) {
    if (read.id === 'constructor') continue;
    for (const move of read.facts.itemMoves) {
      const holder = partyOfExpr(move.from);
      if (move.amount !== null || [move.from.kind, move.to.kind].includes('this') || move.from.kind === 'caller' || holder === null) continue;
      const subject: Expr = { kind: 'index', base: move.token, index: move.id, item: null };
      drafts.push({ kind: 'item-direct', action: read.id, subject, detail: move.to, withdrawal: null, party: holder, when: move.when, source: move.source, excess: null });
    }
  }
  return drafts;
}
