/** Where the package is installed, so templates and the schema are found wherever it is run from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Two levels up from src/render. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TEMPLATES_ROOT = path.join(PACKAGE_ROOT, 'templates');

let version: string | undefined;

/** The version in the package's own package.json. */
export function readToolVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
