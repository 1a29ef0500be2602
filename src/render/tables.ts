/**
 * The document's tables: statements that are rows of one table (`table`, `cells`) and follow each
 * other become one block with the table's column headers, which the locale words in
 * `templates/<locale>/partials/table-head/<table>.hbs` (headers separated by `|`).
 */
import { loadLocale } from './engine.ts';
import { createRenderData, renderPartial, type RenderData } from './render-data.ts';

export interface TableBlock<T> {
  table: string;
  headers: string[];
  rows: T[];
}

/** Consecutive rows of the same table gathered into one block; other statements stay as they are. */
export function tableBlocks<T extends { table?: string }>(items: T[], headers: (table: string) => string[]): (T | TableBlock<T>)[] {
  const blocks: (T | TableBlock<T>)[] = [];
  for (const item of items) {
    const last = blocks.at(-1);
    if (item.table && last && 'rows' in last && last.table === item.table) last.rows.push(item);
    else if (item.table) blocks.push({ table: item.table, headers: headers(item.table), rows: [item] });
    else blocks.push(item);
  }
  return blocks;
}

/** The column headers of a table in the locale of `data`, the source column last. */
export function tableHeaders(data: RenderData): (table: string) => string[] {
  return (table) => renderPartial(`table-head/${table}`, {}, data).split('|').map((header) => header.trim());
}

const HEAD = 'table-head/';

/** Every table's column names in `language`, without the source column, for readers of the JSON. */
export function tableColumns(language: string): Record<string, string[]> {
  const bundle = loadLocale(language);
  const headers = tableHeaders(createRenderData(bundle, null));
  const names = Object.keys(bundle.partials)
    .filter((name) => name.startsWith(HEAD))
    .map((name) => name.slice(HEAD.length))
    .sort();
  return Object.fromEntries(names.map((table) => [table, headers(table).slice(0, -1)]));
}
