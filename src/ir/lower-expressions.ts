/** Expressions: each evaluated for its value, in the order the EVM evaluates it, lowering what it does on the way. */
import { wrapPrior } from './prior.ts';
import type { Expression, FunctionCall, VariableDeclaration } from 'solidity-ast';
import type { ArithOp, CompareOp, Expr } from '../terms/index.ts';
import { and, arith, choose, code, constantOf, isMaxUint, MAX_UINT256, productOf, key, literalExpr, negate, ONE, or, recordName, same, typeName, variableExpr, withAfter, ZERO } from './exprs.ts';
import { isBuiltinId } from './calls.ts';
import { bitwiseNot, typeBound } from './numbers.ts';
import { freshState, type State } from './state.ts';

import { ARITH_OPS, COMPARE_OPS, LowererBase, NAMESPACE, type Frame } from './lower-base.ts';
import { compareOf, hasEffects } from './lower-helpers.ts';
import { humanise } from './names.ts';
import { structIdOf } from './copies.ts';

export abstract class ExpressionLowerer extends LowererBase {
  /** A call's result values (several for a tuple), lowering what it does. */
  abstract evCall(node: FunctionCall, state: State, frame: Frame): Expr[];
  /** Runs both sides of a branch and joins them into `state`. */
  protected abstract branch(state: State, condition: Expr, then: (s: State) => void, otherwise: ((s: State) => void) | null): void;

  // ── Expressions ───────────────────────────────────────────────────────────────────────────────────

  protected codeOf(node: { src: string }): Expr {
    return code(this.ctx.codeOf(node));
  }

  /** Evaluates an expression for its value, lowering whatever it does on the way. */
  ev(node: Expression, state: State, frame: Frame): Expr {
    switch (node.nodeType) {
      case 'Literal':
        return literalExpr(node, this.ctx.codeOf(node));
      case 'Identifier':
        return this.evIdentifier(node, state) ?? this.codeOf(node);
      case 'MemberAccess':
        return this.evMember(node, state, frame) ?? this.codeOf(node);
      case 'IndexAccess': {
        if (!node.indexExpression) return this.codeOf(node);
        const base = this.ev(node.baseExpression, state, frame);
        const index = this.ev(node.indexExpression, state, frame);
        return this.load(state, this.indexPlace(base, this.recordKey(state, index), node.typeDescriptions.typeString));
      }
      case 'BinaryOperation':
        return this.evBinary(node, state, frame);
      case 'UnaryOperation':
        return this.evUnary(node, state, frame);
      case 'Conditional': {
        const condition = this.ev(node.condition, state, frame);
        if (!hasEffects(node.trueExpression) && !hasEffects(node.falseExpression)) return choose(condition, this.ev(node.trueExpression, state, frame), this.ev(node.falseExpression, state, frame));
        let a: Expr = ZERO;
        let b: Expr = ZERO;
        this.branch(state, condition, (s) => (a = this.ev(node.trueExpression, s, frame)), (s) => (b = this.ev(node.falseExpression, s, frame)));
        return choose(condition, a, b);
      }
      case 'Assignment':
        return this.assign(node, state, frame);
      case 'TupleExpression':
        if (node.components.length === 1 && node.components[0]) return this.ev(node.components[0], state, frame);
        node.components.forEach((c) => c && this.ev(c, state, frame));
        return this.codeOf(node);
      case 'FunctionCall':
        return this.evCall(node, state, frame)[0] ?? this.codeOf(node);
      default:
        return this.codeOf(node);
    }
  }

  /** Values of an expression that yields several (a tuple, or a call returning several values). */
  evMulti(node: Expression, state: State, frame: Frame): Expr[] {
    if (node.nodeType === 'TupleExpression' && node.components.length !== 1) return node.components.map((c) => (c ? this.ev(c, state, frame) : ZERO));
    if (node.nodeType === 'FunctionCall') {
      const values = this.evCall(node, state, frame);
      return values.length > 0 ? values : [this.codeOf(node)];
    }
    return [this.ev(node, state, frame)];
  }

