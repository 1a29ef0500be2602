#!/usr/bin/env node
// The plainterms command. Installed from npm, it runs the JavaScript build in dist/. In a git checkout of
// plainterms (a .git entry beside package.json) it runs the TypeScript sources through tsx, a
// devDependency, so an edit to src/ is never shadowed by an old build; `node dist/cli/main.js` runs the
// build there (`npm run build` refreshes it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (existsSync(path.join(root, '.git'))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  await import('../dist/cli/main.js');
}
