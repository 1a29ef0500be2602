/** Assets: ETH when any action takes or pays ether, and each ERC20 token the contract moves. */
import type { Asset } from '../terms/index.ts';
import type { Extractor } from './context.ts';

export const assets: Extractor = {
  name: 'assets',
  extract(_context, terms) {
    const list: Asset[] = [];
    if (terms.actions.some((a) => a.payable || a.payments.some((p) => p.asset.kind === 'eth'))) list.push({ kind: 'eth' });
    const seen = new Set<string>();
    for (const payment of terms.actions.flatMap((a) => a.payments)) {
      if (payment.asset.kind !== 'token') continue;
      const key = JSON.stringify(payment.asset.token);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(payment.asset);
    }
    terms.assets = list;
  },
};
