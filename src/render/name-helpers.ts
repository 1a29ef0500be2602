/**
 * How a looked-up value and a signature are named: the shapes the templates choose their words from.
 * Nothing here returns a word of prose; the pieces returned are expressions and labels from the code.
 */
import type Handlebars from 'handlebars';
import type { Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { RenderData } from './render-data.ts';

type HelperOptions = Omit<Handlebars.HelperOptions, 'data'> & { data: RenderData };
type Variable = Extract<Expr, { kind: 'variable' }>;

/** Small words that end a table's name and join it to its key (`balanceOf` → "Balance Of": the Balance of an account). */
const JOINERS = ['of', 'for', 'per'];

/**
 * A lookup in a table that holds no records (`balanceOf[a]`, `isConfirmed[tx][who]`,
 * `disputeIDtoTxID[d]`): the table and its keys, outermost key first. `target` is what a table named
 * "A to B" gives ("Transaction ID"); `joiner` is the word a name ending in one carries ("of" in
 * "Balance of"), with `head` the name without it.
 */
export interface Lookup {
  table: Variable;
  keys: Expr[];
  target: string | null;
  joiner: string | null;
  head: string;
  /** The key, when there is only one. */
  key: Expr | null;
  /** True when the table holds true/false values: the entry reads as a flag. */
  flag: boolean;
}

/** Null for a list (an array), and for a table that is not stored (a parameter's). */
export function lookupOf(expr: Expr): Lookup | null {
  const keys: Expr[] = [];
  let node = unwrap(expr);
  while (node.kind === 'index' && node.item === null && node.index.kind !== 'position') {
    keys.unshift(node.index);
    node = unwrap(node.base);
  }
  if (node.kind !== 'variable' || node.scope !== 'state' || !node.type.startsWith('mapping(') || keys.length === 0 || node.party !== null) return null;
  const words = node.label.split(' ');
  const middle = words.findIndex((word, at) => at > 0 && at < words.length - 1 && word === 'to');
  const last = words[words.length - 1].toLowerCase();
  const joiner = words.length > 1 && JOINERS.includes(last) ? last : null;
  return {
    table: node,
    keys,
    // What one entry gives, in the singular: `appealDisputeIDsToDisputeIDs` gives a Dispute ID.
    target: middle > 0 ? (singular(words.slice(middle + 1).join(' ')) ?? words.slice(middle + 1).join(' ')) : null,
    joiner,
    // One entry of a table named in the plural is named in the singular: the Balance of the caller.
    head: joiner ? words.slice(0, -1).join(' ') : (singular(node.label) ?? node.label),
    key: keys.length === 1 ? keys[0] : null,
    flag: /=> bool\)+$/.test(node.type),
  };
}

/**
 * For a record picked by a key that is itself looked up in a stored table (`transactions[disputeIDtoTxID[d]]`):
 * the table and its keys. The record then reads as "the Transaction that `disputeIDtoTxID` records for the given
 * Dispute ID", which holds whatever the table is called.
 */
export function recordKeys(index: Expr, item: string | null): { keys: Expr[]; table: string } | null {
  const lookup = item ? lookupOf(index) : null;
  return lookup ? { keys: lookup.keys, table: lookup.table.name } : null;
}

/** True when a collection's name is the plural of its records' (Transactions of Transaction): naming it again adds nothing. */
export function namesItsItems(base: Expr, item: string | null): boolean {
  if (!item || base.kind !== 'variable' || base.scope !== 'state' || base.party !== null) return false;
  return base.label === item || singular(base.label) === item;
}

/**
 * What a signature check reads: `recover(hash, sig)` or `ecrecover(hash, v, r, s)`. `fields` are the values the
 * signed hash covers, through nested hashes, without the standard "Ethereum Signed Message" prefix (null when
 * the signed value is not a hash the model can open); `signature` the values given as the signature.
 */
