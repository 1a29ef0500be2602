/**
 * A Hardhat build-info file (Hardhat 2 `hh-sol-build-info-1`, Foundry `ethers-rs-sol-build-info-1`,
 * or Hardhat 3 `hh3-sol-build-info-1` with its `<id>.output.json` beside it): the standard-JSON input
 * and output of one solc run. The output found there is used as is; nothing is recompiled, unless a
 * folder holds several builds (rebuild.ts).
 */
import path from 'node:path';
import { fail } from '../errors.ts';
import { isJsonObject } from '../json-shape.ts';
import { isFile } from './paths.ts';
import { chooseOwnSources, cleanVersion, compilationFromOutput, loadEmbeddedSource, localNameOf, readJsonFile } from './prebuilt.ts';
import { findProjectRoot } from './project.ts';
import { readWriteTime, type RecordedBuild } from './rebuild.ts';
import type { Compilation } from './types.ts';

export function isBuildInfo(json: any): boolean {
  return typeof json?._format === 'string' && /build-info/.test(json._format) && isJsonObject(json.input);
}

/** `inputs`: the sources whose contracts are wanted (a single artifact's); default the build's own. */
export function readBuildInfo(file: string, json: any, cwd: string, shown: string, inputs?: string[]): Compilation {
  const output = json.output ?? readSeparateOutput(file, json, shown);
  const inputSources: Record<string, { content?: unknown } | null> = isJsonObject(json.input.sources) ? json.input.sources : {};
  if (!isJsonObject(output?.sources)) fail('BAD_INPUT', `${shown}: the build-info holds no compiler output`);
  const missingAst = Object.entries<any>(output.sources).find(([, source]) => !isJsonObject(source?.ast));
  if (missingAst) {
    fail('BAD_INPUT', `${shown}: the build-info has no AST for ${missingAst[0]}`, { hint: 'build again with the AST in the output selection (Hardhat and Foundry include it by default)' });
  }
  const projectRoot = findProjectRoot(path.resolve(file));
  const hardhat3 = String(json._format).startsWith('hh3-');
  const sources = Object.keys(output.sources).map((unitName) => {
    const content = inputSources[unitName]?.content;
    if (typeof content !== 'string') fail('BAD_INPUT', `${shown}: the build-info has no source text for ${unitName}`);
    return loadEmbeddedSource(unitName, content, projectRoot, cwd, hardhat3 ? localNameOf(unitName) : unitName);
  });
  return compilationFromOutput({ version: cleanVersion(json.solcLongVersion ?? json.solcVersion), output, sources, inputs: inputs ?? listOwnSources(json), cwd, evmVersion: json.input.settings?.evmVersion });
}

/** A build-info as one of several builds to compile again (see rebuild.ts): its sources, settings and imports. */
export function recordBuildInfo(file: string, json: any, shown: string): RecordedBuild {
  const output = json.output ?? readSeparateOutput(file, json, shown);
  const hardhat3 = String(json._format).startsWith('hh3-');
  const sources: RecordedBuild['sources'] = {};
  for (const [unitName, source] of Object.entries<any>(isJsonObject(json.input.sources) ? json.input.sources : {})) {
    if (typeof source?.content !== 'string') fail('BAD_INPUT', `${shown}: the build-info has no source text for ${unitName}`);
    sources[unitName] = { content: source.content, ...(hardhat3 ? { localName: localNameOf(unitName) } : {}) };
  }
  const imports: RecordedBuild['imports'] = {};
  for (const [unitName, source] of Object.entries<any>(isJsonObject(output?.sources) ? output.sources : {})) {
    const nodes = source?.ast?.nodes;
    if (!Array.isArray(nodes)) continue;
    imports[unitName] = nodes.filter((node) => node?.nodeType === 'ImportDirective' && typeof node.absolutePath === 'string').map((node) => node.absolutePath);
  }
  const settings = isJsonObject(json.input.settings) ? json.input.settings : {};
  return { file, time: readWriteTime(file), version: cleanVersion(json.solcLongVersion ?? json.solcVersion), settings, sources, targets: listOwnSources(json), imports };
}

/** Hardhat 3 names the user's sources; otherwise those that are not dependencies, tests or scripts. */
function listOwnSources(json: any): string[] {
  const userSources = Object.values(isJsonObject(json.userSourceNameMap) ? json.userSourceNameMap : {}).filter((name): name is string => typeof name === 'string');
  return userSources.length > 0 ? userSources : chooseOwnSources(Object.keys(isJsonObject(json.input.sources) ? json.input.sources : {}));
}

/** Hardhat 3 keeps the output in `<id>.output.json` next to the build-info file. */
function readSeparateOutput(file: string, json: any, shown: string): any {
  const outputFile = path.join(path.dirname(file), `${json.id ?? path.basename(file, '.json')}.output.json`);
  if (!isFile(outputFile)) fail('BAD_INPUT', `${shown}: the build-info has no output, and ${path.basename(outputFile)} is not beside it`);
  return readJsonFile(outputFile, outputFile).output;
}
