/**
 * `plainterms order <file.sol…> --contract Name --calldata 0x… [--value wei] [--from 0x…]`: the terms of
 * one order, decoded from calldata against the contract's ABI and Terms, as text, Markdown or JSON.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { fail } from '../errors.ts';
import { describeOrder } from '../orders/describe.ts';
import type { OrderFacts } from '../orders/model.ts';
import { buildOrderDocument, loadContract } from '../orders/order-document.ts';
import { renderOrder } from '../orders/render.ts';
import { termsHash } from '../orders/terms-hash.ts';
import { type CliOutput, emit, processOutput, reportErrors } from './order-io.ts';

interface OrderCommandOptions {
  contract?: string;
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

export function registerOrderCommand(program: Command, io: CliOutput = processOutput): Command {
  return program
    .command('order')
    .description('state the terms of one order: a call to the contract, decoded from its calldata')
    .argument('<files...>', 'the Solidity files of the contract')
    .option('--contract <name>', 'the contract called (needed when the files define several)')
    .option('--calldata <hex>', 'the calldata of the order, 0x-prefixed')
    .option('--value <wei>', 'ETH sent with the call, in wei')
    .option('--from <address>', 'the account sending the order')
    .option('--party <id=address>', 'a party’s address, to recognise the sender (repeatable)', collectParty, {})
    .addOption(new Option('--lang <lang>', 'language of the terms').default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((files: string[], options: OrderCommandOptions) =>
      reportErrors(io, async () => {
        if (options.calldata === undefined) fail('USAGE', 'give the order as --calldata 0x…');
        const contract = await loadContract(files, options.contract ?? null);
        const facts: OrderFacts = { parties: options.party };
        const order = describeOrder(contract, { data: options.calldata, value: options.value ?? null, from: options.from ?? null }, facts);
        if (options.format === 'json') {
          const document = buildOrderDocument(order, contract.terms, contract.compilation, options.lang);
          emit(io, JSON.stringify(document, null, 2), options.output);
        } else {
          emit(io, renderOrder(order, contract.terms, { format: options.format, lang: options.lang, hash: termsHash(order) }), options.output);
        }
      }),
    );
}
