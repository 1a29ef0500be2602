/** Project-shaped fixtures in a temporary folder: a map of relative path → content (or a symlink). */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { isPlaintermsError, type PlaintermsError } from '../../src/errors.ts';

export type ProjectFiles = Record<string, string | { symlinkTo: string }>;

const created: string[] = [];

export function makeProject(files: ProjectFiles): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plainterms-compile-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === 'string') writeFileSync(target, content);
    else symlinkSync(content.symlinkTo, target);
  }
  return root;
}

export function removeProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export async function catchPlaintermsError(promise: Promise<unknown>): Promise<PlaintermsError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(isPlaintermsError(error), `expected a PlaintermsError, got ${String(error)}`).toBe(true);
  return error as PlaintermsError;
}

export const PRAGMA = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n';
