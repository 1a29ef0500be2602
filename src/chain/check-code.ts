/**
 * The deployed-code check: is the code at the address this source, and if not, why not? Only what was
 * established is reported:
 * - the settings compared, in order: the given ones (options, a build-info, a standard-JSON input),
 *   else a short list of common ones (compiler-settings.ts); when the given ones do not match, the
 *   common ones too, so a deployment made with other settings is named as such;
 * - the release: the deployed metadata names the solc release; when it is not the one the source was
 *   compiled with, the source is compiled again with it if it is installed and no release was chosen;
 * - when nothing matches: functions of the source the code has no entry for (so other source, whatever
 *   the release and settings), else another release that could not be tried, else that neither the
 *   source nor the settings are known to be the deployment's.
 */
import { getBytes } from 'ethers';
import type { SolcCompiler } from '../compile/index.ts';
import { type BytecodeCheck, checkBytecode } from './bytecode.ts';
import { readCodeMetadata } from './cbor-metadata.ts';
import type { ContractBytecode } from './compile-bytecode.ts';
import { type CompilerSettings, sameSettings, type SettingsFact, type SettingsOrigin, settingsToTry, toSettingsFact } from './compiler-settings.ts';
import { shortVersion } from './compilers.ts';
import type { ProxyFacts } from './proxy.ts';
import { listMissingFunctions } from './selectors.ts';

/**
 * Reasons: 'compiler-release', the metadata names another release, not tried (see releaseNotTried);
 * 'missing-functions', the code has no entry for functions of the source; 'not-reproduced', no
 * settings tried reproduce it; 'not-compiled', no bytecode could be had for the source (a build
 * folder holds none, or solc refused every setting), so nothing was compared.
 */

/** Settings as given: only what was given, the rest null. */
export interface GivenSettings {
  origin: SettingsOrigin;
  optimizer: boolean | null;
  runs: number | null;
  evmVersion: string | null;
  viaIR: boolean | null;
}

export interface CodeCheck extends BytecodeCheck {
  /** The solc release of the compiled code compared last (the matching one, when one matches). */
  compiledSolc: string;
  /** The release the source was compiled with for its terms; compiledSolc differs when the deployed metadata named another. */
  sourceSolc: string;
  /** Where that code came from: compiled here, or the bytecode a build-info or a build folder's artifact holds. */
  compiledFrom: 'compiled' | 'build-info' | 'artifacts';
  /** The settings of the matching code; null when none matched. */
  settings: SettingsFact | null;
  /** The settings given, and whether they are the ones that match (null when none were given). */
  given: GivenSettings | null;
  givenMatch: boolean | null;
  /** Every set of settings compiled and compared, in order (those solc refused are left out). */
  tried: SettingsFact[];
  /** Why the code does not match, when it does not: only a reason that was established. */
  reason: 'compiler-release' | 'missing-functions' | 'not-reproduced' | 'not-compiled' | null;
  /** With reason 'compiler-release': why the deployed release was not used. */
  releaseNotTried: 'not-installed' | 'release-chosen' | 'pragma' | null;
  /** Signatures of the source's functions the deployed code has no entry for. */
  missingFunctions: string[];
  /** Immutable variables whose bytes were left out of the comparison (set at deployment). */
  immutables: string[];
  /** The proxy whose implementation was compared, when the address holds one. */
  proxy: ProxyFacts | null;
}

/** The compiled side of the check: what is at hand, and how to compile more. */
export interface CodeSource {
  /** The solc release the source was compiled with, e.g. '0.8.37+commit.f401782d'. */
  version: string;
  /** True when the release was chosen (--solc, a build-info): the deployed release does not replace it. */
  releaseChosen: boolean;
  given: { origin: SettingsOrigin; settings: CompilerSettings } | null;
  /** Bytecode at hand and its settings: the first compile, or a build-info's own. */
  initial: { settings: CompilerSettings; bytecode: ContractBytecode; from: CodeCheck['compiledFrom'] } | null;
  /** The contract compiled with these settings by this release (default the source's); an error message when solc refuses. */
  compile(settings: CompilerSettings, compiler?: SolcCompiler): Promise<ContractBytecode | { error: string }>;
  /** A release, when bundled or installed. */
  loadRelease(version: string): Promise<SolcCompiler | null>;
  abi: unknown[];
  /** The state variable name of an immutable's AST id. */
  immutableName(id: string): string | null;
}

