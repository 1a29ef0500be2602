/**
 * The terms hash: keccak256 over a canonical JSON of a model (a contract's Terms or one order), so a
 * platform can store it with an order and later prove which terms were shown. Only the model is read:
 * rendered statements, labels (the humanised names, i.e. wording) and source positions are left out,
 * so a change of template wording, of the humaniser or of line numbers does not change the hash, while
 * any change to a term does. The canonical form is RFC 8785 (JCS) over what remains; see docs/terms-hash.md.
 */
import sha3 from 'js-sha3';
import type { ContractTerms } from '../terms/index.ts';

/**
 * Keys dropped at every depth: wording and positions, not terms, and what a deployed instance held when it
 * was read from a chain (`deployment` in `summarize --format json`), which is a fact of that moment, not a term.
 */
export const HASH_EXCLUDED_KEYS: readonly string[] = ['statements', 'label', 'source', 'deployment'];

const EXCLUDED = new Set(HASH_EXCLUDED_KEYS);
const contractHashes = new WeakMap<object, string>();

/**
 * keccak256 (0x-prefixed hex) of the canonical JSON of `value`: a contract's Terms (with or without
 * its statements) or an order from describeOrder. Stable across runs, processes and key order.
 */
export function termsHash(value: unknown): string {
  // js-sha3 hashes the string's UTF-8 bytes, as keccak256(toUtf8Bytes(…)) does; the canonical JSON has
  // no lone surrogates (JSON.stringify escapes them), so the bytes are the same.
  return `0x${sha3.keccak256(canonicalJson(value))}`;
}

/** termsHash of a contract's Terms, computed once per Terms object. */
export function contractTermsHash(terms: ContractTerms): string {
  let hash = contractHashes.get(terms);
  if (hash === undefined) contractHashes.set(terms, (hash = termsHash(terms)));
  return hash;
}

/**
 * The canonical JSON text: objects with keys sorted by UTF-16 code units, no whitespace, keys in
 * HASH_EXCLUDED_KEYS and undefined values left out, arrays in order, strings and numbers as
 * JSON.stringify writes them (which is RFC 8785 for the integers and strings the model holds).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      // A hole in a sparse array stays empty, as Array.prototype.map and join leave it.
      if (index in value) text += value[index] === undefined ? 'null' : canonicalJson(value[index]);
    }
    return `${text}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let text = '{';
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || EXCLUDED.has(key)) continue;
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${text}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}
