/**
 * The compiler settings that change bytecode (optimizer, runs, EVM version, via-IR): as the user gives
 * them, as a build-info or standard-JSON input holds them, and the small fixed list of common ones
 * tried when none are given. Settings are data; the templates word them.
 */
import { fail } from '../errors.ts';

export interface CompilerSettings {
  optimizer?: { enabled: boolean; runs?: number };
  evmVersion?: string;
  viaIR?: boolean;
}

/** Settings as stated in the deployment facts: every field explicit, null for the compiler's default. */
export interface SettingsFact {
  optimizer: boolean;
  /** Optimizer runs; null with the optimizer off. */
  runs: number | null;
  /** The EVM version asked for; null for the compiler's default. */
  evmVersion: string | null;
  viaIR: boolean;
}

/** Where the settings compared first came from. */
export type SettingsOrigin = 'options' | 'build-info' | 'artifacts' | 'standard-json';

/**
 * Tried in this order when no optimizer setting is given: off (solc, Hardhat and Foundry's default),
 * then on with 200 runs (the usual choice when it is on), 1 and 10,000 runs, and via-IR with 200 runs.
 * Five compiles at most; the first whose code matches ends the search.
 */
export const CANDIDATE_SETTINGS: readonly CompilerSettings[] = [
  { optimizer: { enabled: false } },
  { optimizer: { enabled: true, runs: 200 } },
  { optimizer: { enabled: true, runs: 1 } },
  { optimizer: { enabled: true, runs: 10_000 } },
  { optimizer: { enabled: true, runs: 200 }, viaIR: true },
];

export { EVM_VERSIONS } from '../compile/evm-version.ts';

/** The largest optimizer runs solc accepts (2^32 - 1). */
export const MAX_RUNS = 4_294_967_295;

/** The settings that matter for bytecode, out of a standard-JSON `settings` object (anything else is ignored). */
export function readSettings(settings: unknown): CompilerSettings {
  const source = (typeof settings === 'object' && settings !== null ? settings : {}) as Record<string, any>;
  const result: CompilerSettings = {};
  const optimizer = source.optimizer;
  if (typeof optimizer === 'object' && optimizer !== null) {
    result.optimizer = { enabled: optimizer.enabled === true, ...(typeof optimizer.runs === 'number' ? { runs: optimizer.runs } : {}) };
  }
  if (typeof source.evmVersion === 'string') result.evmVersion = source.evmVersion;
  if (source.viaIR === true) result.viaIR = true;
  return result;
}

/** Every field explicit: solc's defaults (optimizer off; 200 runs when on) filled in. */
export function toSettingsFact(settings: CompilerSettings): SettingsFact {
  const optimizer = settings.optimizer?.enabled === true;
  return { optimizer, runs: optimizer ? settings.optimizer?.runs ?? 200 : null, evmVersion: settings.evmVersion ?? null, viaIR: settings.viaIR === true };
}

export function sameSettings(a: CompilerSettings, b: CompilerSettings): boolean {
  const [x, y] = [toSettingsFact(a), toSettingsFact(b)];
  return x.optimizer === y.optimizer && x.runs === y.runs && x.evmVersion === y.evmVersion && x.viaIR === y.viaIR;
}

/**
 * What to compile with, in order: the given settings alone when they fix the optimizer; otherwise each
 * candidate with what was given (an EVM version, via-IR) laid over it.
 */
export function settingsToTry(given: CompilerSettings | null): CompilerSettings[] {
  if (given?.optimizer) return [given];
  const list: CompilerSettings[] = [];
  for (const candidate of CANDIDATE_SETTINGS) {
    const merged = { ...candidate, ...given };
    if (!list.some((known) => sameSettings(known, merged))) list.push(merged);
  }
  return list;
}

/** The settings of the command-line options; null when none is given. USAGE for values solc would refuse. */
export function settingsFromOptions(options: { optimizerRuns?: number; optimizer?: boolean; evmVersion?: string; viaIr?: boolean }): CompilerSettings | null {
  if (options.optimizerRuns !== undefined && options.optimizer === false) {
    fail('USAGE', '--optimizer-runs and --no-optimizer contradict each other', { hint: 'give the runs the deployment was optimized for, or --no-optimizer if it was not' });
  }
  const settings: CompilerSettings = {};
  if (options.optimizerRuns !== undefined) settings.optimizer = { enabled: true, runs: options.optimizerRuns };
  if (options.optimizer === false) settings.optimizer = { enabled: false };
  if (options.evmVersion !== undefined) settings.evmVersion = options.evmVersion;
  if (options.viaIr === true) settings.viaIR = true;
  return Object.keys(settings).length === 0 ? null : settings;
}