  protected evIdentifier(node: Extract<Expression, { nodeType: 'Identifier' }>, state: State): Expr | null {
    const id = node.referencedDeclaration;
    if (node.name === 'now' && isBuiltinId(id)) return { kind: 'now' };
    if (node.name === 'this') return { kind: 'this' };
    if (id === null || id === undefined) return null;
    const bound = state.env.get(id);
    if (bound) return bound;
    const decl = this.deref('VariableDeclaration', id);
    if (!decl) return null;
    if (decl.stateVariable) return decl.constant || decl.mutability === 'immutable' ? this.load(state, this.stateVariable(decl)) : this.load(state, this.stateVariable(decl));
    return variableExpr(decl, this.ctx.parameterIds.has(decl.id) ? 'parameter' : 'local', null, null);
  }

  stateVariable(decl: VariableDeclaration): Expr {
    const scope = decl.constant ? 'constant' : decl.mutability === 'immutable' ? 'immutable' : 'state';
    const evaluated = decl.constant && decl.value ? this.ev(decl.value, freshState(), this.rootFrame(decl.scope)) : null;
    // A product of plain numbers (`30 * 24 * 60 * 60`) is a number too: its value, to be read in the unit its uses give it.
    const value = evaluated ? (constantOf(evaluated) ?? productOf(evaluated)) : null;
    return variableExpr(decl, scope, this.ctx.partyOf(decl), value);
  }

  protected evMember(node: Extract<Expression, { nodeType: 'MemberAccess' }>, state: State, frame: Frame): Expr | null {
    const base = node.expression;
    if (base.nodeType === 'Identifier') {
      const global = `${base.name}.${node.memberName}`;
      if (isBuiltinId(base.referencedDeclaration)) {
        if (global === 'msg.sender') return { kind: 'caller' };
        if (global === 'msg.value') return { kind: 'value-sent' };
        if (global === 'block.timestamp') return { kind: 'now' };
        if (global === 'block.number') return { kind: 'block-number' };
        // Before solc 0.5 a contract's balance is read on `this` itself: the same as `address(this).balance`.
        if (global === 'this.balance') return withAfter({ kind: 'balance', of: { kind: 'this' } }, this.lastCallOnPath(state));
        if (global === 'tx.origin') {
          this.add(state, frame, node.src, { k: 'tx-origin' });
          return { kind: 'origin' };
        }
        return null;
      }
      const enumDef = this.deref('EnumDefinition', base.referencedDeclaration);
      if (enumDef) return { kind: 'enum-member', enumName: enumDef.name, member: node.memberName, label: humanise(node.memberName) };
    }
    // `type(uint256).max`, `type(int8).min`.
    if ((node.memberName === 'max' || node.memberName === 'min') && base.nodeType === 'FunctionCall' && base.expression.nodeType === 'Identifier' && base.expression.name === 'type') {
      const bound = typeBound(node.typeDescriptions.typeString ?? '', node.memberName);
      if (bound !== null) return { kind: 'number', value: bound, written: this.ctx.codeOf(node), unit: null };
    }
    // A constant of another contract or library (`Lib.RATE`).
    const referenced = this.deref('VariableDeclaration', node.referencedDeclaration);
    if (referenced?.stateVariable && referenced.constant) return this.stateVariable(referenced);
    if (node.memberName === 'balance') return withAfter({ kind: 'balance', of: this.ev(base, state, frame) }, this.lastCallOnPath(state));
    if (node.memberName === 'length') return { kind: 'length', of: this.ev(base, state, frame) };
    const object = this.ev(base, state, frame);
    if (object.kind === 'code') {
      if (object.text.startsWith(NAMESPACE) && referenced) {
        // A field of namespaced storage is a state variable in all but where it is kept.
        return this.load(state, variableExpr(referenced, 'state', this.ctx.partyOf({ ...referenced, stateVariable: true }), null));
      }
      return null;
    }
    return this.fieldOf(object, node.memberName, typeName(node.typeDescriptions.typeString), state);
  }

