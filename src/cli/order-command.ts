/**
 * `plainterms order <file.sol…> --contract Name --calldata 0x… [--value wei] [--from 0x…]`: the terms of
 * one order, decoded from calldata against the contract's ABI and Terms, as text, Markdown or JSON.
 * `--typed-data order.json` reads a signed (EIP-712) order instead; `--rpc` reads state from a chain.
 */
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { fail } from '../errors.ts';
import { describeOrder } from '../orders/describe.ts';
import { buildDeploymentStatements, type DeploymentFacts, disconnectAll, loadContractWithBytecode, readDeployment, readTransaction, toOrderFacts } from '../chain/index.ts';
import type { OrderFacts, OrderTerms } from '../orders/model.ts';
import { buildOrderDocument, type CompiledContract, loadContract } from '../orders/order-document.ts';
import { type OrderStatement, renderOrder } from '../orders/render.ts';
import { termsHash } from '../orders/terms-hash.ts';
import { describeSignedOrder, type TypedDataInput } from '../orders/typed-data.ts';
import { type CliOutput, emit, parseBytes, parseSeconds, processOutput, reportErrors } from './order-io.ts';
import { DEFAULT_MAX_SOURCE_BYTES } from '../compile/types.ts';
import type { CompilerSettings } from '../chain/compiler-settings.ts';
import { addCompilerOptions, type CompilerFlags, readCompilerFlags } from './compiler-options.ts';

interface OrderCommandOptions extends CompilerFlags {
  contract?: string;
  typedData?: string;
  action?: string;
  rpc?: string;
  rpcTimeout: number;
  maxSourceBytes: number;
  address?: string;
  tx?: string;
  calldata?: string;
  value?: string;
  from?: string;
  party: Record<string, string>;
  lang: string;
  format: 'text' | 'md' | 'json';
  output?: string;
}

function collectParty(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([^=\s]+)=(0x[0-9a-fA-F]{40})$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected <party id>=<address>, e.g. buyer=0x…');
  return { ...previous, [match[1]]: match[2] };
}

/** The order read against a chain: a mined transaction (state read at the block before it), or calldata with the latest state. */
async function describeOnChain(files: string[], options: OrderCommandOptions, settings: CompilerSettings | null): Promise<string> {
  const rpc = { url: options.rpc!, timeoutMs: options.rpcTimeout * 1000 };
  const contract = await loadContractWithBytecode(files, options.contract ?? null, { maxSourceBytes: options.maxSourceBytes, settings });
  const mined = options.tx === undefined ? null : await readTransaction(rpc, options.tx);
  if (mined === null && options.calldata === undefined) fail('USAGE', 'give --tx <hash>, or --calldata 0x… with --address');
  const address = mined?.to ?? options.address ?? fail('USAGE', 'give the contract’s --address');
  if (options.address !== undefined && mined?.to && mined.to.toLowerCase() !== options.address.toLowerCase()) {
    fail('BAD_INPUT', `transaction ${mined.hash} calls ${mined.to}, not ${options.address}`);
  }
  const deployment = await readDeployment(rpc, address, contract, { blockTag: mined === null ? 'latest' : Math.max(0, mined.blockNumber - 1), codeSource: contract.codeSource });
  const facts = toOrderFacts(deployment);
  facts.parties = { ...facts.parties, ...options.party };
  const call = mined ?? { data: options.calldata!, value: options.value ?? null, from: options.from ?? null };
  const order = describeOrder(contract, call, facts);
  return present(order, contract, options, buildDeploymentStatements(deployment, contract.terms, options.lang, mined), deployment);
}

function readTypedData(file: string): TypedDataInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail('FILE_NOT_FOUND', `${file}: no such file`);
  }
  try {
    return JSON.parse(text) as TypedDataInput;
  } catch {
    fail('BAD_INPUT', `${file}: not JSON`, { hint: 'give the JSON of eth_signTypedData_v4: { domain, types, primaryType, message }' });
  }
}

function present(order: OrderTerms, contract: CompiledContract, options: OrderCommandOptions, extra: OrderStatement[], deployment: DeploymentFacts | null = null): string {
  if (options.format !== 'json') return renderOrder(order, contract.terms, { format: options.format, lang: options.lang, hash: termsHash(order), extra });
  const document = buildOrderDocument(order, contract.terms, contract.compilation, options.lang);
  return JSON.stringify({ ...document, deployment, statements: [...extra, ...document.statements] }, null, 2);
}

export function registerOrderCommand(program: Command, io: CliOutput = processOutput): Command {
  const command = program
    .command('order')
    .description('state the terms of one order: a call to the contract, decoded from its calldata')
    .argument('<files...>', 'the Solidity files of the contract')
    .option('--contract <name>', 'the contract called (needed when the files define several; path:Name when two files use the name)')
    .option('--calldata <hex>', 'the calldata of the order, 0x-prefixed')
    .option('--typed-data <file>', 'a signed order: the EIP-712 JSON (domain, types, primaryType, message)')
    .option('--action <name>', 'with --typed-data: the function that takes the signed struct, when several do')
    .option('--value <wei>', 'ETH sent with the call, in wei')
    .option('--from <address>', 'the account sending the order')
    .option('--party <id=address>', 'a party’s address, to recognise the sender (repeatable)', collectParty, {})
    .option('--rpc <url>', 'read parties and state from a chain (JSON-RPC URL), and check the deployed code')
    .option('--address <address>', 'with --rpc: the deployed contract')
    .option('--tx <hash>', 'with --rpc: decode this mined transaction as the order')
    .option('--rpc-timeout <seconds>', 'with --rpc: how long one request to the node may take', parseSeconds, 15)
    .option('--max-source-bytes <bytes>', 'the most Solidity source one run compiles, imports included', parseBytes, DEFAULT_MAX_SOURCE_BYTES)
    .addOption(new Option('--lang <lang>', 'language of the terms').default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout');
  return addCompilerOptions(command, '--rpc')
    .action((files: string[], options: OrderCommandOptions) =>
      reportErrors(io, async () => {
        const settings = readCompilerFlags(command, options);
        if (options.rpc !== undefined) {
          try {
            return emit(io, await describeOnChain(files, options, settings), options.output);
          } finally {
            // Nothing is left open, so the process always ends.
            disconnectAll();
          }
        }
        if (options.tx !== undefined || options.address !== undefined) fail('USAGE', '--tx and --address need --rpc <url>');
        if (settings !== null) fail('USAGE', 'the compiler options (--optimizer-runs, --no-optimizer, --evm-version, --via-ir) describe a deployment', { hint: 'give them with --rpc' });
        if (options.calldata === undefined && options.typedData === undefined) fail('USAGE', 'give the order as --calldata 0x… or --typed-data <file>, or --rpc <url> --tx <hash>');
        if (options.calldata !== undefined && options.typedData !== undefined) fail('USAGE', 'give either --calldata or --typed-data, not both');
        const contract = await loadContract(files, options.contract ?? null, { maxSourceBytes: options.maxSourceBytes });
        const facts: OrderFacts = { parties: options.party };
        const call = { value: options.value ?? null, from: options.from ?? null };
        const order = options.typedData !== undefined
          ? describeSignedOrder(contract, readTypedData(options.typedData), { ...call, action: options.action ?? null }, facts)
          : describeOrder(contract, { data: options.calldata!, ...call }, facts);
        emit(io, present(order, contract, options, []), options.output);
      }, { json: options.format === 'json' }),
    );
}
