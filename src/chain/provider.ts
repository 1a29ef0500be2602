/**
 * The JSON-RPC connection: an ethers provider for a URL (the network fixed once, so no background
 * polling), and chain failures turned into CHAIN_ERROR with the URL in the message.
 */
import { JsonRpcProvider } from 'ethers';
import { fail, isPlaintermsError } from '../errors.ts';

export type ChainSource = string | JsonRpcProvider;

const providers = new Map<string, JsonRpcProvider>();

/** A provider for the URL (one per URL per process), or the provider given. */
export function connect(source: ChainSource): JsonRpcProvider {
  if (typeof source !== 'string') return source;
  let provider = providers.get(source);
  if (!provider) {
    if (!/^(https?|wss?):\/\//.test(source)) fail('BAD_INPUT', `--rpc ${source}: not an http(s) or ws(s) URL`);
    // No request cache: ethers otherwise answers 'latest' from a 250 ms cache, and a read just after a new block would miss it.
    provider = new JsonRpcProvider(source, undefined, { staticNetwork: true, batchMaxCount: 1, cacheTimeout: -1 });
    providers.set(source, provider);
  }
  return provider;
}

/** Closes the providers this module opened (for tests and short-lived CLI runs). */
export function disconnectAll(): void {
  for (const provider of providers.values()) provider.destroy();
  providers.clear();
}

/** Runs a chain request; a failure becomes CHAIN_ERROR naming what was asked and where. */
export async function onChain<T>(what: string, provider: JsonRpcProvider, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (isPlaintermsError(error)) throw error;
    const reason = (error as { shortMessage?: string }).shortMessage ?? (error instanceof Error ? error.message : String(error));
    fail('CHAIN_ERROR', `could not ${what} through ${describe(provider)}: ${reason}`, { hint: 'check the --rpc URL, the network and the address' });
  }
}

function describe(provider: JsonRpcProvider): string {
  return provider._getConnection().url;
}
