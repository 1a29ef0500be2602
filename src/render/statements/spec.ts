/**
 * A statement before it is rendered: its id, section, basis, source, the template that words it
 * (`templates/<locale>/statements/<kind>.hbs`) and the plain data that template reads.
 */
import type { Action, Basis, ContractTerms, Section, SourceRef } from '../../terms/index.ts';
import type { Naming } from '../named-values.ts';

/** Every kind of statement; each has a template `statements/<kind>.hbs` in every locale. */
export const STATEMENT_KINDS = [
  'key-fact-abstract',
  'key-fact-parties',
  'key-fact-parties-none',
  'key-fact-money',
  'key-fact-deadline',
  'key-fact-lifecycle',
  'key-fact-steps',
  'key-fact-shares',
  'key-fact-schedule',
  'key-fact-amounts',
  'key-fact-powers',
  'key-fact-decides',
  'key-fact-coverage',
  'party',
  'power',
  'power-bounds',
  'power-existing',
  'power-timelock',
  'powers-none',
  'money-asset',
  'money-in',
  'money-out',
  'money-none-out',
  'money-fact',
  'definition',
  'named-value',
  'inherited',
  'access',
  'payable',
  'conditions',
  'condition',
  'payment',
  'payment-unchecked',
  'self-destruct',
  'payment-arbitrary-code',
  'effect',
  'record-field',
  'role-grant',
  'transition',
  'events',
  'external-call',
  'deadline',
  'deadline-check',
  'deadline-manual',
  'deadlines-none',
  'deadline-formula',
  'block-time',
  'block-numbers',
  'lifecycle-initial',
  'lifecycle-transition',
  'lifecycle-final',
  'lifecycle-step',
  'lifecycle-step-set',
  'risk',
  'claim',
  'claims-unchecked',
  'always-fails',
  'all-or-nothing',
  'powers-at-once',
  'not-covered',
  'not-explained',
  'coverage',
  'disclaimer',
] as const;

export type StatementKind = (typeof STATEMENT_KINDS)[number];

export interface StatementSpec {
  id: string;
  section: Section;
  kind: StatementKind;
  basis: Basis;
  source: SourceRef | null;
  /** The kind of action the sentence is about: 'constructor' makes the block time read as deployment. */
  actionKind: Action['kind'] | null;
  /** Statements read together (a section, or one action's block): code names are shown once per group. */
  group: string;
  /** The table the statement is a row of: its template separates the cells with `{{> col}}` (partials/col.hbs). */
  table?: string;
  context: Record<string, unknown>;
  /** In an action's block: the computed values its sentences name rather than spell out. */
  naming?: Naming;
}

/** Builds the specs of one part of the document from the contract's terms. */
export type SpecBuilder = (terms: ContractTerms) => StatementSpec[];

export function spec(
  id: string,
  section: Section,
  kind: StatementKind,
  fields: { basis: Basis; source: SourceRef | null; context: Record<string, unknown>; actionKind?: Action['kind'] | null; group?: string; table?: string },
): StatementSpec {
  const { basis, source, context } = fields;
  const made: StatementSpec = { id, section, kind, basis, source, actionKind: fields.actionKind ?? null, group: fields.group ?? section, context };
  if (fields.table) made.table = fields.table;
  return made;
}

/** One range covering the given sources when they are all in one file; otherwise the fallback. */
export function spanSources(sources: SourceRef[], fallback: SourceRef): SourceRef {
  const first = sources[0];
  if (!first || sources.some((source) => source.path !== first.path)) return fallback;
  return {
    path: first.path,
    line: Math.min(...sources.map((source) => source.line)),
    endLine: Math.max(...sources.map((source) => source.endLine)),
  };
}

/** 'deployment' when any of the bases is, else 'code'. */
export function combineBasis(bases: Basis[]): Basis {
  return bases.includes('deployment') ? 'deployment' : 'code';
}

export function findAction(terms: ContractTerms, id: string): Action | null {
  return terms.actions.find((action) => action.id === id) ?? null;
}

/** The code names of actions, for lists of `name`s. */
/** The names of actions, each once (overloads such as `release()` and `release(address)` share a name). */
export function actionNames(terms: ContractTerms, ids: string[]): string[] {
  return [...new Set(ids.map((id) => findAction(terms, id)?.name ?? id))];
}

/** An action's name in a heading or table: its signature when another action shares the name (`release()`, `release(address)`). */
export function headingName(terms: ContractTerms, action: Action): string {
  const overloaded = terms.actions.some((other) => other !== action && other.name === action.name);
  return overloaded && action.signature ? action.signature : action.name;
}

/** A statement id under a prefix, without doubling it when the model's id already carries it ('risk:1'). */
export function prefixed(prefix: string, id: string): string {
  return id.startsWith(`${prefix}:`) ? id : `${prefix}:${id}`;
}
