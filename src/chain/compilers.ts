/**
 * A solc release by version, for compiling again what the deployment was compiled with: the bundled
 * one or one installed with `plainterms compilers add`. Nothing is downloaded here.
 */
import { loadCompiler, readBundledVersion, type SolcCompiler } from '../compile/index.ts';
import { findInstalledCompiler, loadInstalledCompiler } from '../compile/installed-compilers.ts';

/** '0.8.37+commit.f401782d' → '0.8.37'. */
export function shortVersion(version: string): string {
  return version.split('+')[0];
}

/** The release when it is bundled or installed; null otherwise. */
export async function loadRelease(version: string, options: { compilersFolder?: string } = {}): Promise<SolcCompiler | null> {
  if (version === readBundledVersion()) return loadCompiler();
  const installed = findInstalledCompiler(version, options.compilersFolder);
  return installed === null ? null : loadInstalledCompiler(installed);
}
