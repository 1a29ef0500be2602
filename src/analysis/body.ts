/**
 * Reads the code an action runs — modifiers, base constructors, its body and every internal function it
 * reaches — and records conditions, payments, effects and events, each with its source lines and the
 * `if` conditions under which it happens. Statements it cannot account for are listed as not explained.
 */
import type { Block, Expression, FunctionCall, FunctionDefinition, ModifierDefinition, ModifierInvocation, Statement, VariableDeclaration } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';
import type { Expr, NotExplained, SourceRef } from '../terms/index.ts';
import { hasCode } from '../terms/index.ts';
import { bindArguments, childFrame, type Frame } from './context.ts';
import { calledFunction, negate, translate, tryDeref } from './expressions.ts';
import { emptyFacts, type Facts } from './facts.ts';
import { humanise } from './names.ts';
import { detectPayment } from './payments.ts';
import { resolveModifier } from './scope.ts';
import { endsWithReturn, eventName, firstLine, isOriginCheck, isSimpleGetter, loopHeader, revertDetails, revertOf, sameSource, targetName } from './statement-shapes.ts';

export { targetName };

interface Cursor {
  frame: Frame;
  when: Expr[];
  via: string | null;
}

type Continuation = () => void;

export class BodyReader {
  readonly facts: Facts = emptyFacts();
  /** Locals holding the success flag of a low-level call → the payment they check. */
  private readonly successFlags = new Map<number, number>();

  constructor(private readonly action: string) {}

  locate(node: { src: string }, frame: Frame): SourceRef {
    const { path, line, endLine } = frame.analysis.scope.compilation.locate(node.src);
    return { path, line, endLine };
  }

  /** Reads a function with its modifiers; `then` runs after its body (used for constructors' chains). */
  readFunction(fn: FunctionDefinition, cursor: Cursor): void {
    const modifiers = fn.modifiers.filter((m) => m.kind !== 'baseConstructorSpecifier' && this.modifierDefinition(m, cursor.frame));
    this.readModifiers(modifiers, 0, cursor, () => {
      if (fn.body) this.readBlock(fn.body, { ...cursor, frame: { ...cursor.frame, from: fn.scope } });
    });
  }

  private modifierDefinition(invocation: ModifierInvocation, frame: Frame): ModifierDefinition | null {
    const id = invocation.modifierName.referencedDeclaration;
    if (id === null || id === undefined) return null;
    const definition = tryDeref(frame, 'ModifierDefinition', id);
    return definition ? resolveModifier(frame.analysis.scope, definition) : null;
  }

  private readModifiers(modifiers: ModifierInvocation[], index: number, cursor: Cursor, body: Continuation): void {
    const invocation = modifiers[index];
    if (!invocation) return body();
    const definition = this.modifierDefinition(invocation, cursor.frame)!;
    const bindings = bindArguments(cursor.frame, definition.parameters.parameters, invocation.arguments ?? [], translate);
    const owner = cursor.frame.analysis.scope.linearized.find((c) => c.nodes.some((n) => n.id === definition.id));
    const frame = childFrame(cursor.frame, owner?.id ?? cursor.frame.from, `mod:${definition.id}`, bindings);
    this.facts.reads.push(definition.name);
    const before = { conditions: this.facts.conditions.length, effects: this.facts.effects.length };
    let placeholderSeen = false;
    const next = () => {
      placeholderSeen = true;
      this.readModifiers(modifiers, index + 1, cursor, body);
    };
    if (definition.body) this.readBlock(definition.body, { frame, when: cursor.when, via: cursor.via ?? definition.name }, next);
    if (!placeholderSeen) next();
    this.recogniseLock(definition.name, before);
  }

  /**
   * A modifier that checks a flag, sets it before the body and resets it after is a reentrancy lock:
   * its checks and writes are bookkeeping, not terms of the deal.
   */
  private recogniseLock(name: string, before: { conditions: number; effects: number }): void {
    const own = (e: { via: string | null }) => e.via === name;
    const effects = this.facts.effects.slice(before.effects).filter(own);
    const written = effects.map((e) => JSON.stringify(e.target));
    const lock = written.find((key, i) => written.indexOf(key) !== i);
    if (!lock) return;
    this.facts.effects = this.facts.effects.filter((e) => !(own(e) && JSON.stringify(e.target) === lock));
    this.facts.conditions = this.facts.conditions.filter((c) => !(own(c) && JSON.stringify(c.expr).includes(lock)));
    this.facts.reentrancyGuards.push(name);
    this.facts.lockTargets.push(lock);
  }

