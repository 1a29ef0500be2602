/**
 * The compiler settings a deployment was built with, for the deployed-code check (`--rpc --address`):
 * `--optimizer-runs N` (the optimizer on), `--no-optimizer`, `--evm-version`, `--via-ir`. Without any,
 * solc's defaults and a few common settings are tried. Bad values are usage errors while parsing.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type CompilerSettings, EVM_VERSIONS, MAX_RUNS, settingsFromOptions } from '../chain/compiler-settings.ts';

export interface CompilerFlags {
  optimizerRuns?: number;
  optimizer?: boolean;
  evmVersion?: string;
  viaIr?: boolean;
}

/** `--optimizer-runs 200`: a whole number from 0 to 2^32 - 1, as solc accepts. */
export function parseRuns(text: string): number {
  const runs = Number(text.replace(/[_,]/g, ''));
  if (!/^\s*[\d_,]+\s*$/.test(text) || !Number.isSafeInteger(runs) || runs < 0 || runs > MAX_RUNS) {
    throw new InvalidArgumentError(`expected a whole number of runs from 0 to ${MAX_RUNS}, e.g. 200`);
  }
  return runs;
}

/** `with` names the option the settings go with in the help ('--address', '--rpc'). */
export function addCompilerOptions(command: Command, withOption: string): Command {
  return command
    .option('--optimizer-runs <n>', `with ${withOption}: the deployment was compiled with the optimizer on, for this many runs`, parseRuns)
    .addOption(new Option('--no-optimizer', `with ${withOption}: the deployment was compiled with the optimizer off`))
    .addOption(new Option('--evm-version <version>', `with ${withOption}: the EVM version the deployment was compiled for`).choices([...EVM_VERSIONS]))
    .option('--via-ir', `with ${withOption}: the deployment was compiled through the IR pipeline (viaIR)`);
}

/**
 * The settings given on the command line; null when none is given. commander sets `optimizer` to true
 * by default for `--no-optimizer`, so only an explicit false counts.
 */
export function readCompilerFlags(command: Command, flags: CompilerFlags): CompilerSettings | null {
  const optimizer = command.getOptionValueSource('optimizer') === 'cli' ? flags.optimizer : undefined;
  return settingsFromOptions({ ...flags, optimizer });
}
