/**
 * The ERC-7730 JSON Schemas (tests/fixtures/erc7730, copied unchanged from the registry) compiled with Ajv:
 * v2 (draft 2020-12) with Ajv2020, the v2 tests-file schema (draft-07) with Ajv, and the deprecated v1
 * (draft-04) with ajv-draft-04. Formats the schemas name but do not define (eip55, eip155) are not checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import type { Options, ValidateFunction } from 'ajv-draft-04';
import { expect } from 'vitest';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/erc7730/${name}`, import.meta.url), 'utf8'));

export const validateV2 = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(read('erc7730-v2.schema.json'));
export const validateTests = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(read('erc7730-tests-v2.schema.json'));

/**
 * The v1 schema names one of its definitions `id`, which draft-04 reads as a schema identifier; Ajv then
 * fails to resolve `#/$definitions/id`. The definition is renamed (with its references) before compiling;
 * nothing else in the schema changes.
 */
const v1Text = readFileSync(new URL('../fixtures/erc7730/erc7730-v1.schema.json', import.meta.url), 'utf8');
const v1 = JSON.parse(v1Text.replaceAll('#/$definitions/id"', '#/$definitions/identifier"'));
v1.$definitions.identifier = v1.$definitions.id;
delete v1.$definitions.id;
type AjvInstance = { compile(schema: object): ValidateFunction };
const AjvDraft04 = createRequire(import.meta.url)('ajv-draft-04') as new (options: Options) => AjvInstance;
export const validateV1 = new AjvDraft04({ strict: false, validateFormats: false, allErrors: true }).compile(v1);

export function expectValid(validate: ValidateFunction, document: unknown): void {
  const valid = validate(document);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}
