/**
 * The JSON-RPC connection: an ethers provider for a URL, and chain failures turned into CHAIN_ERROR
 * with the URL in the message. Every request has a timeout (default 15 s) and at most one retry when
 * the node asks to slow down; the chain id is read once, with the same timeout, and fixed, so ethers
 * never polls to detect the network (which otherwise retries every second for good when a node answers
 * badly, and keeps the process alive).
 */
import { FetchRequest, JsonRpcProvider, Network } from 'ethers';
import { fail, isPlaintermsError } from '../errors.ts';

/** A JSON-RPC URL with its request timeout. */
export interface ChainEndpoint {
  url: string;
  /** How long one request may take, in milliseconds; default 15,000. */
  timeoutMs?: number;
}

export type ChainSource = string | ChainEndpoint | JsonRpcProvider;

export const DEFAULT_RPC_TIMEOUT_MS = 15_000;
const MAX_ATTEMPTS = 2;

const providers = new Map<string, JsonRpcProvider>();

/** A provider for the endpoint (one per URL and timeout per process), or the provider given; CHAIN_ERROR when the node does not answer. */
export async function connect(source: ChainSource): Promise<JsonRpcProvider> {
  if (source instanceof JsonRpcProvider) return source;
  const { url, timeoutMs = DEFAULT_RPC_TIMEOUT_MS } = typeof source === 'string' ? { url: source } : source;
  const key = `${timeoutMs} ${url}`;
  const known = providers.get(key);
  if (known) return known;
  if (!/^https?:\/\//.test(url)) fail('BAD_INPUT', `--rpc ${url}: not an http(s) URL`, { hint: 'give the JSON-RPC endpoint over HTTP, e.g. http://127.0.0.1:8545' });
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail('USAGE', `--rpc-timeout: ${timeoutMs / 1000} is not a positive number of seconds`);
  const request = new FetchRequest(url);
  request.timeout = timeoutMs;
  request.setThrottleParams({ maxAttempts: MAX_ATTEMPTS });
  const network = Network.from(await readChainId(request));
  // No request cache: ethers otherwise answers 'latest' from a 250 ms cache, and a read just after a new block would miss it.
  const provider = new JsonRpcProvider(request, network, { staticNetwork: network, batchMaxCount: 1, cacheTimeout: -1 });
  providers.set(key, provider);
  return provider;
}

/** eth_chainId, asked directly (ethers would retry its own detection forever). */
async function readChainId(template: FetchRequest): Promise<bigint> {
  const request = template.clone();
  request.body = { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] };
  request.setHeader('content-type', 'application/json');
  let result: unknown;
  try {
    const response = await request.send();
    response.assertOk();
    result = response.bodyJson?.result;
  } catch (error) {
    fail('CHAIN_ERROR', `could not read the chain id through ${template.url}: ${reasonOf(error, template.timeout)}`, { hint: HINT });
  }
  if (typeof result !== 'string' || !/^0x[0-9a-fA-F]+$/.test(result)) {
    fail('CHAIN_ERROR', `${template.url} did not answer eth_chainId with a chain id`, { hint: HINT });
  }
  return BigInt(result);
}

const HINT = 'check the --rpc URL and that the node is running; a slow node may need a longer --rpc-timeout';

/** Closes the providers this module opened (the CLI does so after every command, so the process exits). */
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
    const connection = provider._getConnection();
    fail('CHAIN_ERROR', `could not ${what} through ${connection.url}: ${reasonOf(error, connection.timeout)}`, { hint: 'check the --rpc URL, the network and the address' });
  }
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if ((error as { code?: string }).code === 'TIMEOUT') return `no answer within ${timeoutMs / 1000} s`;
  return (error as { shortMessage?: string }).shortMessage ?? (error instanceof Error ? error.message : String(error));
}
