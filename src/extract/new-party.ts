/** A party as the extractors make it: named after its variable, read from the code, with what it does not say left empty. */
import { humanise } from '../ir/names.ts';
import type { Party } from '../terms/index.ts';

type Given = Pick<Party, 'id' | 'name' | 'kind' | 'mutability' | 'setAt' | 'source'> &
  Partial<Pick<Party, 'initial' | 'changedBy' | 'setOnceBy' | 'joinedBy' | 'collection' | 'itemLabel'>>;

export function newParty(given: Given): Party {
  return {
    id: given.id,
    name: given.name,
    label: humanise(given.name),
    kind: given.kind,
    mutability: given.mutability,
    setAt: given.setAt,
    initial: given.initial ?? null,
    changedBy: given.changedBy ?? [],
    setOnceBy: given.setOnceBy ?? [],
    joinedBy: given.joinedBy ?? [],
    collection: given.collection ?? null,
    itemLabel: given.itemLabel ?? null,
    ownerNamed: false,
    source: given.source,
    basis: 'code',
  };
}
