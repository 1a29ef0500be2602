/**
 * solc's errors turned into one PlaintermsError: imports that could not be read (IMPORT_NOT_FOUND,
 * IMPORT_OUTSIDE_ROOTS), inputs that are not Solidity (NOT_SOLIDITY), then everything else
 * (COMPILE_ERROR). Only errors count; warnings and infos are dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fail, type Diagnostic } from '../errors.ts';
import { diagnoseAt, type DiagnosticSource } from './diagnostics.ts';
import { isInside, relativeInside } from './paths.ts';
import type { ImportResolver } from './resolver.ts';

export interface SolcError {
  severity: 'error' | 'warning' | 'info';
  type: string;
  errorCode?: string;
  message: string;
  sourceLocation?: { file: string; start: number; end: number };
}

export interface ErrorSource extends DiagnosticSource {
  absolutePath: string;
  content: string;
}

export interface ErrorContext {
  cwd: string;
  inputs: string[];
  resolver: ImportResolver;
  findSource(unitName: string): ErrorSource | null;
}

const SOURCE_NOT_FOUND = '6275';
const SOLIDITY_LINE = /^\s*(pragma|import|(abstract\s+)?contract|library|interface|function|struct|enum|error|event|using|type)\b|SPDX-License-Identifier/m;

export function throwOnSolcErrors(errors: SolcError[], context: ErrorContext): void {
  const failed = errors.filter((error) => error.severity === 'error');
  if (failed.length === 0) return;
  throwOnImportErrors(failed.filter((error) => error.errorCode === SOURCE_NOT_FOUND), context);
  throwOnNonSolidity(failed, context);
  const diagnostics = failed.map((error) => diagnoseSolcError(error, error.message, context));
  fail('COMPILE_ERROR', `${countOf(diagnostics.length, 'compile error')} in ${listPaths(diagnostics)}`, {
    diagnostics,
    hint: 'fix the code at the line shown and run plainterms again; plainterms describes only code that compiles',
  });
}

function throwOnImportErrors(errors: SolcError[], context: ErrorContext): void {
  if (errors.length === 0) return;
  const found = errors.map((error) => describeImportError(error, context));
  const diagnostics = found.map((entry) => entry.diagnostic);
  const outside = found.filter((entry) => entry.outside);
  const roots = listOutermost(context.resolver.listRoots()).map((root) => showFolder(root, context.cwd)).join(', ');
  if (outside.length > 0) {
    fail('IMPORT_OUTSIDE_ROOTS', outside[0].diagnostic.message, {
      hint: `only these folders may be read: ${roots}; if the file is meant to be read, add its folder with --include-path or --remap`,
      diagnostics,
    });
  }
  const message = diagnostics.length === 1 ? diagnostics[0].message : `${countOf(diagnostics.length, 'import')} cannot be found`;
  fail('IMPORT_NOT_FOUND', message, { hint: suggestFixes(found.map((entry) => entry.importPath), context), diagnostics });
}

function describeImportError(error: SolcError, context: ErrorContext) {
  const unitName = /^Source "(.*)" not found:/.exec(error.message)?.[1] ?? '';
  const importer = error.sourceLocation ? context.findSource(error.sourceLocation.file) : null;
  const importPath = importer && error.sourceLocation ? readImportPath(importer, error.sourceLocation) ?? unitName : unitName;
  const failure = context.resolver.failures.get(unitName);
  const refusedPath = failure?.kind === 'outside-roots' ? failure.refusedPath : findEscape(importPath, importer, context);
  const shown = importPath === unitName ? `"${importPath}"` : `"${importPath}" (source unit "${unitName}")`;
  const message =
    refusedPath !== null
      ? `import ${shown} points outside the allowed folders (${showFolder(refusedPath, context.cwd)})`
      : `cannot find import ${shown}; searched ${context.resolver.listSearchFolders().map((f) => showFolder(f, context.cwd)).join(', ')}`;
  return { importPath, outside: refusedPath !== null, diagnostic: diagnoseSolcError(error, message, context) };
}

/** solc drops '..' segments that climb above the unit name's root; on disk they may climb out. */
function findEscape(importPath: string, importer: ErrorSource | null, context: ErrorContext): string | null {
  if (importer === null || !/^\.\.?\//.test(importPath)) return null;
  const target = path.resolve(path.dirname(importer.absolutePath), importPath);
  return context.resolver.isAllowed(target) ? null : target;
}

/** The string literal of the import directive at this location. */
function readImportPath(source: ErrorSource, location: { start: number; end: number }): string | null {
  const directive = Buffer.from(source.content, 'utf8').subarray(location.start, location.end).toString('utf8');
  const match = /"([^"]*)"|'([^']*)'/.exec(directive);
  return match ? match[1] ?? match[2] : null;
}

