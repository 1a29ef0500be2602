#!/usr/bin/env node
// Builds dist/ from src/ (run by `npm ci` through the prepare script): plain JavaScript starts faster than
// TypeScript run through tsx, which matters for a command-line tool. The page assets (CSS and browser
// scripts) are copied beside the code that reads them. bin/plainterms.js uses dist/ only while it is newer
// than every file in src/, so an edited source is never shadowed by an old build.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

function copyAssets(folder) {
  for (const entry of readdirSync(path.join(root, 'src', folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) copyAssets(relative);
    else if (!entry.name.endsWith('.ts')) {
      mkdirSync(path.join(dist, folder), { recursive: true });
      copyFileSync(path.join(root, 'src', relative), path.join(dist, relative));
    }
  }
}
copyAssets('');
writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);

// Templates precompiled per locale, so a run from dist/ does not compile them (about 0.4 s).
const { precompileLocale, listLocales } = await import(path.join(dist, 'render', 'engine.js'));
mkdirSync(path.join(dist, 'templates'), { recursive: true });
for (const locale of listLocales()) writeFileSync(path.join(dist, 'templates', `${locale}.cjs`), precompileLocale(locale));
writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