  /**
   * A field of a value: of a record written out in the code (a struct literal, or a copy whose fields were
   * set), the field's value; of a choice between records, the choice between their fields.
   */
  private fieldOf(object: Expr, member: string, type: string, state: State): Expr {
    if (object.kind === 'struct') return object.fields.find((f) => f.name === member)?.value ?? code(member);
    if (object.kind === 'conditional') return choose(object.condition, this.fieldOf(object.then, member, type, state), this.fieldOf(object.otherwise, member, type, state));
    return this.load(state, { kind: 'member', object, member, label: humanise(member), type });
  }

  protected indexPlace(base: Expr, index: Expr, typeString: string | null | undefined): Expr {
    if (index.kind === 'position' && same(index.of, base)) return { kind: 'each', of: base, item: recordName(typeString) };
    return { kind: 'index', base, index, item: recordName(typeString) };
  }

  protected evBinary(node: Extract<Expression, { nodeType: 'BinaryOperation' }>, state: State, frame: Frame): Expr {
    const { operator } = node;
    const left = this.ev(node.leftExpression, state, frame);
    if ((operator === '&&' || operator === '||') && hasEffects(node.rightExpression)) {
      let right: Expr = ZERO;
      const run = (s: State) => (right = this.ev(node.rightExpression, s, frame));
      if (operator === '&&') this.branch(state, left, run, null);
      else this.branch(state, negate(left), run, null);
      return operator === '&&' ? and([left, right]) : { kind: 'or', operands: [left, right] };
    }
    const right = this.ev(node.rightExpression, state, frame);
    if (COMPARE_OPS.has(operator)) {
      // For an unsigned number, `x <= 0` is `x == 0` and `x > 0` is `x != 0`; for a signed one they are not.
      const unsigned = (side: Expression) => /^uint/.test(side.typeDescriptions.typeString ?? '');
      if (unsigned(node.leftExpression) && constantOf(right) === '0' && (operator === '<=' || operator === '>')) return compareOf(operator === '<=' ? '==' : '!=', left, right);
      if (unsigned(node.rightExpression) && constantOf(left) === '0' && (operator === '>=' || operator === '<')) return compareOf(operator === '>=' ? '==' : '!=', right, left);
      return compareOf(operator as CompareOp, left, right);
    }
    // A side known in advance (a constant a helper was called with, compared with another) folds the whole.
    if ((operator === '&&' || operator === '||') && (left.kind === 'bool' || right.kind === 'bool')) return operator === '&&' ? and([left, right]) : or([left, right]);
    if (operator === '&&') return { kind: 'and', operands: [...(left.kind === 'and' ? left.operands : [left]), ...(right.kind === 'and' ? right.operands : [right])] };
    if (operator === '||') return { kind: 'or', operands: [...(left.kind === 'or' ? left.operands : [left]), ...(right.kind === 'or' ? right.operands : [right])] };
    if (ARITH_OPS.has(operator)) {
      const result = arith(operator as ArithOp, left, right);
      // `2**256 - 1` is the largest uint256, said as such.
      return isMaxUint(result) ? { kind: 'number', value: MAX_UINT256.toString(), written: this.ctx.codeOf(node), unit: null } : result;
    }
    return this.codeOf(node);
  }