/** One hint for every package the missing imports name (relative imports get one between them). */
function suggestFixes(importPaths: string[], context: ErrorContext): string {
  const hints = importPaths.map((importPath) => suggestFix(importPath, context));
  return [...new Set(hints)].join('; ');
}

function suggestFix(importPath: string, context: ErrorContext): string {
  if (/^\.\.?\//.test(importPath)) {
    return 'check the path: a relative import is resolved from the folder of the file that imports it';
  }
  const segments = importPath.split('/');
  const name = importPath.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  const installed = findInstalled(name, context);
  if (installed !== null) {
    // The package is there but the file is not: the importing code was written for another version of it.
    const where = showFolder(installed.folder, context.cwd);
    return `${name}${installed.version ? ` ${installed.version}` : ''} is installed (in ${where}) but has no ${segments.slice(name.split('/').length).join('/')}; the importing file was written for another version of ${name}: point to a copy that has the file with --remap ${name}/=<folder>/`;
  }
  return `install the package that provides it (npm install ${name}), or point to its folder with --remap ${name}/=<folder>/ or --include-path <folder>`;
}

/** The first search folder holding the package, with the version its package.json states. */
function findInstalled(name: string, context: ErrorContext): { folder: string; version: string | null } | null {
  for (const folder of context.resolver.listSearchFolders()) {
    const manifest = path.join(folder, name, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
      return { folder: path.join(folder, name), version: typeof version === 'string' ? version : null };
    } catch {
      return { folder: path.join(folder, name), version: null };
    }
  }
  return null;
}

function throwOnNonSolidity(errors: SolcError[], context: ErrorContext): void {
  for (const unitName of context.inputs) {
    const source = context.findSource(unitName);
    const inFile = errors.filter((error) => error.sourceLocation?.file === unitName);
    if (source === null || inFile.length === 0 || !isNotSolidity(source)) continue;
    fail('NOT_SOLIDITY', `${source.path}: not a Solidity file`, {
      hint: 'plainterms reads Solidity source files (.sol, starting with a pragma, imports or contracts)',
      diagnostics: inFile.map((error) => diagnoseSolcError(error, error.message, context)),
    });
  }
}

function isNotSolidity(source: ErrorSource): boolean {
  return path.extname(source.absolutePath).toLowerCase() !== '.sol' || !SOLIDITY_LINE.test(source.content);
}

function diagnoseSolcError(error: SolcError, message: string, context: ErrorContext): Diagnostic {
  const location = error.sourceLocation;
  const source = location ? context.findSource(location.file) : null;
  if (location && source === null) {
    return { severity: 'error', path: location.file, line: null, column: null, message, excerpt: null };
  }
  return diagnoseAt(source, location ? location.start : null, message);
}

function showFolder(folder: string, cwd: string): string {
  const relative = relativeInside(folder, cwd);
  return relative === null ? folder : relative === '' ? `. (${cwd})` : relative;
}

/** The folders not inside another folder of the list. */
function listOutermost(folders: string[]): string[] {
  return folders.filter((folder) => !folders.some((other) => other !== folder && isInside(folder, other)));
}

function listPaths(diagnostics: Diagnostic[]): string {
  const paths = [...new Set(diagnostics.map((d) => d.path).filter((p) => p !== null))];
  return paths.length === 0 ? 'the sources' : paths.join(', ');
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
