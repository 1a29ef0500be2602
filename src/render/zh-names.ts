/**
 * Chinese names for the code's defined terms (roles, states, records), composed from the word list in
 * templates/zh/names.tsv: `issuingBank` → 开证行, `DocumentsPresented` → 已交单, `AwaitingDelivery` →
 * 待交付. A name is split into words as the English label is (camelCase, underscores, spaces); the
 * longest listed phrase is taken at each position and the renderings are joined in English order,
 * which is also the order of a Chinese noun phrase (modifier before head; a noun before its state,
 * 预付款已支付). A name with any word not listed has no Chinese name: the templates then keep the code
 * name. The word list is vocabulary, kept with the Chinese templates; this module only looks it up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { TEMPLATES_ROOT } from './package-root.ts';
import type { RenderData } from './render-data.ts';

type HelperOptions = Omit<Handlebars.HelperOptions, 'data'> & { data: RenderData };

/** A Chinese name, and whether one listed phrase gave it whole (a glossary term needs no English beside it). */
export interface ChineseName {
  text: string;
  exact: boolean;
}

const LONGEST_PHRASE = 4;

let words: Map<string, string> | null = null;
const names = new Map<string, ChineseName | null>();

/** The word list: `english words<TAB>中文`, lower case; lines starting with # are comments. An empty rendering drops the word ("is"). */
function wordList(): Map<string, string> {
  if (words) return words;
  words = new Map();
  const text = readFileSync(path.join(TEMPLATES_ROOT, 'zh', 'names.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [english, chinese = ''] = line.split('\t');
    words.set(english!.trim().toLowerCase(), chinese.trim());
  }
  return words;
}

/** The words of a code name or its label: `issuingBank`, `ISSUING_BANK` and `Issuing Bank` → issuing, bank. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** English plurals read as their singular (Chinese nouns have no plural): milestones → milestone, parties → party. */
function singulars(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}

function lookup(phrase: string[]): string | undefined {
  const list = wordList();
  const exact = list.get(phrase.join(' '));
  if (exact !== undefined) return exact;
  const last = phrase[phrase.length - 1]!;
  for (const singular of singulars(last)) {
    const found = list.get([...phrase.slice(0, -1), singular].join(' '));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The Chinese name of a code name or label, or null when one of its words is not in the list. */
export function chineseName(name: string): ChineseName | null {
  const cached = names.get(name);
  if (cached !== undefined) return cached;
  const parts = nameWords(name);
  const rendered: string[] = [];
  let index = 0;
  while (index < parts.length) {
    let found: string | undefined;
    let length = Math.min(LONGEST_PHRASE, parts.length - index);
    for (; length > 0; length--) {
      found = lookup(parts.slice(index, index + length));
      if (found !== undefined) break;
    }
    if (found === undefined) break;
    rendered.push(found);
    index += length;
  }
  const text = rendered.join('');
  const result = index === parts.length && text !== '' ? { text, exact: rendered.length === 1 } : null;
  names.set(name, result);
  return result;
}

export function registerZhNameHelpers(hb: typeof Handlebars): void {
  /** `{{#with (zhName label)}}{{text}}{{/with}}`: the Chinese name, or null (the template keeps the code name). */
  hb.registerHelper('zhName', (name: string | null) => (name ? chineseName(String(name)) : null));
  /** True the first time in a document that a name's English is given beside its Chinese rendering. */
  hb.registerHelper('firstExplained', (name: string, options: HelperOptions) => {
    if (options.data.explained.has(name)) return false;
    options.data.explained.add(name);
    return true;
  });
  /** The code name of a state given its label, from the lifecycles of the contract described (else the label). */
  hb.registerHelper('stateCode', (label: string, options: HelperOptions) => {
    for (const lifecycle of options.data.terms?.lifecycles ?? []) {
      const state = lifecycle.states.find((candidate) => candidate.label === label);
      if (state && state.name !== 'on' && state.name !== 'off') return state.name;
    }
    return label;
  });
}