  readBlock(block: Block | { statements: Statement[] }, cursor: Cursor, placeholder?: Continuation): void {
    let when = cursor.when;
    for (const statement of block.statements ?? []) {
      const exits = this.readStatement(statement, { ...cursor, when }, placeholder);
      if (exits) when = [...when, exits];
    }
  }

  /** Reads one statement; returns the negated condition when it is an early `if (…) return;`. */
  private readStatement(statement: Statement, cursor: Cursor, placeholder?: Continuation): Expr | void {
    const { frame } = cursor;
    const mark = (explained: boolean, reason: NotExplained['reason'] = 'statement') => {
      if (!this.facts.statements.has(statement.id) || !explained) this.facts.statements.set(statement.id, explained);
      if (!explained && !this.facts.notExplained.some((n) => sameSource(n.source, this.locate(statement, frame)))) {
        this.facts.notExplained.push({ action: this.action, code: firstLine(frame.analysis.codeOf(statement)), reason, source: this.locate(statement, frame) });
      }
    };
    switch (statement.nodeType) {
      case 'PlaceholderStatement':
        placeholder?.();
        return;
      case 'Block':
      case 'UncheckedBlock':
        this.readBlock(statement, cursor, placeholder);
        return;
      case 'ExpressionStatement':
        mark(this.readExpressionStatement(statement.expression, statement, cursor));
        return;
      case 'VariableDeclarationStatement':
        mark(this.readDeclaration(statement, cursor));
        return;
      case 'EmitStatement': {
        const args = statement.eventCall.arguments.map((a) => translate(a, frame));
        const event = eventName(statement.eventCall);
        this.facts.emits.push({ event, label: humanise(event), args, source: this.locate(statement, frame), basis: 'code' });
        mark(true);
        return;
      }
      case 'RevertStatement':
        this.addRevert(statement.errorCall, statement, cursor);
        mark(true);
        return;
      case 'IfStatement':
        return this.readIf(statement, cursor, mark, placeholder);
      case 'Return':
        if (statement.expression) this.scanCalls(statement.expression, statement, cursor);
        mark(!statement.expression || !hasCode(translate(statement.expression, frame)));
        return;
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        mark(false, 'loop');
        this.readStatement(statement.body as Statement, { ...cursor, when: [...cursor.when, { kind: 'code', text: loopHeader(frame.analysis.codeOf(statement)) }] }, placeholder);
        return;
      case 'InlineAssembly':
        mark(false, 'assembly');
        return;
      case 'TryStatement': {
        // The call is made; what follows depends on whether it succeeds. The try itself is shown as code.
        mark(false, 'external-call');
        this.scanCalls(statement.externalCall, statement, cursor);
        const call = frame.analysis.codeOf(statement.externalCall);
        statement.clauses.forEach((clause, i) => {
          const outcome: Expr = { kind: 'code', text: i === 0 ? `${call} succeeds` : `${call} fails` };
          this.readBlock(clause.block, { ...cursor, when: [...cursor.when, outcome] }, placeholder);
        });
        return;
      }
      default:
        mark(false);
    }
  }

  private readIf(statement: Extract<Statement, { nodeType: 'IfStatement' }>, cursor: Cursor, mark: (ok: boolean) => void, placeholder?: Continuation): Expr | void {
    const condition = translate(statement.condition, cursor.frame);
    this.scanCalls(statement.condition, statement, cursor);
    const revert = revertOf(statement.trueBody);
    if (revert && !statement.falseBody) {
      const checked = this.checkedFlag(statement.condition);
      if (checked !== null) this.facts.payments[checked].resultChecked = true;
      else this.addCondition(negate(condition), revert, statement, cursor, 'if-revert');
      mark(true);
      return;
    }
    mark(!hasCode(condition));
    this.readStatement(statement.trueBody, { ...cursor, when: [...cursor.when, condition] }, placeholder);
    if (statement.falseBody) this.readStatement(statement.falseBody, { ...cursor, when: [...cursor.when, negate(condition)] }, placeholder);
    else if (endsWithReturn(statement.trueBody)) return negate(condition);
  }

