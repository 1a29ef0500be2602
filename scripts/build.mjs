#!/usr/bin/env node
// Builds dist/ from src/ (run by `npm ci` and `npm pack` through the prepare script): the JavaScript and
// declarations the package ships. Plain JavaScript starts faster than TypeScript run through tsx, which
// matters for a command-line tool. The page assets (CSS and browser scripts) are copied beside the code
// that reads them. bin/plainterms.js runs dist/ when installed, and the sources in a git checkout.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
rewriteDeclarationImports(dist);

/**
 * tsc rewrites `./x.ts` to `./x.js` in the JavaScript it emits but not in the declarations, where a consumer's
 * TypeScript would refuse the `.ts` ending (or find no file): the same rewrite, on every relative specifier.
 */
function rewriteDeclarationImports(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) rewriteDeclarationImports(full);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(full, 'utf8');
      const rewritten = text.replace(/((?:from |import\()\s*['"]\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1.js$2');
      if (rewritten !== text) writeFileSync(full, rewritten);
    }
  }
}

// Templates precompiled per locale, so a run from dist/ does not compile them (about 0.4 s).
const { precompileLocale, listLocales } = await import(path.join(dist, 'render', 'engine.js'));
mkdirSync(path.join(dist, 'templates'), { recursive: true });
for (const locale of listLocales()) writeFileSync(path.join(dist, 'templates', `${locale}.cjs`), precompileLocale(locale));
