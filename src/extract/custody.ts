/**
 * Tokens the contract holds one by one (ERC-721 and ERC-1155 items): an action takes an item into the
 * contract (`transferFrom(seller, address(this), id)`), and other actions send that same item out. One
 * money fact per way out, with its conditions and recipient; one with no way out when nothing sends it.
 */
import type { ContractTerms, Effect, Expr, MoneyFact } from '../terms/index.ts';
import type { ItemMove } from '../ir/facts.ts';
import { unwrap } from '../terms/index.ts';
import { partyOfExpr } from '../ir/exprs.ts';
import type { ExtractContext } from './context.ts';

type Draft = Omit<MoneyFact, 'id' | 'basis'>;

const same = (a: Expr, b: Expr) => JSON.stringify(unwrap(a)) === JSON.stringify(unwrap(b));

/** A field of one record of a collection (`loans[k].nftContract`): the collection, the record and the field. */
function recordField(place: Expr): { base: string; record: string; field: string } | null {
  const member = unwrap(place);
  if (member.kind !== 'member' || member.object.kind !== 'index') return null;
  return { base: JSON.stringify(member.object.base), record: JSON.stringify(member.object), field: member.member };
}

/**
 * The record fields an action stores a value in, with no condition: `loan.nftContract = token`, or a whole
 * record written out (`items[n] = Item(token, id, …)`).
 */
function storedFields(effects: Effect[], value: Expr): { base: string; field: string }[] {
  return effects.filter((e) => e.kind === 'set' && e.value !== null && e.when.length === 0).flatMap((e) => {
    const written = unwrap(e.value as Expr);
    const target = unwrap(e.target);
    if (written.kind === 'struct' && target.kind === 'index') return written.fields.filter((f) => same(f.value, value)).map((f) => ({ base: JSON.stringify(target.base), field: f.name }));
    const field = same(written, value) ? recordField(target) : null;
    return field === null ? [] : [field];
  });
}

/** Whether an action other than `intake` writes or clears that field of any record of the collection, or whole records of it. */
function rewritten(terms: ContractTerms, intake: string, field: { base: string; field: string }): boolean {
  return terms.actions.some((action) => action.id !== intake && action.effects.some((e) => {
    const target = unwrap(e.target);
    if (target.kind === 'index' && JSON.stringify(target.base) === field.base) return true;
    const written = recordField(target);
    return written !== null && written.base === field.base && written.field === field.field;
  }));
}

export function itemCustody(context: ExtractContext, terms: ContractTerms): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  // Every item of any token the contract sends out of itself, in any action.
  const outs = context.reads.flatMap((other) => other.facts.itemMoves.filter((m) => m.from.kind === 'this' && m.to.kind !== 'this').map((move) => ({ id: other.id, move })));
  for (const read of context.reads) {
    for (const intake of read.facts.itemMoves) {
      // One ERC-721 item; ERC-1155 amounts of an id are not told as one token held.
      if (intake.to.kind !== 'this' || intake.from.kind === 'this' || intake.amount !== null) continue;
      // The item's id as the code keeps it: the id given, or the place the intake stores it in (`tokenId = id`).
      const effects = terms.actions.find((a) => a.id === read.id)?.effects ?? [];
      const stored = effects.filter((e) => e.kind === 'set' && e.value !== null && same(e.value, intake.id) && e.when.length === 0).map((e) => e.target);
      const names = [intake.id, ...stored];
      // The token and the id as a record keeps them (`loan.nftContract`, `loan.nftTokenId`), when no other action changes them.
      const kept = (value: Expr) => storedFields(effects, value).filter((field) => !rewritten(terms, read.id, field));
      const tokenFields = kept(intake.token);
      const idFields = kept(intake.id);
      const inRecord = (place: Expr, fields: { base: string; field: string }[]) => {
        const field = recordField(place);
        return field !== null && fields.some((f) => f.base === field.base && f.field === field.field) ? field.record : null;
      };
      const sameItem = (move: ItemMove) => {
        const tokenRecord = inRecord(move.token, tokenFields);
        const idRecord = inRecord(move.id, idFields);
        const token = same(move.token, intake.token) || tokenRecord !== null;
        const id = names.some((name) => same(name, move.id)) || idRecord !== null;
        // Token and id read from records: from the same record.
        return token && id && (tokenRecord === null || idRecord === null || tokenRecord === idRecord);
      };
      const releases = outs.filter(({ move }) => sameItem(move));
      // An item sent out that the model cannot match to this one (another token, or an id it cannot follow):
      // what leaves when is not told, and never that nothing sends it out.
      if (releases.length < outs.length) continue;
      // The item as the code names it: item `id` of the token contract (the id as given when a record keeps it).
      const subject: Expr = { kind: 'index', base: intake.token, index: stored.find((place) => recordField(place) === null) ?? intake.id, item: null };
      const key = JSON.stringify(subject);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const { id, move } of releases) {
        drafts.push({ kind: 'item-custody', action: read.id, subject, detail: move.to, withdrawal: id, party: partyOfExpr(move.to), when: move.when, source: move.source, excess: null });
      }
      // Nothing sends any item of any token out: the item stays.
      if (outs.length === 0) drafts.push({ kind: 'item-custody', action: read.id, subject, detail: null, withdrawal: null, party: null, when: [], source: intake.source, excess: null });
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