  private readExpressionStatement(expression: Expression, statement: Statement, cursor: Cursor): boolean {
    const { frame } = cursor;
    if (expression.nodeType === 'FunctionCall' && expression.expression.nodeType === 'Identifier') {
      const name = expression.expression.name;
      if ((name === 'require' || name === 'assert') && (expression.expression.referencedDeclaration ?? 0) < 0) {
        const [conditionNode, messageNode] = expression.arguments;
        this.scanCalls(conditionNode, statement, cursor);
        const checked = this.checkedFlag(conditionNode);
        if (checked !== null) {
          this.facts.payments[checked].resultChecked = true;
          return true;
        }
        const call = conditionNode.nodeType === 'FunctionCall' ? detectPayment(conditionNode, frame) : null;
        if (call) {
          this.facts.payments[this.facts.payments.length - 1].resultChecked = true;
          return true;
        }
        const condition = translate(conditionNode, frame);
        const message = messageNode?.nodeType === 'Literal' ? messageNode.value ?? null : null;
        const error = messageNode?.nodeType === 'FunctionCall' ? eventName(messageNode) : null;
        this.addCondition(condition, { message, error }, statement, cursor, name === 'assert' ? 'assert' : 'require');
        return !hasCode(condition);
      }
      if (name === 'revert' && (expression.expression.referencedDeclaration ?? 0) < 0) {
        this.addRevert(expression, statement, cursor);
        return true;
      }
      if (name === 'selfdestruct' || name === 'suicide') {
        this.facts.selfDestruct = this.locate(statement, frame);
        return true;
      }
    }
    if (expression.nodeType === 'Assignment') return this.readAssignment(expression, statement, cursor);
    if (expression.nodeType === 'UnaryOperation' && (expression.operator === '++' || expression.operator === '--')) {
      const target = translate(expression.subExpression, frame);
      const one: Expr = { kind: 'number', value: '1', written: '1', unit: null };
      this.facts.effects.push({ kind: expression.operator === '++' ? 'increase' : 'decrease', target, value: one, when: cursor.when, via: cursor.via, source: this.locate(statement, frame), basis: 'code' });
      return !hasCode(target);
    }
    if (expression.nodeType === 'UnaryOperation' && expression.operator === 'delete') {
      const target = translate(expression.subExpression, frame);
      this.facts.effects.push({ kind: 'delete', target, value: null, when: cursor.when, via: cursor.via, source: this.locate(statement, frame), basis: 'code' });
      return !hasCode(target);
    }
    if (expression.nodeType === 'FunctionCall') return this.scanCalls(expression, statement, cursor);
    return false;
  }

  private readAssignment(node: Extract<Expression, { nodeType: 'Assignment' }>, statement: Statement, cursor: Cursor): boolean {
    const { frame } = cursor;
    this.scanCalls(node.rightHandSide, statement, cursor);
    const lhs = node.leftHandSide;
    const value = translate(node.rightHandSide, frame);
    if (lhs.nodeType === 'Identifier' && lhs.referencedDeclaration) {
      const decl = tryDeref(frame, 'VariableDeclaration', lhs.referencedDeclaration);
      if (decl && !decl.stateVariable) {
        frame.env.set(decl.id, node.operator === '=' ? value : { kind: 'code', text: frame.analysis.codeOf(node) });
        return node.operator === '=' && !hasCode(value);
      }
    }
    const target = translate(lhs, frame);
    const kind = node.operator === '+=' ? 'increase' : node.operator === '-=' ? 'decrease' : node.operator === '=' ? 'set' : null;
    if (!kind) return false;
    this.facts.effects.push({ kind, target, value, when: cursor.when, via: cursor.via, source: this.locate(statement, frame), basis: 'code' });
    return !hasCode(target) && !hasCode(value);
  }

  private readDeclaration(statement: Extract<Statement, { nodeType: 'VariableDeclarationStatement' }>, cursor: Cursor): boolean {
    const { frame } = cursor;
    const initial = statement.initialValue;
    if (!initial) return true;
    const paymentsBefore = this.facts.payments.length;
    this.scanCalls(initial, statement, cursor);
    const declarations = statement.declarations;
    if (declarations.length === 1 && declarations[0]) {
      frame.env.set(declarations[0].id, translate(initial, frame));
      return !hasCode(translate(initial, frame));
    }
    // (bool ok, ) = x.call{value: v}(""): remember which local holds the success flag.
    if (this.facts.payments.length > paymentsBefore && declarations[0]) {
      this.successFlags.set(declarations[0].id, this.facts.payments.length - 1);
      return true;
    }
    return false;
  }

