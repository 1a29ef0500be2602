#!/usr/bin/env node
// Copies the reviewed golden documents (tests/golden) into examples/, so a visitor can read the output
// without running anything. Run after `npx vitest run tests/golden -u` and a review of the diff.
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const file of readdirSync(path.join(root, 'tests', 'golden'))) {
  if (/\.(en|zh)\.(md|json|txt)$|\.erc7730(\.tests)?\.json$/.test(file)) copyFileSync(path.join(root, 'tests', 'golden', file), path.join(root, 'examples', file));
}
