/** Actions: who may call each one, what must hold, what it pays, changes and emits. */
import type { FunctionDefinition } from 'solidity-ast';
import { partyOfExpr } from '../ir/exprs.ts';
import { humanise } from '../ir/names.ts';
import { parseNatspec } from '../ir/natspec.ts';
import type { Access, Action, CallerRule, Condition, Expr } from '../terms/index.ts';
import { walkExpr } from '../terms/index.ts';
import type { ActionRead, ExtractContext, Extractor } from './context.ts';
import { markOnceOnly } from './once-only.ts';
import { refusedAlways } from './read-actions.ts';
import { markWrappedFallbacks } from './wrapped-fallback.ts';
import { resolveUnsetRoleAdmins } from './role-admins.ts';

export const actions: Extractor = {
  name: 'actions',
  extract(context, terms) {
    terms.actions = context.reads.map((read) => buildAction(context, read));
    markOnceOnly(terms.actions);
    markWrappedFallbacks(terms.actions);
    resolveUnsetRoleAdmins(context, terms);
  },
};

function buildAction(context: ExtractContext, read: ActionRead): Action {
  const fn = read.definition;
  const { facts } = read;
  const access = deriveAccess(facts.conditions);
  const kind = read.id === 'constructor' ? 'constructor' : fn?.kind === 'receive' ? 'receive' : fn?.kind === 'fallback' ? 'fallback' : 'function';
  const definedIn = fn ? context.scope.contractOf(fn.scope)?.name ?? context.scope.contract.name : context.scope.contract.name;
  const name = fn?.kind === 'function' ? fn.name : kind;
  // `revert(...)` on every path: the action never goes ahead, so it accepts no ETH and changes nothing.
  const alwaysFails = refusedAlways(facts);
  return {
    id: read.id,
    name,
    label: humanise(name),
    kind,
    signature: kind === 'function' ? read.id : null,
    selector: fn?.functionSelector ? `0x${fn.functionSelector}` : null,
    definedIn,
    inherited: definedIn !== context.scope.contract.name,
    payable: fn ? fn.stateMutability === 'payable' && !alwaysFails : false,
    alwaysFails,
    parameters: (fn?.parameters.parameters ?? []).map((p) => ({ name: p.name, label: humanise(p.name), type: p.typeDescriptions.typeString ?? '' })),
    access,
    conditions: facts.conditions,
    payments: facts.payments,
    effects: facts.effects,
    transitions: [],
    emits: facts.emits,
    externalCalls: facts.externalCalls,
    reads: [...new Set(facts.reads)],
    natspec: actionNatspec(fn),
    source: fn ? context.locate(fn) : context.locate(context.scope.contract),
    basis: 'code',
  };
}

function actionNatspec(fn: FunctionDefinition | null): Action['natspec'] {
  const { notice, dev, params, returns } = parseNatspec(fn?.documentation);
  return { notice, dev, params, returns };
}

/**
 * The first unconditional check that the caller is a given party, role holder or value decides who may
 * call; alternatives joined by `||` are all allowed. The check is marked so it is not stated twice.
 */
export function deriveAccess(conditions: Condition[]): Access {
  for (const condition of conditions) {
    if (condition.when.length > 0 || condition.each !== null) continue;
    const rules = callerRules(condition.expr, condition.via);
    if (rules) {
      condition.isAccess = true;
      return { anyone: false, rules, source: condition.source, forwarded: [...walkExpr(condition.expr)].some(isForwardedSender) };
    }
    // `msg.sender == contractor && state == Open`: the caller part decides who may call; the whole check is
    // still stated as a condition, since it asks more.
    if (condition.expr.kind === 'and') {
      for (const operand of condition.expr.operands) {
        const part = callerRules(operand, condition.via);
        if (part) return { anyone: false, rules: part, source: condition.source, forwarded: [...walkExpr(operand)].some(isForwardedSender) };
      }
    }
  }
  // A check of the caller that is not a plain list of who may call (the token's owner or an operator it
  // approved, or only on some paths): not anyone, and the check itself is stated as a condition.
  const checked = conditions.find((c) => identifiesCaller(c.expr));
  if (checked) return { anyone: false, rules: [], source: checked.source, forwarded: [...walkExpr(checked.expr)].some(isForwardedSender) };
  return { anyone: true, rules: [], source: null, forwarded: false };
}

