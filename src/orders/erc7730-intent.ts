/**
 * The `interpolatedIntent` of a display format, from what the model proves about the action, worded by
 * templates/<locale>/order/erc7730/interpolated-intent.hbs:
 * - a change of a term or party by its holders (a power whose new value is a parameter): the target and
 *   the new value; for a rate (a fee the holders set), who may change it, whether the code bounds it and
 *   whether the change reaches deals already made;
 * - the ETH sent with a payable function (`@.value`);
 * - token amounts the caller pays in (`transferFrom(msg.sender, …, amount)` with `amount` a field);
 * - the other always-visible fields that name money, parties, rates and times, by their labels.
 * Nothing else is claimed: where the ETH or tokens go is left to the fields and the summary. Only paths
 * of fields shown always are interpolated (the spec forbids others); `checkInterpolation` enforces it.
 */
import type { Action, ContractTerms, Expr, Power } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ModelField } from './erc7730-fields.ts';
import { renderOrderText } from './render.ts';

/** Value formats worth naming in the intent; ids, nonces, flags and bytes are left to the field list. */
const NAMED_FORMATS = new Set(['eth', 'token', 'percent', 'address', 'datetime', 'duration']);

interface Slot {
  path: string;
  label: string;
  /** `{path}`, as the intent interpolates it. */
  slot: string;
}

export interface IntentContext {
  label: string;
  name: string;
  change: { kind: 'term' | 'party'; target: string; targetName: string; targetParty: string | null; slot: string; rate: boolean; holders: string[]; bounded: boolean; affectsExisting: boolean | null } | null;
  sends: string | null;
  pays: Slot[];
  others: Slot[];
  /** Rates this action's payments apply that their holders may change alone (a fee the Owner sets). */
  rates: { label: string; name: string; holders: string[] }[];
}

export function buildInterpolatedIntent(action: Action, fields: ModelField[], terms: ContractTerms, lang: string): string {
  const shown = new Map(fields.filter(({ field }) => field.visible === 'always').map((entry) => [entry.field.path, entry]));
  const slotOf = (path: string): Slot | null => {
    const entry = shown.get(path);
    return entry ? { path, label: entry.field.label, slot: `{${path}}` } : null;
  };
  const change = changeOf(action, terms, slotOf);
  const pays = action.payments
    .filter((payment) => payment.direction === 'in' && payment.asset.kind === 'token' && payment.from !== null && unwrap(payment.from).kind === 'caller')
    .map((payment) => pathOf(payment.amount))
    .flatMap((path) => (path === null ? [] : [slotOf(path)]))
    .filter((slot): slot is Slot => slot !== null);
  const used = new Set([...pays.map((slot) => slot.path), ...(change ? [change.path] : []), '@.value']);
  const others = [...shown.values()]
    .filter(({ field, format }) => !used.has(field.path) && !field.path.includes('[]') && NAMED_FORMATS.has(format.kind))
    .map(({ field }) => slotOf(field.path)!)
    .filter((slot, index, all) => all.findIndex((other) => other.path === slot.path) === index);
  const context: IntentContext = {
    label: action.label,
    name: action.name,
    change: change?.context ?? null,
    sends: shown.has('@.value') ? '{@.value}' : null,
    pays: pays.filter((slot, index, all) => all.findIndex((other) => other.path === slot.path) === index),
    others,
    rates: changeableRates(action, terms),
  };
  const text = renderOrderText('erc7730/interpolated-intent', context, lang, terms);
  checkInterpolation(text, new Set(shown.keys()));
  return text;
}

/** The power this action exercises over a term or party, when its new value is a field of the call. */
function changeOf(action: Action, terms: ContractTerms, slotOf: (path: string) => Slot | null): { path: string; context: NonNullable<IntentContext['change']> } | null {
  const power = terms.powers.find((candidate: Power) => candidate.action === action.id && CHANGES.has(candidate.kind) && candidate.target !== null && candidate.value !== null);
  if (!power) return null;
  const path = pathOf(power.value!);
  const slot = path === null ? null : slotOf(path);
  if (!slot || !path) return null;
  const target = unwrap(power.target!);
  const label = target.kind === 'variable' || target.kind === 'member' ? target.label : action.label;
  const targetName = target.kind === 'variable' ? target.name : target.kind === 'member' ? target.member : action.name;
  return {
    path,
    context: {
      kind: power.kind === 'change-term' ? 'term' : 'party',
      target: label,
      targetName,
      targetParty: target.kind === 'variable' ? target.party : null,
      slot: slot.slot,
      rate: power.kind === 'change-term' && power.rateScale !== null,
      holders: power.holders,
      bounded: power.bounds.length > 0,
      affectsExisting: power.affectsExisting,
    },
  };
}

/**
 * The rates the action's payments take a share by (`amount * feeBps / 10000`) that a power lets its
 * holders change (either factor of the share is checked, so a rate written first counts too).
 */
function changeableRates(action: Action, terms: ContractTerms): IntentContext['rates'] {
  const rates: IntentContext['rates'] = [];
  for (const payment of action.payments) {
    for (const expr of walkExpr(payment.amount)) {
      if (expr.kind !== 'percent-of') continue;
      for (const factor of [unwrap(expr.rate), unwrap(expr.base)]) {
        if (factor.kind !== 'variable' || factor.scope === 'parameter' || factor.scope === 'local') continue;
        const power = terms.powers.find((candidate) => {
          const target = candidate.target === null ? null : unwrap(candidate.target);
          return candidate.kind === 'change-term' && candidate.rateScale !== null && target?.kind === 'variable' && target.name === factor.name;
        });
        if (power && !rates.some((rate) => rate.name === factor.name)) rates.push({ label: factor.label, name: factor.name, holders: power.holders });
      }
    }
  }
  return rates;
}

const CHANGES = new Set(['change-term', 'change-party', 'transfer-ownership']);

/** The field path of a value of the call: a parameter (`amount`) or a struct parameter's field (`order.price`). */
function pathOf(expr: Expr): string | null {
  const inner = unwrap(expr);
  if (inner.kind === 'variable' && inner.scope === 'parameter') return inner.name;
  if (inner.kind === 'member' && inner.object.kind === 'variable' && inner.object.scope === 'parameter') return `${inner.object.name}.${inner.member}`;
  if (inner.kind === 'value-sent') return '@.value';
  return null;
}

/** The paths an interpolated intent names (`{path}`; `{{` and `}}` are literal braces). */
export function interpolatedPaths(text: string): string[] {
  const paths: string[] = [];
  for (const match of text.replaceAll('{{', '').replaceAll('}}', '').matchAll(/\{([^{}]*)\}/g)) paths.push(match[1]);
  return paths;
}

/** Throws when the intent interpolates a path that is not a field shown always (a bug in a template). */
function checkInterpolation(text: string, shown: ReadonlySet<string>): void {
  const wrong = interpolatedPaths(text).filter((path) => !shown.has(path));
  if (wrong.length > 0) throw new Error(`interpolatedIntent '${text}' names ${wrong.join(', ')}, not a field shown always`);
}
