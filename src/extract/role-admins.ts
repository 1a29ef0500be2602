/**
 * The admin of a role that no code ever sets. OpenZeppelin's `onlyRole(getRoleAdmin(role))` checks the
 * role stored in `_roles[role].adminRole`; where nothing writes that field, it is zero for every role,
 * and zero is the contract's default admin role (`DEFAULT_ADMIN_ROLE = 0x00`). The rule then names that
 * role, so "holders of the Default Admin Role may give a role to any address", not an "Admin Role" party
 * that no one can be given.
 */
import type { Literal, VariableDeclaration } from 'solidity-ast';
import type { ContractTerms, Expr } from '../terms/index.ts';
import { unwrap, walkExpr } from '../terms/index.ts';
import type { ExtractContext } from './context.ts';

export function resolveUnsetRoleAdmins(context: ExtractContext, terms: ContractTerms): void {
  const zeroRole = context.scope.stateVariables.find(isZeroRoleConstant);
  if (!zeroRole) return;
  const stateNames = new Set(context.scope.stateVariables.map((variable) => variable.name));
  const written = new Set<string>();
  for (const read of context.reads) {
    for (const effect of read.facts.effects) {
      const target = unwrap(effect.target);
      if (target.kind === 'member') written.add(target.member);
    }
  }
  const unset = (role: string) => {
    const name = role.replace(/^role:/, '');
    return role.startsWith('role:') && !stateNames.has(name) && !written.has(name) && fieldOfRoleRecord(terms, name);
  };
  for (const action of terms.actions) {
    action.access.rules = action.access.rules.map((rule) => (rule.kind === 'role' && unset(rule.role) ? { ...rule, role: `role:${zeroRole.name}` } : rule));
  }
}

/** A `bytes32 constant` whose value is zero. */
function isZeroRoleConstant(variable: VariableDeclaration): boolean {
  if (!variable.constant || variable.typeDescriptions.typeString !== 'bytes32' || variable.value?.nodeType !== 'Literal') return false;
  const literal = variable.value as Literal;
  return /^(0x)?0+$/i.test(literal.value ?? '');
}

/** True when `name` is read as a field of a record kept per role (`_roles[role].adminRole`) in some condition. */
function fieldOfRoleRecord(terms: ContractTerms, name: string): boolean {
  const isField = (expr: Expr): boolean => expr.kind === 'member' && expr.member === name && unwrap(expr.object).kind === 'index';
  return terms.actions.some((action) => action.conditions.some((condition) => [...walkExpr(condition.expr)].some(isField)));
}
