/**
 * Names for computed values, as a person would use them. The model keeps every local's value spelled out
 * (the analyses need it); where a long value that a local was bound to appears in an action's sentences,
 * they say "the computed Remaining Profit" instead, and the action gains one statement per such local
 * that defines it ("In `fillAsk`, the computed Remaining Profit is …"). Which values are named is decided
 * from the model alone, so every language names the same ones and has the same statements.
 */
import { namedValueOf, type NamedValue } from '../ir/named-values.ts';
import type { Action, ContractTerms, Expr } from '../terms/index.ts';
import { childrenOf, EXPR_KINDS } from '../terms/index.ts';

/** A value of this many nodes no longer reads as one phrase. */
const LARGE = 12;

/** The values named in one action's block, and the value a definition is stating (spelled out, not named). */
export interface Naming {
  named: Set<NamedValue>;
  defining: NamedValue | null;
  /** The file the action is written in: a line elsewhere is given with its file. */
  path: string;
  /** Outside the actions' blocks: the action whose block defines each value. */
  actionOf: Map<NamedValue, string> | null;
}

/** One local's definition: the values it took that the action's sentences name, in the order set. */
export interface LocalDefinition {
  local: NamedValue;
  values: NamedValue[];
}

/**
 * Which values one action's block names. A value is long at LARGE nodes (a named value inside it counting
 * as one); it is named when it is used more than once, or when it is twice that long. A condition reads as
 * a clause of the sentence that tests it, so only a very long one is named; the result of a call to
 * another contract on a named value ("the result of `getFeeAmount` on … for the computed Remaining
 * Profit") is named as the code names it wherever it is used twice; a record reached through nested keys by a storage reference
 * (`Ask storage ask = askForNFT[c][id]`) is named by it, and a copy of a stored value reads as that value.
 * A local named for one of its values is named for the others too, unless they are one word.
 */
class Chooser {
  private readonly sizes = new WeakMap<Expr, number>();
  private readonly sizing = new Set<Expr>();

  constructor(private readonly uses: Map<NamedValue, number>) {}

  named(expr: Expr): NamedValue | null {
    const named = namedValueOf(expr);
    if (!named) return null;
    if (this.long(expr, named)) return named;
    if (named.place || PLACES.has(bare(expr).kind) || this.size(expr) <= 2) return null;
    return named.versions.some((other) => other !== named && this.long(other.value, other)) ? named : null;
  }

  /** Named on its own account, before the local's other values are considered. */
  private long(expr: Expr, named: NamedValue): boolean {
    if (named.place) return rawSize(expr) >= 5;
    const inner = bare(expr);
    const reused = (this.uses.get(named) ?? 0) > 1;
    // A part of what another contract returned (`(recipients, amounts) = engine.getRoyalty(…)`), read more than once.
    if (inner.kind === 'member' && bare(inner.object).kind === 'external-call') return reused && rawSize(expr) >= 5;
    if (PLACES.has(inner.kind)) return false;
    const n = this.size(expr);
    if (CONDITIONS.has(inner.kind)) return n >= 2 * LARGE;
    if (inner.kind === 'external-call' && reused && inner.args.some((arg) => this.named(arg))) return true;
    return n >= 2 * LARGE || (n >= LARGE && reused);
  }

  /** The number of nodes a value renders as, a named value inside it counting as one. */
  private size(expr: Expr): number {
    let n = this.sizes.get(expr);
    if (n !== undefined) return n;
    // A value whose size is being worked out (a local's value read by another of its values) counts in full.
    if (this.sizing.has(expr)) return rawSize(expr);
    this.sizing.add(expr);
    n = 1 + childrenOf(expr).reduce((sum, child) => sum + (this.named(child) ? 1 : this.size(child)), 0);
    this.sizing.delete(expr);
    this.sizes.set(expr, n);
    return n;
  }
}

const rawSizes = new WeakMap<Expr, number>();

/** The number of nodes a value has, spelled out. */
function rawSize(expr: Expr): number {
  let n = rawSizes.get(expr);
  if (n === undefined) {
    n = 1 + childrenOf(expr).reduce((sum, child) => sum + rawSize(child), 0);
    rawSizes.set(expr, n);
  }
  return n;
}