  protected evUnary(node: Extract<Expression, { nodeType: 'UnaryOperation' }>, state: State, frame: Frame): Expr {
    if (node.operator === '!') return negate(this.ev(node.subExpression, state, frame));
    if (node.operator === '++' || node.operator === '--') {
      const old = this.ev(node.subExpression, state, frame);
      const updated = arith(node.operator === '++' ? '+' : '-', old, ONE);
      this.write(node.subExpression, node.operator === '++' ? 'increase' : 'decrease', ONE, updated, state, frame, node.src);
      // `id = nextOrderId++`: the value read before the increment, which a later sentence must not read as the new one.
      if (!node.prefix && this.isStorage(node.subExpression)) return wrapPrior(old, old);
      return node.prefix ? updated : old;
    }
    if (node.operator === 'delete') {
      this.write(node.subExpression, 'delete', null, null, state, frame, node.src);
      return ZERO;
    }
    // `-1`, `~uint256(0)`: a constant the compiler works out is that number.
    const operand = this.ev(node.subExpression, state, frame);
    const literal = operand.kind === 'convert' ? operand.operand : operand;
    if (literal.kind === 'number' && literal.unit === null) {
      const value = node.operator === '-' ? (BigInt(literal.value) * -1n).toString() : node.operator === '~' ? bitwiseNot(node.typeDescriptions.typeString ?? '', literal.value) : null;
      if (value !== null) return { kind: 'number', value, written: this.ctx.codeOf(node), unit: null };
    }
    return this.codeOf(node);
  }

  protected assign(node: Extract<Expression, { nodeType: 'Assignment' }>, state: State, frame: Frame): Expr {
    const lhs = node.leftHandSide;
    if (lhs.nodeType === 'TupleExpression' && lhs.components.length > 1) {
      const values = this.evMulti(node.rightHandSide, state, frame);
      lhs.components.forEach((component, i) => {
        if (component && values[i]) this.write(component, 'set', values[i], values[i], state, frame, node.src);
      });
      return values[0] ?? ZERO;
    }
    const value = this.ev(node.rightHandSide, state, frame);
    if (node.operator === '=') {
      this.write(lhs, 'set', value, value, state, frame, node.src);
      return value;
    }
    const op = node.operator.slice(0, -1);
    const current = this.ev(lhs, state, frame);
    const updated = ARITH_OPS.has(op) ? arith(op as ArithOp, current, value) : this.codeOf(node);
    const kind = op === '+' ? 'increase' : op === '-' ? 'decrease' : 'set';
    this.write(lhs, kind, kind === 'set' ? updated : value, updated, state, frame, node.src);
    return updated;
  }

  /** A write to a local (a new SSA value) or to storage (a store instruction). */
  protected write(lhs: Expression, op: 'set' | 'increase' | 'decrease' | 'delete', stored: Expr | null, updated: Expr | null, state: State, frame: Frame, src: string): void {
    if (lhs.nodeType === 'Identifier') {
      const decl = this.deref('VariableDeclaration', lhs.referencedDeclaration);
      if (decl && !decl.stateVariable) {
        if (this.refs.has(decl.id) && op === 'set') {
          if (stored) this.nameLocal(decl, stored, src, frame);
          state.env.set(decl.id, stored ?? ZERO);
          return;
        }
        const value = updated ?? this.defaultValue(decl);
        this.nameLocal(decl, value, src, frame);
        state.env.set(decl.id, value);
        return;
      }
    }
    if (updated && this.writeLocalField(lhs, updated, state)) return;
    const target = this.placeOf(lhs, state, frame);
    if (!target) return;
    if (this.isStorage(lhs)) {
      // Only an unsigned value cannot go below zero (a signed one may).
      if (/^uint\d*$/.test(lhs.typeDescriptions.typeString ?? '')) this.belowZeroFails(updated, target, state, frame, src);
      this.store(state, frame, src, op, target, stored);
    }
    else if (updated) {
      // A field of a local copy in memory: later reads of it see the new value; storage is not touched.
      this.forget(state, target);
      state.mem.set(key(target), { place: target, value: updated });
    }
  }

  /**
   * A checked subtraction from a stored value (`pledged[id][msg.sender] -= amount` under solc 0.8 outside
   * `unchecked`, or `balance = balance.sub(amount)` with SafeMath) reverts when the amount exceeds what is
   * stored: that is a condition of the action, as if written `require(amount <= stored)`.
   */
  private belowZeroFails(updated: Expr | null, target: Expr, state: State, frame: Frame, src: string): void {
    if (!state.alive || updated === null || updated.kind !== 'arith' || updated.op !== '-') return;
    const checked = this.checkedSubtractions.has(updated) || (this.ctx.checkedArithmetic === true && this.uncheckedDepth === 0);
    if (!checked || !same(updated.left, this.load(state, target))) return;
    this.requireOf({ kind: 'compare', op: '<=', left: updated.right, right: updated.left }, state, frame, src, { message: null, error: null }, 'require');
  }

