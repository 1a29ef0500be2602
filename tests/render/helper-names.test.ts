/**
 * A bare `{{name}}` calls the helper of that name when one exists, not the field: `{{party}}` in a
 * caller rule called the `party` look-up with no argument and crashed on thirdweb's TokenStake. No
 * template may print a field whose name is a helper's; write `{{this.name}}`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlebars } from '../../src/render/engine.ts';

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? templates(path) : name.endsWith('.hbs') ? [path] : [];
  });
}

describe('templates print fields, not helpers', () => {
  it('no bare mustache names a helper', () => {
    const helpers = new Set(Object.keys(handlebars.helpers));
    const found: string[] = [];
    for (const file of templates('templates')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g)) {
        if (helpers.has(match[1]!) && match[1] !== 'else') found.push(`${file}: {{${match[1]}}}`);
      }
    }
    expect(found).toEqual([]);
  });
});
