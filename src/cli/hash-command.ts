/**
 * `plainterms hash <file.sol…> [--contract Name] [--calldata 0x… --value wei --from 0x…]`: the terms hash
 * of each contract's Terms, or of one order (see docs/terms-hash.md). One line per hash: `<hash>  <name>`.
 */
import { type Command, Option } from 'commander';
import { compileFiles } from '../compile/index.ts';
import { extractContracts } from '../extract/index.ts';
import { describeOrder } from '../orders/describe.ts';
import { loadContract } from '../orders/order-document.ts';
import { termsHash } from '../orders/terms-hash.ts';
import { type CliOutput, emit, processOutput, reportErrors } from './order-io.ts';

interface HashCommandOptions {
  contract?: string;
  calldata?: string;
  value?: string;
  from?: string;
  format: 'text' | 'json';
}

export function registerHashCommand(program: Command, io: CliOutput = processOutput): Command {
  return program
    .command('hash')
    .description('print the terms hash of each contract, or of one order (keccak256 of the canonical terms)')
    .argument('<files...>', 'the Solidity files')
    .option('--contract <name>', 'only this contract (path:Name when two files use the name)')
    .option('--calldata <hex>', 'hash the terms of this order instead')
    .option('--value <wei>', 'ETH sent with the order, in wei')
    .option('--from <address>', 'the account sending the order')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((files: string[], options: HashCommandOptions) =>
      reportErrors(io, async () => {
        const hashes = options.calldata === undefined ? await hashContracts(files, options.contract) : await hashOrder(files, options);
        if (options.format === 'json') emit(io, JSON.stringify(hashes, null, 2));
        else emit(io, hashes.map(({ hash, name }) => `${hash}  ${name}`).join('\n'));
      }),
    );
}

async function hashContracts(files: string[], contract: string | undefined): Promise<{ hash: string; name: string }[]> {
  const compilation = await compileFiles(files);
  return extractContracts(compilation, contract ? { contracts: [contract] } : {}).map((terms) => ({ hash: termsHash(terms), name: terms.name }));
}

async function hashOrder(files: string[], options: HashCommandOptions): Promise<{ hash: string; name: string }[]> {
  const contract = await loadContract(files, options.contract ?? null);
  const order = describeOrder(contract, { data: options.calldata ?? '', value: options.value ?? null, from: options.from ?? null });
  return [{ hash: termsHash(order), name: `${contract.terms.name}.${order.action.id}` }];
}