export interface SignedMessage {
  digest: Expr;
  fields: Expr[] | null;
  signature: Expr[];
  /** The code names of the signature's parts, when each is a parameter (`_sig`; `v`, `r`, `s`), else null. */
  parts: string[] | null;
  /** The message's type name, from a typed (EIP-712) type string it hashes (`Permit(address owner,…)` → "Permit"). */
  type: string | null;
  /** True when the message also covers an EIP-712 domain (a value hashed from an `EIP712Domain(…)` type string). */
  domain: boolean;
}

export function signedMessage(expr: Expr): SignedMessage | null {
  const signer = unwrap(expr);
  if (signer.kind !== 'signer' || signer.args.length === 0) return null;
  const [digest, ...signature] = signer.args;
  const message: Covered = { fields: [], type: null, domain: false };
  if (unwrap(digest).kind === 'hash') coveredBy(digest, message);
  const parts = signature.map(unwrap).map((part) => (part.kind === 'variable' && part.scope === 'parameter' ? part.name : null));
  const named = parts.length > 0 && parts.every((part) => part !== null) ? (parts as string[]) : null;
  const fields = message.fields.length > 0 ? message.fields : null;
  return { digest, fields, signature, parts: named, type: fields ? message.type : null, domain: fields !== null && message.domain };
}

interface Covered {
  fields: Expr[];
  type: string | null;
  domain: boolean;
}

/** The values a hash covers, through nested hashes; the signing prefixes and type strings are noted, not listed. */
function coveredBy(expr: Expr, into: Covered): void {
  const inner = unwrap(expr);
  if (inner.kind === 'hash') return inner.args.forEach((arg) => coveredBy(arg, into));
  if (inner.kind === 'text') {
    // "\x19Ethereum Signed Message:\n32" and "\x19\x01" (EIP-191) say how the message is signed, not what it says.
    if (/^\u0019|^Ethereum Signed Message:/.test(inner.value)) return;
    const typed = /^(\w+)\([^()]*\)/.exec(inner.value);
    if (typed && typed[1] !== 'EIP712Domain') {
      into.type ??= typed[1];
      return;
    }
  }
  if ([...walkExpr(inner)].some((node) => node.kind === 'text' && node.value.startsWith('EIP712Domain('))) {
    into.domain = true;
    return;
  }
  into.fields.push(expr);
}

/**
 * A comparison of a signer with an account: who must have signed, what, and whether the check is that they did
 * not. Compared with the zero address (what recovery gives for a signature that does not verify), the check is
 * whether the signature is valid: `valid` is then true for `!=`, false for `==`, and `who` is null.
 */
export function signedBy(expr: Expr): { who: Expr | null; message: SignedMessage; negated: boolean; valid: boolean | null } | null {
  if (expr.kind !== 'compare' || (expr.op !== '==' && expr.op !== '!=')) return null;
  const [signer, who] = unwrap(expr.left).kind === 'signer' ? [expr.left, expr.right] : [expr.right, expr.left];
  const message = signedMessage(signer);
  if (!message || unwrap(who).kind === 'signer') return null;
  const negated = expr.op === '!=';
  if (unwrap(who).kind === 'zero-address') return { who: null, message, negated, valid: negated };
  return { who, message, negated, valid: null };
}

/**
 * What one item of a collection is called: the record's name (`Milestone`), else the collection's own name made
 * singular when it is a plain plural ("Amounts" → "Amount", "Parties" → "Party"); null when neither is known.
 */
export function itemOf(collection: Expr, item: string | null): string | null {
  if (item) return item;
  const inner = unwrap(collection);
  if (inner.kind !== 'variable' && inner.kind !== 'member') return null;
  return singular(inner.label);
}

/** A label that is a plain plural, made singular ("Balances" → "Balance"); null when it is not one. */
function singular(label: string): string | null {
  if (/[^aeiou]ies$/.test(label)) return `${label.slice(0, -3)}y`;
  if (/s$/.test(label) && !/(?:ss|us|is|as|os)$/.test(label)) return label.slice(0, -1);
  return null;
}

/**
 * Conditions joined by "and", without a check that a signature is valid when another condition names who signed
 * it (`signer != address(0) && signer == owner`): that one says all the other does.
 */
