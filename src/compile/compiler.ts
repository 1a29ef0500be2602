/**
 * The solc module, loaded lazily once per process. Everything else talks to the `SolcCompiler`
 * interface, so another solc build (an npm alias such as `solc-0.7.6`, chosen from the pragma) can be
 * passed in instead of the bundled one.
 */
import { createRequire } from 'node:module';
import v8 from 'node:v8';

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
  if (bundled === undefined) {
    preferBaselineWasm();
    bundled = require('solc') as SolcCompiler;
  }
  return bundled;
}

let baselineWasm = false;

/**
 * solc is a large WebAssembly module. V8 first compiles it with its baseline compiler (Liftoff), then
 * recompiles hot functions with its optimizing one (TurboFan). For the usual one or few compiles per
 * process that second compilation costs more than it saves: keeping to the baseline tier makes a cold
 * compile about 20% faster and 40–80 MB smaller (see bench/README.md). A long-lived process doing
 * many uncached compiles may set PLAINTERMS_WASM_TIERUP=1 to keep V8's default tiering (steady-state
 * compiles about 25% faster). Must run before the first solc module is compiled.
 */
export function preferBaselineWasm(): void {
  if (baselineWasm || process.env.PLAINTERMS_WASM_TIERUP === '1') return;
  v8.setFlagsFromString('--liftoff-only');
  baselineWasm = true;
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
