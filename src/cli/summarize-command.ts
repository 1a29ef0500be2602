/**
 * `plainterms summarize <files...>`: the terms of each contract in plain language. The output is
 * written only once everything has rendered, so a failure never leaves a partial file.
 */
import { requireOutputFile, writeOutput } from './write-output.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { fail } from '../errors.ts';
import { listLocales } from '../render/index.ts';
import { summarize, SUMMARY_FORMATS, type SummaryFormat } from '../summarize.ts';
import { isBatchOutput, summarizeBatch } from './batch-summarize.ts';
import { type CliOutput, parseBytes, parseSeconds } from './order-io.ts';
import { DEFAULT_MAX_SOURCE_BYTES } from '../compile/types.ts';
import { addCompilerOptions, type CompilerFlags, readCompilerFlags } from './compiler-options.ts';

interface SummarizeCommandOptions extends CompilerFlags {
  contract?: string[];
  lang: string[];
  format: SummaryFormat;
  output?: string;
  basePath?: string;
  includePath?: string[];
  remap?: string[];
  solc?: string;
  cache: boolean;
  rpc?: string;
  rpcTimeout: number;
  maxSourceBytes: number;
  address?: string;
}

/** `--lang en,zh`: one or more languages that have templates. */
function parseLanguages(value: string): string[] {
  const languages = value.split(',').map((l) => l.trim()).filter(Boolean);
  const known = listLocales();
  const unknown = languages.filter((l) => !known.includes(l));
  if (languages.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`languages available: ${known.join(', ')} (several with commas, e.g. en,zh)`);
  return [...new Set(languages)];
}

function collectRemapping(value: string, previous: string[] | undefined): string[] {
  if (!/^[^=]+=.*$/.test(value)) throw new InvalidArgumentError('expected prefix=path, e.g. @oz/=node_modules/@openzeppelin/');
  return [...(previous ?? []), value];
}

export function registerSummarizeCommand(program: Command, io: CliOutput): Command {
  const command = program
    .command('summarize')
    .description('state the terms of Solidity trade contracts in plain language, each sentence with its source lines')
    .argument('<files...>', 'Solidity files or folders, a build-info or standard-JSON file, or a Foundry out/ folder')
    .option('--contract <name...>', 'only these contracts (default: every deployable contract in the files); path:Name when two files use the name')
    .addOption(new Option('--lang <lang>', `language of the summary: ${listLocales().join(', ')}, or several with commas (en,zh)`).argParser(parseLanguages).default(['en'], 'en'))
    .addOption(new Option('--format <format>', 'output format (docx: a Word file; pdf: the HTML page printed by Chrome or Chromium; both need -o and put several languages one after the other)').choices([...SUMMARY_FORMATS]).default('md'))
    .option('-o, --output <file>', 'write to this file instead of stdout; to a folder (out/) one file per contract')
    .option('--base-path <dir>', 'root for resolving imports, like solc --base-path (default: the project root)')
    .option('--include-path <dir...>', 'more roots for imports, like solc --include-path')
    .option('--remap <prefix=path...>', 'import remappings, like solc and Foundry', collectRemapping)
    .option('--solc <version>', 'use this solc release instead of choosing one from the pragmas, e.g. 0.6.12')
    .option('--no-cache', 'neither read nor keep compiler output on disk')
    .option('--rpc <url>', 'with --address: read the deployed contract through this JSON-RPC endpoint')
    .option('--address <0x…>', 'with --rpc: the deployed contract to read (its state, and whether its code matches)')
    .option('--rpc-timeout <seconds>', 'with --rpc: how long one request to the node may take', parseSeconds, 15)
    .option('--max-source-bytes <bytes>', 'the most Solidity source one run compiles, imports included', parseBytes, DEFAULT_MAX_SOURCE_BYTES);
  return addCompilerOptions(command, '--address')
    .action(async (files: string[], options: SummarizeCommandOptions) => {
      if (options.lang.length > 1 && options.format === 'json') {
        fail('USAGE', 'a JSON document holds one language', { hint: 'ask for --lang en or --lang zh' });
      }
      if (options.format === 'docx' || options.format === 'pdf') options.output = requireOutputFile(options.format, options.output);
      // No browser to print with is known before anything is compiled.
      if (options.format === 'pdf') await (await import('../render/pdf/find-browser.ts')).findBrowser();
      if (Boolean(options.rpc) !== Boolean(options.address)) fail('USAGE', '--rpc and --address go together', { hint: 'give both to read a deployed contract' });
      const compilerSettings = readCompilerFlags(command, options);
      if (compilerSettings !== null && !options.address) {
        fail('USAGE', 'the compiler options (--optimizer-runs, --no-optimizer, --evm-version, --via-ir) describe a deployment', { hint: 'give them with --rpc and --address' });
      }
      const settings = {
        ...(options.rpc && options.address ? { deployment: { rpc: { url: options.rpc, timeoutMs: options.rpcTimeout * 1000 }, address: options.address, settings: compilerSettings } } : {}),
        language: options.lang[0],
        languages: options.lang,
        ...(options.contract ? { contracts: options.contract } : {}),
        ...(options.basePath ? { basePath: options.basePath } : {}),
        ...(options.includePath ? { includePaths: options.includePath } : {}),
        ...(options.remap ? { remappings: options.remap } : {}),
        ...(options.solc ? { solcVersion: options.solc } : {}),
        cache: options.cache,
        maxSourceBytes: options.maxSourceBytes,
      };
      if (isBatchOutput(options.output)) return summarizeBatch(files, { ...settings, format: options.format, outputFolder: options.output }, io);
      const { outputs } = await summarize(files, { ...settings, formats: [options.format] });
      const text = outputs.map((output) => output.text).join('');
      if (options.output) writeOutput(options.output, outputs[0].bytes ?? text);
      else io.out(text);
    });
}
