/**
 * `plainterms erc7730 <file.sol…> --contract Name [--chain-id N --address 0x… | --rpc URL --address 0x…]
 * [--tests file] [--erc7730-version 1|2] [-o file]`: an ERC-7730 clear-signing descriptor (v2.0.0 by
 * default) for the contract's state-changing functions, formats taken from the code. With --rpc, the
 * chain id, the tokens the code holds and the code the address runs (an ERC-1967 proxy's implementation)
 * are read from the chain; --tests writes the descriptor's test fixtures beside it.
 */
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { fail } from '../errors.ts';
import { buildErc7730, type Erc7730Implementation } from '../orders/erc7730.ts';
import { toErc7730Tests, type Erc7730TestsOptions } from '../orders/erc7730-tests.ts';
import { toErc7730V1 } from '../orders/erc7730-v1.ts';
import type { ContractWithBytecode } from '../chain/load-contract.ts';
import { loadContract } from '../orders/order-document.ts';
import { type CliOutput, emit, parseSeconds, processOutput, reportErrors } from './order-io.ts';

interface Erc7730CommandOptions {
  contract?: string;
  chainId?: number;
  address?: string;
  rpc?: string;
  rpcTimeout: number;
  token: Record<string, string>;
  tests?: string;
  erc7730Version: '1' | '2';
  lang: string;
  output?: string;
}

type Tokens = NonNullable<Erc7730TestsOptions['tokens']>;

function parseChainId(value: string): number {
  const chainId = Number(value);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new InvalidArgumentError('expected a positive integer chain id');
  return chainId;
}

function collectToken(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([A-Za-z_$][\w$]*)=(0x[0-9a-fA-F]{40})$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected <variable>=<token address>, e.g. stablecoin=0x…');
  return { ...previous, [match[1]]: match[2] };
}

/** With --rpc: the chain id, the code the address runs, and the tokens the contract holds (name, symbol, decimals). */
async function readChain(options: Erc7730CommandOptions, contract: Omit<ContractWithBytecode, 'codeSource'>): Promise<{ chainId: number; implementation: Erc7730Implementation; tokens: Tokens }> {
  const { checkBytecode, disconnectAll, readDeployment, readImplementation } = await import('../chain/index.ts');
  const rpc = { url: options.rpc!, timeoutMs: options.rpcTimeout * 1000 };
  const address = options.address ?? fail('USAGE', '--rpc needs the contract’s --address');
  try {
    const { code, chainId, ...read } = await readImplementation(rpc, address);
    if (options.chainId !== undefined && options.chainId !== chainId) {
      fail('BAD_INPUT', `--chain-id ${options.chainId}, but ${options.rpc} is chain ${chainId}`, { hint: 'leave out --chain-id: with --rpc it is read from the chain' });
    }
    const implementation: Erc7730Implementation = { ...read, matchesSource: contract.bytecode ? checkBytecode(code, contract.bytecode).check.matches : null };
    const deployment = await readDeployment(rpc, address, contract, { blockTag: read.block });
    const tokens: Tokens = Object.fromEntries(deployment.tokens.map(({ variable, address: token, name, symbol, decimals }) => [variable, { address: token, name, symbol, decimals }]));
    return { chainId, implementation, tokens };
  } finally {
    disconnectAll();
  }
}

export function registerErc7730Command(program: Command, io: CliOutput = processOutput): Command {
  return program
    .command('erc7730')
    .description('write an ERC-7730 clear-signing descriptor (v2.0.0), with field formats taken from what the code does')
    .argument('<files...>', 'the Solidity files of the contract')
    .option('--contract <name>', 'the contract (needed when the files define several; path:Name when two files use the name)')
    .option('--chain-id <n>', 'chain id of the deployment', parseChainId)
    .option('--address <address>', 'address of the deployment')
    .option('--rpc <url>', 'with --address: read the chain id, the tokens and the code the address runs (an ERC-1967 proxy’s implementation and its code hash) from a chain')
    .option('--rpc-timeout <seconds>', 'with --rpc: how long one request to the node may take', parseSeconds, 15)
    .option('--token <variable=address>', 'address of a token the contract holds in a variable (repeatable)', collectToken, {})
    .option('--tests <file>', 'also write the descriptor’s test fixtures (calldata and the fields a wallet shows) to this file; needs -o and a deployment')
    .addOption(new Option('--erc7730-version <version>', 'the ERC-7730 version to write (1 is deprecated by the spec)').choices(['1', '2']).default('2'))
    .option('--lang <lang>', 'language of intents and labels', 'en')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((files: string[], options: Erc7730CommandOptions) =>
      reportErrors(io, async () => {
        if (options.rpc === undefined && (options.chainId === undefined) !== (options.address === undefined)) fail('USAGE', 'give --chain-id and --address together (or --rpc and --address)');
        if (options.tests !== undefined && options.output === undefined) fail('USAGE', '--tests names the descriptor by its file: give -o <descriptor.json> too');
        if (options.tests !== undefined && options.address === undefined) fail('USAGE', 'test fixtures are transactions to a deployment: give --chain-id and --address, or --rpc and --address');
        if (options.tests !== undefined && options.erc7730Version === '1') fail('USAGE', 'test fixtures follow the v2 tests schema: leave out --erc7730-version 1');
        // With --rpc the bytecode is compiled too, to check the code the address runs against the source.
        const contract: Omit<ContractWithBytecode, 'codeSource'> = options.rpc === undefined
          ? { ...(await loadContract(files, options.contract ?? null)), bytecode: null }
          : await (await import('../chain/index.ts')).loadContractWithBytecode(files, options.contract ?? null);
        const chain = options.rpc === undefined ? null : await readChain(options, contract);
        if (chain?.implementation.matchesSource === false) {
          io.err(`plainterms: warning: the code at ${chain.implementation.implementation} is not what ${files.join(', ')} compiles to (with default compiler settings); the descriptor describes the source\n`);
        }
        const given: Tokens = Object.fromEntries(Object.entries(options.token).map(([name, address]) => [name, { address, symbol: null, decimals: null }]));
        const tokens: Tokens = { ...chain?.tokens, ...given };
        const model = buildErc7730(contract.terms, contract.abi, {
          chainId: chain?.chainId ?? options.chainId ?? null,
          address: options.address ?? null,
          tokens,
          implementation: chain?.implementation ?? null,
          lang: options.lang,
        });
        const descriptor = options.erc7730Version === '1' ? toErc7730V1(model.descriptor, contract.abi) : model.descriptor;
        emit(io, JSON.stringify(descriptor, null, 2), options.output);
        if (options.tests !== undefined) {
          const relative = path.relative(path.dirname(path.resolve(options.tests)), path.resolve(options.output!)).split(path.sep).join('/');
          const tests = toErc7730Tests(model, contract.abi, { descriptor: relative, tokens });
          emit(io, JSON.stringify(tests, null, 2), options.tests);
        }
      }),
    );
}
