/** A mined transaction as an order: its calldata, value, sender, target and block. */
import { fail } from '../errors.ts';
import type { OrderCallInput } from '../orders/model.ts';
import { type ChainSource, connect, onChain } from './provider.ts';

export interface MinedCall extends Required<OrderCallInput> {
  hash: string;
  /** The contract called; null for a deployment. */
  to: string | null;
  blockNumber: number;
  /** From the receipt: whether the call succeeded. */
  status: 'success' | 'reverted';
}

export async function readTransaction(source: ChainSource, hash: string): Promise<MinedCall> {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) fail('BAD_INPUT', `--tx ${hash}: not a transaction hash (32 bytes, 0x-prefixed hex)`);
  const provider = await connect(source);
  const tx = await onChain(`read transaction ${hash}`, provider, () => provider.getTransaction(hash));
  if (!tx) fail('CHAIN_ERROR', `no transaction ${hash} on this chain`, { hint: 'check the hash and the network of --rpc' });
  const receipt = await onChain(`read the receipt of ${hash}`, provider, () => provider.getTransactionReceipt(hash));
  if (!receipt || tx.blockNumber === null) fail('CHAIN_ERROR', `transaction ${hash} is not mined yet`);
  return {
    hash,
    data: tx.data,
    value: tx.value.toString(),
    from: tx.from,
    to: tx.to,
    blockNumber: tx.blockNumber,
    status: receipt.status === 1 ? 'success' : 'reverted',
  };
}