  /** Scans an expression for payments, external calls and internal calls that change state. */
  scanCalls(expression: Expression, statement: Statement, cursor: Cursor): boolean {
    const { frame } = cursor;
    for (const unary of findAll('UnaryOperation', expression)) {
      if (unary.operator !== '++' && unary.operator !== '--') continue;
      const target = translate(unary.subExpression, frame);
      const one: Expr = { kind: 'number', value: '1', written: '1', unit: null };
      this.facts.effects.push({ kind: unary.operator === '++' ? 'increase' : 'decrease', target, value: one, when: cursor.when, via: cursor.via, source: this.locate(statement, frame), basis: 'code' });
    }
    let explained = true;
    const calls = [...findAll('FunctionCall', expression)];
    const inside = new Set<number>();
    for (const call of calls) {
      if (inside.has(call.id)) continue;
      const payment = detectPayment(call, frame);
      if (payment) {
        this.facts.payments.push({ ...payment, when: cursor.when, via: cursor.via, source: this.locate(statement, frame), basis: 'code' });
        for (const inner of findAll('FunctionCall', call)) if (inner !== call) inside.add(inner.id);
        continue;
      }
      if (isOriginCheck(call)) this.facts.txOrigin ??= this.locate(statement, frame);
      const fn = calledFunction(call, frame);
      if (fn?.internal && fn.definition.body && !isSimpleGetter(fn.definition)) {
        this.readInternal(fn.definition, fn.allArgs, cursor);
        continue;
      }
      const callee = call.expression;
      if (!fn && callee.nodeType === 'MemberAccess' && (callee.memberName === 'push' || callee.memberName === 'pop') && (callee.expression.typeDescriptions.typeString ?? '').includes('[]')) {
        const target = translate(callee.expression, frame);
        const value = call.arguments[0] ? translate(call.arguments[0], frame) : null;
        this.facts.effects.push({ kind: callee.memberName === 'push' ? 'push' : 'delete', target, value, when: cursor.when, via: cursor.via, source: this.locate(statement, frame), basis: 'code' });
        explained = explained && !hasCode(target) && !(value && hasCode(value));
        continue;
      }
      if (!fn && callee.nodeType === 'MemberAccess' && call.kind === 'functionCall') {
        if (callee.memberName === 'delegatecall') this.facts.delegatecall ??= this.locate(statement, frame);
        const external = translate(callee.expression, frame);
        const typeString = callee.expression.typeDescriptions.typeString ?? '';
        if (/^contract |^address/.test(typeString) && !(callee.typeDescriptions.typeString ?? '').startsWith('function () view')) {
          this.facts.externalCalls.push({ target: external, name: callee.memberName, source: this.locate(statement, frame) });
        }
      }
    }
    return explained;
  }

  private readInternal(fn: FunctionDefinition, args: readonly Expression[], cursor: Cursor): void {
    const key = `fn:${fn.id}`;
    if (cursor.frame.stack.includes(key) || cursor.frame.stack.length > 16) return;
    const bindings = bindArguments(cursor.frame, fn.parameters.parameters, args, translate);
    const frame = childFrame(cursor.frame, fn.scope, key, bindings);
    this.facts.reads.push(fn.name);
    this.readFunction(fn, { frame, when: cursor.when, via: cursor.via ?? fn.name });
  }

  private addRevert(call: FunctionCall, statement: Statement, cursor: Cursor): void {
    const { message, error } = revertDetails(call);
    this.addCondition({ kind: 'bool', value: false }, { message, error }, statement, cursor, 'if-revert');
  }

  private addCondition(expr: Expr, detail: { message: string | null; error: string | null }, statement: { src: string }, cursor: Cursor, form: 'require' | 'if-revert' | 'assert'): void {
    // An unconditional revert inside `if (c)` reads as "c must not hold".
    let condition = expr;
    let when = cursor.when;
    if (expr.kind === 'bool' && !expr.value && when.length > 0) {
      condition = negate(when[when.length - 1]);
      when = when.slice(0, -1);
    }
    this.facts.conditions.push({ expr: condition, message: detail.message, error: detail.error, form, via: cursor.via, when, isAccess: false, source: this.locate(statement, cursor.frame), basis: 'code' });
  }

  /** The payment whose success flag this condition checks (`require(ok)`, `if (!ok) revert`), if any. */
  private checkedFlag(condition: Expression): number | null {
    for (const id of findAll('Identifier', condition)) {
      const payment = this.successFlags.get(id.referencedDeclaration ?? -1);
      if (payment !== undefined) return payment;
    }
    return null;
  }
}
