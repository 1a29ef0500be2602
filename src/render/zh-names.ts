/**
 * Chinese names for the code's defined terms (roles, states, records), composed from the word list in
 * templates/zh/names.tsv: `issuingBank` → 开证行, `DocumentsPresented` → 已交单, `AwaitingDelivery` →
 * 待交付. A name is split into words as the English label is (camelCase, underscores, spaces); the
 * longest listed phrase is taken at each position and the renderings are joined in English order,
 * which is also the order of a Chinese noun phrase (modifier before head; a noun before its state,
 * 预付款已支付). A name with any word not listed has no Chinese name: the templates then keep the code
 * name. Function names read as a verb and its object (chineseAction). The word list is vocabulary, kept
 * with the Chinese templates; this module only looks it up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { TEMPLATES_ROOT } from './package-root.ts';
import { withoutPrefix } from '../ir/names.ts';
import type { RenderData } from './render-data.ts';

type HelperOptions = Omit<Handlebars.HelperOptions, 'data'> & { data: RenderData };

/** A Chinese name, and whether one listed phrase gave it whole (a glossary term needs no English beside it). */
export interface ChineseName {
  text: string;
  exact: boolean;
}

const LONGEST_PHRASE = 4;
const TIME_WORDS = /(?:时间|日期|日|时点)$/;
const NAMED_TYPES = /^(?:u?int\d*|enum |mapping\(|struct |string)/;

type Kind = 'role' | 'thing' | 'state' | 'modifier';
interface Entry {
  zh: string;
  kind: Kind;
}
interface WordList {
  nouns: Map<string, Entry>;
  verbs: Map<string, string>;
}

let list: WordList | null = null;
const names = new Map<string, ChineseName | null>();

/**
 * The word list: `english words<TAB>中文`, lower case, under a line `#: kind`; other lines starting with #
 * are comments. Verbs are kept apart, as many words are both (fund, refund, bid).
 */
function wordList(): WordList {
  if (list) return list;
  const found: WordList = { nouns: new Map(), verbs: new Map() };
  let kind = 'thing';
  for (const line of readFileSync(path.join(TEMPLATES_ROOT, 'zh', 'names.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#:')) kind = line.slice(2).trim();
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [english = '', chinese = ''] = line.split('\t');
    const key = english.trim().toLowerCase();
    if (kind === 'verb') found.verbs.set(key, chinese.trim());
    else found.nouns.set(key, { zh: chinese.trim(), kind: kind as Kind });
  }
  list = found;
  return found;
}

/** The words of a code name or its label: `issuingBank`, `ISSUING_BANK`, `i_issuingBank` and `Issuing Bank` → issuing, bank. */
export function nameWords(name: string): string[] {
  return withoutPrefix(name)
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

function lookup(phrase: string[]): Entry | undefined {
  const { nouns } = wordList();
  const exact = nouns.get(phrase.join(' '));
  if (exact !== undefined) return exact;
  const last = phrase[phrase.length - 1]!;
  for (const singular of singulars(last)) {
    const found = nouns.get([...phrase.slice(0, -1), singular].join(' '));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The entries that render the words, longest listed phrase first; null when a word is not listed. */
function compose(parts: string[]): Entry[] | null {
  const entries: Entry[] = [];
  let index = 0;
  while (index < parts.length) {
    let found: Entry | undefined;
    let length = Math.min(LONGEST_PHRASE, parts.length - index);
    for (; length > 0; length--) {
      found = lookup(parts.slice(index, index + length));
      if (found !== undefined) break;
    }
    if (found === undefined) return null;
    entries.push(found);
    index += length;
  }
  return entries;
}

/**
 * The Chinese name of a code name or label, or null when one of its words is not in the list. A state
 * reads noun first (DepositPaid: 预付款已支付, the deposit has been paid); a value named the same way is
 * the thing in that state, so its state word goes first (`amountPaid` as a value: 已支付金额).
 */
export function chineseName(name: string, asValue = false): ChineseName | null {
  const key = `${asValue ? 'value' : 'name'}:${name}`;
  const cached = names.get(key);
  if (cached !== undefined) return cached;
  let entries = compose(nameWords(name));
  const last = entries?.[entries.length - 1];
  if (asValue && entries && last && entries.length > 1 && last.kind === 'state') entries = [last, ...entries.slice(0, -1)];
  // A word the one before already says is not said twice: end time is 结束时间, not 结束时间时间.
  const text = entries?.reduce((sofar, entry) => (sofar.endsWith(entry.zh) ? sofar : sofar + entry.zh), '') ?? '';
  const result = entries && text !== '' ? { text, exact: entries.length === 1 } : null;
  names.set(key, result);
  return result;
}

/**
 * A heading for a function from its name: a listed verb, then what it acts on when that is only things
 * (payDeposit → 支付预付款, presentDocuments → 提交单据). Null otherwise: a party after the verb reads the
 * wrong way round in Chinese (refundBuyer is 向买方退款), and other words (cancelIfNotShipped) are not a phrase.
 */
export function chineseAction(name: string): string | null {
  const [verb = '', ...rest] = nameWords(name);
  const head = wordList().verbs.get(verb);
  if (!head) return null;
  const entries = compose(rest);
  if (!entries || entries.some((entry) => entry.kind !== 'thing')) return null;
  return head + entries.map((entry) => entry.zh).join('');
}

/** A state's name in a diagram for the locale: in Chinese from the word list (else its code name), otherwise the model's label. */
export function localStateLabel(locale: string): (state: { name: string; label: string }) => string {
  if (locale !== 'zh') return (state) => state.label;
  return (state) => chineseName(state.name)?.text ?? state.name;
}

/** The look-ups alone, for an instance that renders no statements (the HTML report's page). */
export function registerZhNameLookups(hb: typeof Handlebars): void {
  /** `{{#with (zhName label)}}{{text}}{{/with}}`: the Chinese name, or null (the template keeps the code name). */
  hb.registerHelper('zhName', (name: string | null) => (name ? chineseName(String(name)) : null));
  /** The same for a value the code stores (an amount, a time, a party): a trailing state word goes first. */
  hb.registerHelper('zhValueName', (name: string | null) => (name ? chineseName(String(name), true) : null));
  /** True for a value's type that reads well under a Chinese name: amounts, times, states, records, texts; not addresses, contracts or flags. */
  hb.registerHelper('zhNamedType', (type: string) => NAMED_TYPES.test(String(type)));
  /** The Chinese name of a moment (截止时间, 到期日), or null when the name does not read as one (the template says 时间点 and the code name). */
  hb.registerHelper('zhTimeName', (name: string) => {
    const found = chineseName(String(name), true);
    return found && TIME_WORDS.test(found.text) ? found : null;
  });
  /** `{{#with (zhAction name)}}{{this}}{{/with}}`: a function's heading in Chinese, or null (the code name alone). */
  hb.registerHelper('zhAction', (name: string) => chineseAction(String(name)));
}

export function registerZhNameHelpers(hb: typeof Handlebars): void {
  registerZhNameLookups(hb);
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