/**
 * Who may make the action take a path (`when` its conditions): the action's callers, narrowed by a check
 * of the caller made on that path only (`if (depositHeld > 0) returnDeposit()`, where `returnDeposit`
 * requires the Landlord): a payment on that path is made only when that caller calls.
 */
export function accessOnPath(action: Action, when: Expr[]): Access {
  const onPath = new Set(when.map((w) => JSON.stringify(w)));
  for (const condition of action.conditions) {
    if (condition.isAccess || condition.when.length === 0 || condition.each !== null) continue;
    if (!condition.when.every((w) => onPath.has(JSON.stringify(w)))) continue;
    const rules = callerRules(condition.expr, condition.via);
    if (rules) return { anyone: false, rules, source: condition.source, forwarded: [...walkExpr(condition.expr)].some(isForwardedSender) };
  }
  return action.access;
}

/** True when a condition requires the caller to be someone (`caller == x`, or a role or list it must be in). */
function identifiesCaller(expr: Expr): boolean {
  if (expr.kind === 'and' || expr.kind === 'or') return expr.operands.some(identifiesCaller);
  if (expr.kind === 'compare') return expr.op === '==' && (isCaller(expr.left) || isCaller(expr.right));
  // A yes/no answer about the caller from a function (`permissions.hasRole(LISTER, sender)`, `_isAllowed(msg.sender)`).
  if (expr.kind === 'external-call' || expr.kind === 'call') return expr.args.some(isCaller);
  return roleMembership(expr) !== null;
}

function callerRules(expr: Expr, via: string | null): CallerRule[] | null {
  if (expr.kind === 'or') {
    const all = expr.operands.map((operand) => callerRules(operand, via));
    return all.every((rules) => rules !== null) ? all.flat() as CallerRule[] : null;
  }
  if (expr.kind === 'compare' && expr.op === '==') {
    const other = isCaller(expr.left) ? expr.right : isCaller(expr.right) ? expr.left : null;
    if (!other) return null;
    const party = partyOfExpr(other);
    return [party ? { kind: 'party', party, via } : { kind: 'expr', expr: other, via }];
  }
  const role = roleMembership(expr);
  if (role) return [{ kind: 'role', role, via }];
  return null;
}

/** Who a caller rule names: a party's id or a role's id; null for a check on some other value. */
export function ruleHolder(rule: CallerRule): string | null {
  return rule.kind === 'party' ? rule.party : rule.kind === 'role' ? rule.role : null;
}

/** ERC-2771's sender: the caller, or the address a trusted forwarder appends. */
function isForwardedSender(expr: Expr): boolean {
  return expr.kind === 'conditional' && isCaller(expr);
}

/**
 * The caller, possibly converted; or the sender as ERC-2771 defines it (`_msgSender()`: the caller, or the
 * address a trusted forwarder appends when the call comes through one).
 */
export function isCaller(expr: Expr): boolean {
  if (expr.kind === 'conditional') return (isCaller(expr.then) && expr.otherwise.kind === 'code') || (isCaller(expr.otherwise) && expr.then.kind === 'code');
  return expr.kind === 'caller' || (expr.kind === 'convert' && isCaller(expr.operand));
}


/**
 * Membership of the caller in a boolean mapping keyed by role: `_roles[role].hasRole[msg.sender]` (as
 * OpenZeppelin AccessControl stores it), or `isX[msg.sender]`. Returns the role id.
 */
export function roleMembership(expr: Expr): string | null {
  if (expr.kind !== 'index' || !isCaller(expr.index)) return null;
  const base = expr.base;
  if (base.kind === 'member' && base.object.kind === 'index') return roleName(base.object.index);
  if (base.kind === 'variable') return `list:${base.name}`;
  return null;
}

export function roleName(expr: Expr): string {
  if (expr.kind === 'variable') return `role:${expr.name}`;
  // onlyRole(getRoleAdmin(role)): the admin role of the role in question.
  if (expr.kind === 'member') return `role:${expr.member}`;
  if (expr.kind === 'hash' && expr.args[0]?.kind === 'text') return `role:${expr.args[0].value}`;
  return 'role:?';
}

