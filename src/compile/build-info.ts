/**
 * A Hardhat build-info file (Hardhat 2 `hh-sol-build-info-1`, Foundry `ethers-rs-sol-build-info-1`,
 * or Hardhat 3 `hh3-sol-build-info-1` with its `<id>.output.json` beside it): the standard-JSON input
 * and output of one solc run. The output found there is used as is; nothing is recompiled.
 */
import path from 'node:path';
import { fail } from '../errors.ts';
import { isJsonObject } from '../json-shape.ts';
import { isFile } from './paths.ts';
import { chooseOwnSources, cleanVersion, compilationFromOutput, loadEmbeddedSource, localNameOf, readJsonFile } from './prebuilt.ts';
import { findProjectRoot } from './project.ts';
import type { Compilation } from './types.ts';

export function isBuildInfo(json: any): boolean {
  return typeof json?._format === 'string' && /build-info/.test(json._format) && isJsonObject(json.input);
}

export function readBuildInfo(file: string, json: any, cwd: string, shown: string): Compilation {
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
  const userSources = Object.keys(json.userSourceNameMap ?? {}).map((name) => json.userSourceNameMap[name] as string);
  const inputs = userSources.length > 0 ? userSources : chooseOwnSources(Object.keys(inputSources));
  return compilationFromOutput({ version: cleanVersion(json.solcLongVersion ?? json.solcVersion), output, sources, inputs, cwd });
}

/** Hardhat 3 keeps the output in `<id>.output.json` next to the build-info file. */
function readSeparateOutput(file: string, json: any, shown: string): any {
  const outputFile = path.join(path.dirname(file), `${json.id ?? path.basename(file, '.json')}.output.json`);
  if (!isFile(outputFile)) fail('BAD_INPUT', `${shown}: the build-info has no output, and ${path.basename(outputFile)} is not beside it`);
  return readJsonFile(outputFile, outputFile).output;
}