const PLACES = new Set(['variable', 'member', 'index']);

const CONDITIONS = new Set(['compare', 'and', 'or', 'not', 'bool']);

function bare(expr: Expr): Expr {
  if (expr.kind === 'prior') return bare(expr.of);
  if (expr.kind === 'convert') return bare(expr.operand);
  return expr;
}

/** Every expression in an action's terms, each time it occurs. */
function exprsOf(action: Action): Expr[] {
  const found: Expr[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (isExpr(value)) {
      found.push(value);
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item);
  };
  visit(action);
  return found;
}

/** How many times each local's value occurs in the action's terms, inside other values too. */
function usesOf(exprs: Expr[]): Map<NamedValue, number> {
  const uses = new Map<NamedValue, number>();
  const count = (expr: Expr): void => {
    const named = namedValueOf(expr);
    if (named) uses.set(named, (uses.get(named) ?? 0) + 1);
    childrenOf(expr).forEach(count);
  };
  exprs.forEach(count);
  return uses;
}

/** The values to name in an action's sentences: every long local value they mention, and those its definition mentions. */
export function namingOf(action: Action, path: string): Naming {
  const exprs = exprsOf(action);
  const chooser = new Chooser(usesOf(exprs));
  const named = new Set<NamedValue>();
  const visit = (expr: Expr): void => {
    // A signature check reads the message it hashes field by field: the hash is not named.
    if (expr.kind === 'signer') return;
    const local = chooser.named(expr);
    if (local) {
      if (named.has(local)) return;
      named.add(local);
      childrenOf(local.value).forEach(visit);
      return;
    }
    childrenOf(expr).forEach(visit);
  };
  exprs.forEach(visit);
  return { named, defining: null, path, actionOf: null };
}

/**
 * For the sections outside the actions' blocks: the values each action's block defines, named there as
 * computed in that action ("the Remaining Profit computed in `fillAsk`").
 */
export function namingOfContract(terms: ContractTerms): Naming {
  const named = new Set<NamedValue>();
  const actionOf = new Map<NamedValue, string>();
  for (const action of terms.actions) {
    for (const value of namingOf(action, action.source.path).named) {
      named.add(value);
      actionOf.set(value, action.name);
    }
  }
  return { named, defining: null, path: terms.source.path, actionOf };
}

const KINDS = new Set<string>(EXPR_KINDS);

function isExpr(value: object): value is Expr {
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.has(kind);
}

/** The definitions an action's block states: one per local, its values in the order set. */
export function definitionsOf(naming: Naming): LocalDefinition[] {
  const byLocal = new Map<NamedValue[], NamedValue[]>();
  for (const value of naming.named) {
    const list = byLocal.get(value.versions) ?? [];
    list.push(value);
    byLocal.set(value.versions, list);
  }
  return [...byLocal.entries()]
    .map(([versions, values]) => ({ local: versions[0]!, values: values.sort((a, b) => versions.indexOf(a) - versions.indexOf(b)) }))
    .sort((a, b) => a.local.order - b.local.order);
}

/** How a named value is referred to: its name, and where it was set when the local took several values. */
export function namedReference(expr: Expr, naming: Naming | null): Record<string, unknown> | null {
  if (!naming) return null;
  const local = namedValueOf(expr);
  if (!local || !naming.named.has(local) || naming.defining === local) return null;
  // A storage reference is named in its action's block only.
  if (local.place && naming.actionOf) return null;
  const at = local.versions.length > 1 ? placeOf(local, naming.path) : null;
  return { name: local.name, label: local.label, at, place: local.place, action: naming.actionOf?.get(local) ?? null };
}

/** Where a value was set: a line of the action's own file, or a line with its file's name; a join is after its `if`. */
export function placeOf(value: Pick<NamedValue, 'source' | 'joined'>, path: string): { line: number; file: string | null; after: boolean } {
  const { source, joined } = value;
  return { line: joined ? source.endLine : source.line, file: source.path === path ? null : source.path.split('/').pop()!, after: joined };
}
