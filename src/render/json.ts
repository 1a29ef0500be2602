/**
 * The JSON rendering: the SummaryDocument with a stable key order (the same input always gives the
 * same bytes), 2-space indent and a trailing newline. Keys named in KEY_ORDER come first, in that
 * order; any others follow alphabetically.
 */
import type { SummaryDocument } from '../terms/index.ts';

const KEY_ORDER = [
  // document
  'schema', 'tool', 'compiler', 'language', 'sources', 'contracts',
  // identity first in every object
  'id', 'kind', 'name', 'label', 'section', 'text',
  // contract
  'inherits', 'natspec', 'assets', 'parties', 'actions', 'deadlines', 'lifecycles', 'powers', 'risks', 'claims',
  'notExplained', 'coverage', 'statements',
  // where and on what basis
  'basis', 'path', 'line', 'endLine', 'source',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

export function renderJson(document: SummaryDocument): string {
  return `${JSON.stringify(orderKeys(document), null, 2)}\n`;
}

/** A copy of the value with object keys in the stable order. */
export function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, orderKeys(item)]));
}

function compareKeys(a: string, b: string): number {
  const rankA = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rankB = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}
