/**
 * Build outputs as Hardhat and Foundry write them, generated here with solc from a project's sources
 * (never written by hand): a Hardhat build-info file, a Foundry out/ folder with per-contract
 * artifacts (with or without the AST) and build-info, and a standard-JSON input as explorers publish it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SolcCompiler } from '../../src/compile/index.ts';

export interface SolcRun {
  version: string;
  longVersion: string;
  input: { language: 'Solidity'; sources: Record<string, { content: string }>; settings: Record<string, unknown> };
  output: any;
}

/** Compile the project's files (unit names relative to root) as a build tool would, imports from node_modules. */
export function runSolc(solc: SolcCompiler, root: string, files: string[]): SolcRun {
  const sources: Record<string, { content: string }> = {};
  const read = (unitName: string) => {
    for (const candidate of [path.join(root, unitName), path.join(root, 'node_modules', unitName)]) {
      try {
        return readFileSync(candidate, 'utf8');
      } catch {
        // next
      }
    }
    return null;
  };
  for (const file of files) sources[file] = { content: read(file)! };
  const settings = {
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '': ['ast'], '*': ['abi', 'metadata', 'devdoc', 'userdoc', 'evm.methodIdentifiers'] } },
  };
  const input = { language: 'Solidity' as const, sources, settings };
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), {
      import: (unitName) => {
        const content = read(unitName);
        if (content === null) return { error: 'not found' };
        sources[unitName] = { content };
        return { contents: content };
      },
    }),
  );
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join('\n'));
  const longVersion = solc.version().replace(/\.Emscripten.*$/, '');
  return { version: longVersion.split('+')[0], longVersion, input, output };
}

function writeJson(file: string, value: unknown): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** `artifacts/build-info/<id>.json`, Hardhat 2's format. */
export function writeHardhatBuildInfo(root: string, run: SolcRun, id = 'a1b2c3'): string {
  return writeJson(path.join(root, 'artifacts', 'build-info', `${id}.json`), {
    _format: 'hh-sol-build-info-1',
    id,
    solcVersion: run.version,
    solcLongVersion: run.longVersion,
    input: run.input,
    output: run.output,
  });
}

/** `out/<File>.sol/<Contract>.json` for every contract, as forge writes them (`--ast` adds the AST). */
export function writeFoundryArtifacts(root: string, run: SolcRun, options: { ast: boolean }): string {
  const out = path.join(root, 'out');
  // Files with the same name get their whole path as the folder, as forge does.
  const names = Object.keys(run.output.sources).map((unitName) => path.basename(unitName));
  const folderOf = (unitName: string) => (names.filter((n) => n === path.basename(unitName)).length > 1 ? unitName : path.basename(unitName));
  for (const [unitName, source] of Object.entries<any>(run.output.sources)) {
    const contracts: Record<string, any> = run.output.contracts[unitName] ?? {};
    // A file without contracts gets an artifact named after the file, with only the AST and id.
    if (Object.keys(contracts).length === 0 && options.ast) {
      writeJson(path.join(out, folderOf(unitName), `${path.basename(unitName, '.sol')}.json`), { ast: source.ast, id: source.id });
    }
    for (const [name, contract] of Object.entries(contracts)) {
      const metadata = JSON.parse(contract.metadata);
      writeJson(path.join(out, folderOf(unitName), `${name}.json`), {
        abi: contract.abi,
        methodIdentifiers: contract.evm.methodIdentifiers,
        rawMetadata: contract.metadata,
        metadata,
        ...(options.ast ? { ast: source.ast } : {}),
        id: source.id,
      });
    }
  }
  return out;
}

/** `out/build-info/<id>.json`, Foundry's build-info format. */
export function writeFoundryBuildInfo(root: string, run: SolcRun, id = 'd4e5f6'): string {
  return writeJson(path.join(root, 'out', 'build-info', `${id}.json`), {
    _format: 'ethers-rs-sol-build-info-1',
    id,
    solcVersion: run.version,
    solcLongVersion: run.longVersion,
    input: run.input,
    output: run.output,
  });
}

/** A standard-JSON input with every source inlined; `wrapped` adds the second pair of braces explorers use. */
export function writeStandardJsonInput(file: string, run: SolcRun, options: { wrapped?: boolean } = {}): string {
  const input = { ...run.input, settings: { ...run.input.settings, outputSelection: { '*': { '*': ['evm.bytecode', 'evm.deployedBytecode', 'abi'] } } } };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, options.wrapped ? `{${JSON.stringify(input)}}` : JSON.stringify(input, null, 2));
  return file;
}

/** Hardhat 3: `artifacts/build-info/<id>.json` with `project/…` and `npm/<package>@<version>/…` source names, the output beside it. */
export function writeHardhat3BuildInfo(root: string, run: SolcRun, id = 'solc-0_8_37-f00d'): string {
  const rename = (unitName: string) => (unitName.startsWith('@openzeppelin/contracts/') ? unitName.replace('@openzeppelin/contracts/', 'npm/@openzeppelin/contracts@5.1.0/') : `project/${unitName}`);
  const renameKeys = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [rename(k), v]));
  const sources = Object.fromEntries(
    Object.entries<any>(run.output.sources).map(([unitName, source]) => [rename(unitName), { ...source, ast: { ...source.ast, absolutePath: rename(unitName) } }]),
  );
  const userSourceNameMap = Object.fromEntries(Object.keys(run.input.sources).filter((u) => u.startsWith('contracts/')).map((u) => [u, rename(u)]));
  writeJson(path.join(root, 'artifacts', 'build-info', `${id}.output.json`), { _format: 'hh3-sol-build-info-output-1', id, output: { ...run.output, sources, contracts: renameKeys(run.output.contracts) } });
  return writeJson(path.join(root, 'artifacts', 'build-info', `${id}.json`), {
    _format: 'hh3-sol-build-info-1',
    id,
    solcVersion: run.version,
    solcLongVersion: run.longVersion,
    userSourceNameMap,
    input: { ...run.input, sources: renameKeys(run.input.sources) },
  });
}