export async function checkCode(code: string, source: CodeSource): Promise<CodeCheck> {
  const deployedSolc = readCodeMetadata(getBytes(code))?.solc ?? null;
  const compiledRelease = shortVersion(source.version);
  let compiler: SolcCompiler | undefined;
  let release = compiledRelease;
  let releaseNotTried: CodeCheck['releaseNotTried'] = null;
  if (deployedSolc !== null && deployedSolc !== compiledRelease) {
    const other = source.releaseChosen ? null : await source.loadRelease(deployedSolc);
    releaseNotTried = source.releaseChosen ? 'release-chosen' : other === null ? 'not-installed' : null;
    if (other !== null) {
      compiler = other;
      release = deployedSolc;
    }
  }
  const tried: { settings: CompilerSettings; check: BytecodeCheck; bytecode: ContractBytecode; from: CodeCheck['compiledFrom'] }[] = [];
  let refusedByPragma = false;
  const compare = async (settings: CompilerSettings): Promise<boolean> => {
    if (tried.some((entry) => sameSettings(entry.settings, settings))) return false;
    const atHand = source.initial && release === compiledRelease && sameSettings(source.initial.settings, settings) ? source.initial : null;
    const bytecode = atHand?.bytecode ?? (await source.compile(settings, compiler));
    if ('error' in bytecode) {
      if (/requires different compiler version/i.test(bytecode.error)) refusedByPragma = true;
      return false;
    }
    tried.push({ settings, check: checkBytecode(code, bytecode).check, bytecode, from: atHand?.from ?? 'compiled' });
    return tried[tried.length - 1].check.matches;
  };
  const given = source.given?.settings ?? null;
  const first = source.initial && !given ? [source.initial.settings] : [];
  let matched = false;
  if (compiler !== undefined) {
    matched = await compareUntilMatch([first, settingsToTry(given), ...(given ? [settingsToTry(null)] : [])], compare);
    if (refusedByPragma && tried.length === 0) [compiler, release, releaseNotTried] = [undefined, compiledRelease, 'pragma'];
  }
  if (compiler === undefined && tried.length === 0) {
    // The source's own release: every candidate when the deployed release is the same; else one
    // comparison, which shows whether the code happens to match all the same.
    const lists = releaseNotTried !== null ? [[source.initial?.settings ?? given ?? {}]] : [first, settingsToTry(given), ...(given ? [settingsToTry(null)] : [])];
    matched = await compareUntilMatch(lists, compare);
  }
  const last = tried.find((entry) => entry.check.matches) ?? tried[0];
  const base: BytecodeCheck = last?.check ?? { matches: false, metadataMatches: false, deployedSolc, deployedLength: 0, compiledLength: 0, metadataHash: { deployed: null, compiled: null } };
  const missingFunctions = matched ? [] : listMissingFunctions(code, source.abi);
  return {
    ...base,
    deployedSolc,
    compiledSolc: last ? release : compiledRelease,
    sourceSolc: compiledRelease,
    compiledFrom: last?.from ?? 'compiled',
    settings: matched && last ? toSettingsFact(last.settings) : null,
    given: source.given ? toGivenSettings(source.given.origin, source.given.settings) : null,
    givenMatch: given === null ? null : matched && last !== undefined && settingsToTry(given).some((settings) => sameSettings(settings, last.settings)),
    tried: tried.map((entry) => toSettingsFact(entry.settings)),
    // Missing functions first: the dispatcher's selectors do not depend on the release or the settings.
    reason: matched ? null : missingFunctions.length > 0 ? 'missing-functions' : releaseNotTried !== null ? 'compiler-release' : tried.length === 0 ? 'not-compiled' : 'not-reproduced',
    releaseNotTried: matched ? null : releaseNotTried,
    missingFunctions,
    immutables: matched && last ? immutablesOf(last.bytecode, source) : [],
    proxy: null,
  };
}

async function compareUntilMatch(lists: CompilerSettings[][], compare: (settings: CompilerSettings) => Promise<boolean>): Promise<boolean> {
  for (const list of lists) for (const settings of list) if (await compare(settings)) return true;
  return false;
}

function toGivenSettings(origin: SettingsOrigin, settings: CompilerSettings): GivenSettings {
  const optimizer = settings.optimizer?.enabled ?? null;
  return { origin, optimizer, runs: optimizer ? settings.optimizer?.runs ?? 200 : null, evmVersion: settings.evmVersion ?? null, viaIR: settings.viaIR ?? null };
}

function immutablesOf(bytecode: ContractBytecode, source: CodeSource): string[] {
  const names = Object.keys(bytecode.immutableReferences).map((id) => source.immutableName(id) ?? `#${id}`);
  return [...new Set(names)];
}