export function withoutImpliedChecks(operands: Expr[]): Expr[] {
  const key = (message: SignedMessage) => JSON.stringify([message.digest, message.signature]);
  const named = operands.map((operand) => signedBy(operand)).filter((reading) => reading?.who).map((reading) => key(reading!.message));
  return operands.filter((operand) => {
    const reading = signedBy(operand);
    return !(reading && reading.valid === true && named.includes(key(reading.message)));
  });
}

/** A one-letter name (`i`, `n`) says nothing to a reader; the templates then say what the value is for. */
export function isBareLetter(label: string): boolean {
  return /^[A-Za-z]$/.test(label);
}

/**
 * The record a parameter picks out (`milestones[i]` with `i` given): its name and whether the collection is
 * a list (an array: the parameter is a position) or a table (a mapping: it is a key). Said only when every
 * action that takes a parameter of that name uses it to pick records of the same one kind; else null.
 */
export function pickedRecord(name: string, data: RenderData): { item: string; list: boolean } | null {
  const actions = (data.terms?.actions ?? []).filter((action) => action.parameters.some((p) => p.name === name));
  const picks = actions.map((action) => picksIn(action, name));
  if (picks.length === 0 || picks.some((pick) => pick.size !== 1)) return null;
  const kinds = new Set(picks.map((pick) => [...pick][0]));
  if (kinds.size !== 1) return null;
  const [item, list] = JSON.parse([...kinds][0]) as [string, boolean];
  return { item, list };
}

/** The records a parameter picks anywhere in one action's terms, each as JSON `[name, in a list]`. */
function picksIn(action: unknown, name: string): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (node.kind === 'index' && typeof node.item === 'string') {
      const index = unwrap(node.index as Expr);
      const base = unwrap(node.base as Expr);
      if (index.kind === 'variable' && index.scope === 'parameter' && index.name === name) {
        const list = base.kind === 'variable' && /\]$/.test(base.type);
        found.add(JSON.stringify([node.item, list]));
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(action);
  return found;
}

/** True for a list (an array) read at an index that is not a loop's own position. */
export function isListItem(expr: Expr): boolean {
  return expr.kind === 'index' && expr.index.kind !== 'position' && /\]$/.test(typeOf(unwrap(expr.base)) ?? '');
}

/** True for `list[list.length - 1]`: the last item of the list. */
export function isLastItem(expr: Expr): boolean {
  if (expr.kind !== 'index') return false;
  const index = unwrap(expr.index);
  if (index.kind !== 'arith' || index.op !== '-') return false;
  const [length, one] = [unwrap(index.left), unwrap(index.right)];
  return one.kind === 'number' && one.value === '1' && length.kind === 'length' && JSON.stringify(unwrap(length.of)) === JSON.stringify(unwrap(expr.base));
}

function typeOf(expr: Expr): string | null {
  return expr.kind === 'variable' || expr.kind === 'member' ? expr.type : null;
}

export function registerNameHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('isListItem', (expr: Expr) => isListItem(expr));
  hb.registerHelper('isLastItem', (expr: Expr) => isLastItem(expr));
  hb.registerHelper('lookupOf', (expr: Expr) => lookupOf(expr));
  hb.registerHelper('recordKeys', (index: Expr, item: string | null) => recordKeys(index, item));
  hb.registerHelper('namesItsItems', (base: Expr, item: string | null) => namesItsItems(base, item));
  hb.registerHelper('signedMessage', (expr: Expr) => signedMessage(expr));
  hb.registerHelper('signedBy', (expr: Expr) => signedBy(expr));
  hb.registerHelper('withoutImpliedChecks', (operands: Expr[]) => withoutImpliedChecks(operands));
  hb.registerHelper('itemOf', (collection: Expr, item: string | null) => itemOf(collection, item));
  hb.registerHelper('isBareLetter', (label: string) => isBareLetter(label));
  hb.registerHelper('pickedRecord', (name: string, options: HelperOptions) => pickedRecord(name, options.data));
}