  /**
   * `copy.field = v` on a struct held in memory: the local becomes the record written out field by field,
   * so storing it later states every field (a changed end time is not lost in "sets the Auction to the given Auction").
   */
  private writeLocalField(lhs: Expression, value: Expr, state: State): boolean {
    if (lhs.nodeType !== 'MemberAccess' || lhs.expression.nodeType !== 'Identifier') return false;
    const decl = this.deref('VariableDeclaration', lhs.expression.referencedDeclaration);
    if (!decl || decl.stateVariable || this.refs.has(decl.id)) return false;
    const structId = structIdOf(decl.typeDescriptions.typeIdentifier, 'memory');
    const current = state.env.get(decl.id) ?? variableExpr(decl, this.ctx.parameterIds.has(decl.id) ? 'parameter' : 'local', null, null);
    const record = current.kind === 'struct' ? current : structId === null ? null : this.recordOf(state, current, structId);
    if (!record) return false;
    state.env.set(decl.id, { ...record, fields: record.fields.map((f) => (f.name === lhs.memberName ? { ...f, value } : f)) });
    return true;
  }

  /** The place an assignment's left side names (not its value). */
  protected placeOf(lhs: Expression, state: State, frame: Frame): Expr | null {
    switch (lhs.nodeType) {
      case 'Identifier': {
        const decl = this.deref('VariableDeclaration', lhs.referencedDeclaration);
        if (!decl) return null;
        return decl.stateVariable ? this.stateVariable(decl) : state.env.get(decl.id) ?? null;
      }
      case 'MemberAccess': {
        const object = this.placeOf(lhs.expression, state, frame) ?? this.ev(lhs.expression, state, frame);
        const referenced = this.deref('VariableDeclaration', lhs.referencedDeclaration);
        if (object.kind === 'code' && object.text.startsWith(NAMESPACE) && referenced) return variableExpr(referenced, 'state', this.ctx.partyOf({ ...referenced, stateVariable: true }), null);
        return { kind: 'member', object, member: lhs.memberName, label: humanise(lhs.memberName), type: typeName(lhs.typeDescriptions.typeString) };
      }
      case 'IndexAccess': {
        if (!lhs.indexExpression) return null;
        const base = this.placeOf(lhs.baseExpression, state, frame) ?? this.ev(lhs.baseExpression, state, frame);
        return this.indexPlace(base, this.recordKey(state, this.ev(lhs.indexExpression, state, frame)), lhs.typeDescriptions.typeString);
      }
      case 'TupleExpression':
        return lhs.components.length === 1 && lhs.components[0] ? this.placeOf(lhs.components[0], state, frame) : null;
      default:
        return null;
    }
  }

  /** True when the left side of a write is in storage (a state variable, or reached through a storage reference). */
  protected isStorage(lhs: Expression): boolean {
    if (lhs.nodeType === 'Identifier') return this.deref('VariableDeclaration', lhs.referencedDeclaration)?.stateVariable ?? false;
    if (lhs.nodeType === 'TupleExpression' && lhs.components[0]) return this.isStorage(lhs.components[0]);
    const base = lhs.nodeType === 'MemberAccess' ? lhs.expression : lhs.nodeType === 'IndexAccess' ? lhs.baseExpression : null;
    if (!base) return false;
    const type = base.typeDescriptions.typeString ?? '';
    if (/ storage (ref|pointer)$/.test(type) || /^mapping\(/.test(type)) return true;
    if (/ (memory|calldata)$/.test(type)) return false;
    return this.isStorage(base);
  }

}
