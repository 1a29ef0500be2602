/**
 * The solc module, loaded lazily once per process. Everything else talks to the `SolcCompiler`
 * interface, so another solc build (an npm alias such as `solc-0.7.6`, chosen from the pragma) can be
 * passed in instead of the bundled one.
 */
import { createRequire } from 'node:module';

export type ImportCallbackResult = { contents: string } | { error: string };

/** The part of a solc-js module that plainterms uses. */
export interface SolcCompiler {
  version(): string;
  compile(input: string, callbacks: { import: (unitName: string) => ImportCallbackResult }): string;
}

const require = createRequire(import.meta.url);
let bundled: SolcCompiler | undefined;
let bundledVersion: string | undefined;

/** The bundled solc (0.8.37), required on first use and kept for the life of the process. */
export async function loadCompiler(): Promise<SolcCompiler> {
  bundled ??= require('solc') as SolcCompiler;
  return bundled;
}

/** The bundled solc's release ('0.8.37'), read from its package.json without loading the compiler. */
export function readBundledVersion(): string {
  bundledVersion ??= (require('solc/package.json') as { version: string }).version;
  return bundledVersion;
}

/** '0.8.37+commit.f401782d.Emscripten.clang' → '0.8.37+commit.f401782d'. */
export function readCompilerVersion(compiler: SolcCompiler): string {
  const match = /^\d+\.\d+\.\d+(?:-[\w.]+)?\+commit\.[0-9a-f]+/.exec(compiler.version());
  return match ? match[0] : compiler.version();
}
