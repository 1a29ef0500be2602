/**
 * `plainterms erc7730 <file.sol…> --contract Name [--chain-id N --address 0x…] [-o file]`: an ERC-7730
 * clear-signing descriptor for the contract's state-changing functions, formats taken from the code.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { fail } from '../errors.ts';
import { toErc7730 } from '../orders/erc7730.ts';
import { loadContract } from '../orders/order-document.ts';
import { type CliOutput, emit, processOutput, reportErrors } from './order-io.ts';

interface Erc7730CommandOptions {
  contract?: string;
  chainId?: number;
  address?: string;
  token: Record<string, string>;
  lang: string;
  output?: string;
}

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

export function registerErc7730Command(program: Command, io: CliOutput = processOutput): Command {
  return program
    .command('erc7730')
    .description('write an ERC-7730 clear-signing descriptor, with field formats taken from what the code does')
    .argument('<files...>', 'the Solidity files of the contract')
    .option('--contract <name>', 'the contract (needed when the files define several; path:Name when two files use the name)')
    .option('--chain-id <n>', 'chain id of the deployment', parseChainId)
    .option('--address <address>', 'address of the deployment')
    .option('--token <variable=address>', 'address of a token the contract holds in a variable (repeatable)', collectToken, {})
    .option('--lang <lang>', 'language of intents and labels', 'en')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((files: string[], options: Erc7730CommandOptions) =>
      reportErrors(io, async () => {
        if ((options.chainId === undefined) !== (options.address === undefined)) fail('USAGE', 'give --chain-id and --address together');
        const { terms, abi } = await loadContract(files, options.contract ?? null);
        const tokens = Object.fromEntries(Object.entries(options.token).map(([name, address]) => [name, { address, symbol: null, decimals: null }]));
        const descriptor = toErc7730(terms, abi, { chainId: options.chainId ?? null, address: options.address ?? null, tokens, lang: options.lang });
        emit(io, JSON.stringify(descriptor, null, 2), options.output);
      }),
    );
}
