/** Calls: payments, library functions read by their documented meaning, internal calls inlined, calls to other contracts. */
import type { Expression, FunctionCall, FunctionDefinition, Statement } from 'solidity-ast';
import type { Expr, Payment } from '../terms/index.ts';
import { calledFunction, declaredFunction, forwardedItemMove, hasItemMoveParameters, isBuiltinId, isExternalTarget, isItemContractType, isViewCall, type CalledFunction } from './calls.ts';
import { arith, code, constantOf, withAfter } from './exprs.ts';
import { type State } from './state.ts';
import { asUnsigned } from './numbers.ts';

import { type Frame } from './lower-base.ts';
import { callName, encodedArguments, encodedCall, isPlace, isSender, isStorageRef } from './lower-helpers.ts';
import { ExpressionLowerer } from './lower-expressions.ts';
import { humanise } from './names.ts';

export abstract class CallLowerer extends ExpressionLowerer {
  protected abstract lowerStatements(statements: readonly Statement[], state: State, frame: Frame): void;

  /** Inlines an internal or library function at a call site; the arguments are already evaluated. */
  protected abstract inline(fn: FunctionDefinition, args: Expr[], state: State, frame: Frame, callSite: string | null): Expr[];

  // ── Calls ─────────────────────────────────────────────────────────────────────────────────────────

  /** A call's result values (several for a tuple), lowering what it does. */
  override evCall(node: FunctionCall, state: State, frame: Frame): Expr[] {
    const callee = node.expression;
    const args = node.arguments;
    if (node.kind === 'typeConversion') {
      const arg = args[0];
      if (!arg) return [];
      const to = node.typeDescriptions.typeString ?? '';
      const operand = this.ev(arg, state, frame);
      if (to.startsWith('address') && constantOf(operand) === '0') return [{ kind: 'zero-address' }];
      if (operand.kind === 'this') return [operand];
      // A negative constant in an unsigned type (allowed before 0.8: `uint256(-1)`) is the number the EVM keeps.
      const wrapped = operand.kind === 'number' && operand.unit === null && operand.value.startsWith('-') ? asUnsigned(to, operand.value) : null;
      if (wrapped !== null) return [{ kind: 'number', value: wrapped, written: this.ctx.codeOf(node), unit: null }];
      return [{ kind: 'convert', to, operand }];
    }
    if (node.kind === 'structConstructorCall') return [this.evStruct(node, state, frame) ?? this.codeOf(node)];
    if (callee.nodeType === 'Identifier' && isBuiltinId(callee.referencedDeclaration)) {
      const builtin = this.evBuiltin(callee.name, node, state, frame);
      if (builtin) return builtin;
    }
    if (callee.nodeType === 'MemberAccess' && callee.expression.nodeType === 'Identifier' && callee.expression.name === 'abi') {
      args.forEach((a) => this.ev(a, state, frame));
      return [this.codeOf(node)];
    }
    const payment = this.evPayment(node, state, frame);
    if (payment) return payment;
    const fn = calledFunction(this.ctx.scope, node, frame.from);
    if (fn) {
      const known = this.evLibrary(fn, node, state, frame);
      if (known) return known;
      if (fn.internal) return this.evInternal(fn, node, state, frame);
    }
    if (callee.nodeType === 'MemberAccess' && (callee.memberName === 'push' || callee.memberName === 'pop') && /\[\]/.test(callee.expression.typeDescriptions.typeString ?? '')) {
      const target = this.placeOf(callee.expression, state, frame) ?? this.ev(callee.expression, state, frame);
      const value = args[0] ? this.ev(args[0], state, frame) : null;
      if (this.isStorage(callee.expression) || callee.expression.nodeType === 'Identifier') this.store(state, frame, node.src, callee.memberName === 'push' ? 'push' : 'pop', target, value);
      // Before Solidity 0.6, `push` returns the list's new length: the number of entries once the item is added.
      if (callee.memberName === 'push' && /^uint/.test(node.typeDescriptions.typeString ?? '')) return [{ kind: 'length', of: target }];
      return [];
    }
    if (callee.nodeType === 'MemberAccess' && node.kind === 'functionCall' && isExternalTarget(callee)) return this.evExternal(node, callee, state, frame);
    if (callee.nodeType === 'FunctionCallOptions' && callee.expression.nodeType === 'MemberAccess' && isExternalTarget(callee.expression)) {
      // `target.f{value: v}(…)`: v ETH goes to the other contract with the call, which reverts if it fails.
      const options = callee.options.map((o) => this.ev(o, state, frame));
      const valueIndex = callee.names.indexOf('value');
      const results = this.evExternal(node, callee.expression, state, frame);
      if (valueIndex >= 0) {
        const target = this.ev(callee.expression.expression, state, frame);
        this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to: target, from: null, amount: options[valueIndex], direction: 'out', method: 'call', reverts: true });
      }
      return results;
    }
    // Anything else (a new contract, a call through a function value, a built-in with no meaning here):
    // what it does is not represented, so the statement making it is not explained.
    args.forEach((a) => this.ev(a, state, frame));
    this.unread = true;
    return [];
  }

  protected evBuiltin(name: string, node: FunctionCall, state: State, frame: Frame): Expr[] | null {
    const args = node.arguments;
    switch (name) {
      case 'require':
      case 'assert': {
        const condition = this.ev(args[0], state, frame);
        const messageNode = args[1];
        if (messageNode && messageNode.nodeType !== 'Literal') this.ev(messageNode, state, frame);
        const message = messageNode?.nodeType === 'Literal' ? messageNode.value ?? null : null;
        const error = messageNode?.nodeType === 'FunctionCall' ? callName(messageNode) : null;
        if (state.alive) this.requireOf(condition, state, frame, node.src, { message, error }, name === 'assert' ? 'assert' : 'require');
        return [];
      }
      case 'revert': {
        const messageNode = args[0];
        this.revert(state, frame, node.src, { message: messageNode?.nodeType === 'Literal' ? messageNode.value ?? null : null, error: null });
        return [];
      }
      case 'selfdestruct':
      case 'suicide': {
        // The contract's whole ETH balance goes to the beneficiary (no code of its runs, so it cannot refuse),
        // and the call ends there: nothing after it runs, a modifier's code after `_` included.
        const [to] = args.map((a) => this.ev(a, state, frame));
        if (!state.alive || !to) return [];
        // In a loop it ends the call at the first item that reaches it, which a per-item term would not say.
        // To the contract itself, the ETH is burned before Cancun and kept from it on: not a payment either way.
        if (frame.loop || (to.kind === 'convert' ? to.operand : to).kind === 'this') {
          this.unread = true;
          return [];
        }
        this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount: { kind: 'balance', of: { kind: 'this' } }, direction: 'out', method: 'selfdestruct', reverts: true });
        this.add(state, frame, node.src, { k: 'selfdestruct' });
        state.alive = false;
        state.exit = 'stop';
        return [];
      }
      case 'keccak256':
      case 'sha256':
        return [{ kind: 'hash', fn: name, args: encodedArguments(args).map((a) => this.ev(a, state, frame)) }];
      case 'ecrecover':
        return [{ kind: 'signer', args: args.map((a) => this.ev(a, state, frame)) }];
      default:
        return null;
    }
  }

  /** ETH sent by transfer, send and call{value}; ERC-20 tokens by transfer and transferFrom on a contract. */
  protected evPayment(node: FunctionCall, state: State, frame: Frame): Expr[] | null {
    const callee = node.expression;
    if (callee.nodeType === 'FunctionCallOptions') {
      const valueIndex = callee.names.indexOf('value');
      const inner = callee.expression;
      if (valueIndex < 0 || inner.nodeType !== 'MemberAccess' || inner.memberName !== 'call') return null;
      const to = this.ev(inner.expression, state, frame);
      const amount = this.ev(callee.options[valueIndex], state, frame);
      const data = node.arguments.map((a) => this.ev(a, state, frame));
      this.add(state, frame, node.src, { k: 'call-data', target: to, data });
      const outcome = this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: 'call', reverts: false });
      return [outcome, { kind: 'external-call', target: to, name: 'call', args: [] }];
    }
    if (callee.nodeType !== 'MemberAccess') return null;
    const targetType = callee.expression.typeDescriptions.typeString ?? '';
    const args = node.arguments;
    if (targetType.startsWith('address') && args.length === 1 && (callee.memberName === 'transfer' || callee.memberName === 'send')) {
      const to = this.ev(callee.expression, state, frame);
      const amount = this.ev(args[0], state, frame);
      const send = callee.memberName === 'send';
      const outcome = this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: callee.memberName, reverts: !send });
      return send ? [outcome] : [];
    }
    // ERC-20 transfers. ERC-721's transferFrom(from, to, tokenId) has the same shape but returns nothing and
    // moves one item, not an amount: decided by the target's declared type (an interface that derives from
    // IERC721 counts), it stays a call to another contract, read as an item move.
    const returnsBool = /returns \(bool\)/.test(callee.typeDescriptions.typeString ?? '');
    const fungible = returnsBool || !isItemContractType(this.deref, callee.expression.typeDescriptions.typeIdentifier, targetType);
    if (fungible && targetType.startsWith('contract ') && isExternalTarget(callee) && ((callee.memberName === 'transfer' && args.length === 2) || (callee.memberName === 'transferFrom' && args.length === 3))) {
      const token = this.ev(callee.expression, state, frame);
      const values = args.map((a) => this.ev(a, state, frame));
      const [from, to, amount] = callee.memberName === 'transfer' ? [null, values[0], values[1]] : values;
      const outcome = this.pay(state, frame, node.src, {
        asset: { kind: 'token', token },
        to,
        from,
        amount,
        direction: tokenDirection(from, to),
        method: callee.memberName === 'transfer' ? 'erc20-transfer' : 'erc20-transferFrom',
        // Declared without a result, a token that reports failure by returning false is not caught either:
        // the call does not revert, and the code has no result to check.
        reverts: false,
      });
      return returnsBool ? [outcome] : [];
    }
    return null;
  }

  protected pay(state: State, frame: Frame, src: string, p: { asset: Payment['asset']; to: Expr; from: Expr | null; amount: Expr; direction: 'out' | 'in' | 'between'; method: Payment['method']; reverts: boolean }): Expr {
    const instr = this.add(state, frame, src, { k: 'pay', ...p, checked: false });
    const outcome: Expr = { kind: 'call-outcome', call: 'payment', target: p.to, name: p.method, amount: p.amount };
    this.outcomes.set(outcome, instr);
    return outcome;
  }

  /**
   * Library functions whose meaning is their documented contract rather than their body: OpenZeppelin's
   * Address and SafeERC20 (payments and approvals that revert on failure), Math and SafeMath, ECDSA.
   */
  protected evLibrary(fn: CalledFunction, node: FunctionCall, state: State, frame: Frame): Expr[] | null {
    if (!fn.library) return null;
    const name = fn.definition.name;
    const arity = fn.allArgs.length;
    const t = () => fn.allArgs.map((a) => this.ev(a, state, frame));
    if (name === 'sendValue' && arity === 2) {
      const [to, amount] = t();
      this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: 'sendValue', reverts: true });
      return [];
    }
    if ((name === 'functionCallWithValue' && (arity === 3 || arity === 4))) {
      const [to, , amount] = t();
      this.pay(state, frame, node.src, { asset: { kind: 'eth' }, to, from: null, amount, direction: 'out', method: 'call', reverts: true });
      return [{ kind: 'external-call', target: to, name: 'call', args: [] }];
    }
    if ((name === 'functionCall' || name === 'functionDelegateCall') && arity >= 2) {
      const [target] = t();
      if (name === 'functionDelegateCall') this.add(state, frame, node.src, { k: 'delegatecall' });
      else this.add(state, frame, node.src, { k: 'call', target, name: 'call', checked: true, args: [] });
      return [{ kind: 'external-call', target, name: 'call', args: [] }];
    }
    // OpenZeppelin's SafeERC20 reverts on failure and returns nothing; a library of the same names that returns
    // a success flag instead (RequestNetwork's) does not revert: its payment is unchecked unless the flag is.
    const reportsFailure = fn.definition.returnParameters.parameters.length === 1 && fn.definition.returnParameters.parameters[0]?.typeDescriptions.typeString === 'bool';
    if (name === 'safeTransfer' && arity === 3) {
      const [token, to, amount] = t();
      const outcome = this.pay(state, frame, node.src, { asset: { kind: 'token', token }, to, from: null, amount, direction: to.kind === 'this' ? 'in' : 'out', method: 'safeTransfer', reverts: !reportsFailure });
      return reportsFailure ? [outcome] : [];
    }
    if (name === 'safeTransferFrom' && arity === 4 && fn.libraryName !== null && /ERC20/.test(fn.libraryName)) {
      const [token, from, to, amount] = t();
      const outcome = this.pay(state, frame, node.src, { asset: { kind: 'token', token }, to, from, amount, direction: tokenDirection(from, to), method: 'safeTransferFrom', reverts: !reportsFailure });
      return reportsFailure ? [outcome] : [];
    }
    if (/^(forceApprove|safeApprove|safeIncreaseAllowance|safeDecreaseAllowance)$/.test(name) && arity === 3) {
      const [token, spender, amount] = t();
      // A library that reports failure instead of reverting: the approval may not be made, unless its flag is checked.
      const instr = this.add(state, frame, node.src, { k: 'call', target: token, name: 'approve', checked: !reportsFailure, args: [spender, amount], approval: true });
      if (!reportsFailure) return [{ kind: 'external-call', target: token, name: 'approve', args: [spender, amount] }];
      const outcome: Expr = { kind: 'call-outcome', call: 'call', target: token, name: 'approve', amount: null };
      this.outcomes.set(outcome, instr);
      return [outcome];
    }
    if ((name === 'min' || name === 'max') && arity === 2) return [{ kind: name, operands: t() }];
    if (['add', 'sub', 'mul', 'div', 'mod'].includes(name) && arity === 2 && fn.definition.returnParameters.parameters.length === 1) {
      const op = ({ add: '+', sub: '-', mul: '*', div: '/', mod: '%' } as const)[name as 'add'];
      const [a, b] = t();
      const result = arith(op, a, b);
      if (name === 'sub') this.checkedSubtractions.add(result);
      return [result];
    }
    if (name === 'mulDiv' && (arity === 3 || arity === 4)) {
      const [a, b, c] = t();
      return [arith('/', arith('*', a, b), c)];
    }
    if (name === 'recover' || name === 'tryRecover') return [{ kind: 'signer', args: t() }];
    return null;
  }

  protected evInternal(fn: CalledFunction, node: FunctionCall, state: State, frame: Frame): Expr[] {
    const args = fn.allArgs.map((a) => this.ev(a, state, frame));
    const definition = fn.definition;
    if (!definition.body) return [];
    const statements = definition.body.statements ?? [];
    const view = definition.stateMutability === 'view' || definition.stateMutability === 'pure';
    const single = statements.length === 1 && statements[0].nodeType === 'Return';
    const values = this.inline(definition, args, state, frame, frame.callSites.length === 0 ? this.statementSrc(node) : this.statementSrc(node));
    const returnsPlace = definition.returnParameters.parameters.some((p) => isStorageRef(p));
    // A getter that reads one stored value (through a helper or a storage pointer) reads as that value.
    // So does a sender (ERC-2771's `_msgSender()`: the caller, or the address a trusted forwarder names).
    const readsOnePlace = values.length === 1 && (isPlace(values[0]) || isSender(values[0]));
    // A pure function reads nothing stored: its value is its formula of the arguments, never "as it stood before the call".
    // (One without a loop: a loop's result is named, as the loop itself may not be explained.)
    const pure = definition.stateMutability === 'pure' && values.length === 1 && !/"nodeType":"(?:For|While|DoWhile)Statement"/.test(JSON.stringify(definition.body));
    if (view && !pure && !single && !returnsPlace && !readsOnePlace && definition.returnParameters.parameters.length === 1) {
      // A computed amount is named (its formula is stated once, under definitions), not spelled out in every sentence.
      return [{ kind: 'call', name: definition.name, label: humanise(definition.name), args }];
    }
    return values;
  }

  protected statementSrc(node: { src: string }): string {
    return node.src;
  }

  protected evExternal(node: FunctionCall, callee: Extract<Expression, { nodeType: 'MemberAccess' }>, state: State, frame: Frame): Expr[] {
    const target = this.ev(callee.expression, state, frame);
    if (callee.memberName === 'delegatecall') {
      // `delegatecall(abi.encodeWithSignature("f(…)", a, b))`: the function run as this contract's own, with its arguments.
      const encoded = encodedCall(node.arguments);
      const args = (encoded?.args ?? node.arguments).map((a) => this.ev(a, state, frame));
      const name = encoded?.name ?? 'delegatecall';
      const declared = encoded ? declaredFunction(this.deref, callee.expression, name, args.length) : null;
      const params = declared?.parameters.parameters.map((p) => p.name);
      this.add(state, frame, node.src, { k: 'delegatecall' });
      // What the code run moves is not read here: the statement stays under "Not explained", with its reason.
      this.unread = true;
      this.unreadReason = 'delegatecall';
      const instr = this.add(state, frame, node.src, { k: 'call', target, name, checked: false, args, delegate: true, ...(params ? { params } : {}) });
      // Its success flag, checked by a require, says the call succeeded (or failed) rather than naming raw code.
      const outcome: Expr = { kind: 'call-outcome', call: 'call', target, name, amount: null };
      this.outcomes.set(outcome, instr);
      return [outcome, { kind: 'external-call', target, name, args }];
    }
    const args = node.arguments.map((a) => this.ev(a, state, frame));
    if (callee.memberName === 'balanceOf' && args.length === 1) {
      const balance = withAfter({ kind: 'token-balance', token: target, of: args[0] }, this.lastCallOnPath(state));
      this.noteExternalRead(state);
      return [balance];
    }
    const view = isViewCall(callee);
    if (view) this.noteExternalRead(state);
    const definition = this.deref('FunctionDefinition', callee.referencedDeclaration);
    const forwarded = forwardedItemMove(definition);
    const item = forwarded ? { token: args[forwarded.token], from: args[forwarded.from], to: args[forwarded.to], id: args[forwarded.id] } : definition && !hasItemMoveParameters(definition) ? null : undefined;
    const params = definition?.parameters.parameters.map((p) => p.name);
    // An ERC-20 approval (`approve(spender, amount)`); ERC-721's `approve(to, tokenId)` names one item instead.
    const approval = callee.memberName === 'approve' && args.length === 2 && !isItemContractType(this.deref, callee.expression.typeDescriptions.typeIdentifier, callee.expression.typeDescriptions.typeString);
    if (!view) this.add(state, frame, node.src, { k: 'call', target, name: callee.memberName, checked: false, args, ...(item !== undefined ? { item } : {}), ...(params ? { params } : {}), ...(approval ? { approval } : {}) });
    return [{ kind: 'external-call', target, name: callee.memberName, args }];
  }

  protected evStruct(node: FunctionCall, state: State, frame: Frame): Expr | null {
    const id = node.expression.nodeType === 'Identifier' || node.expression.nodeType === 'MemberAccess' ? node.expression.referencedDeclaration : null;
    const definition = this.deref('StructDefinition', id);
    if (!definition) return null;
    const names = node.names.length > 0 ? node.names : definition.members.map((m) => m.name);
    const fields = names.map((name, i) => ({ name, label: humanise(name), value: this.ev(node.arguments[i], state, frame) }));
    return { kind: 'struct', name: definition.name, label: humanise(definition.name), fields };
  }


  /** `try`: the call is made; the success clause runs when it succeeded, the catch clauses when it failed. */
  protected lowerTry(statement: Extract<Statement, { nodeType: 'TryStatement' }>, state: State, frame: Frame, first: number): void {
    const call = statement.externalCall;
    const results = this.evCall(call, state, frame);
    const instr = [...this.instrs].reverse().find((i) => i.id >= first && (i.k === 'call' || i.k === 'pay'));
    const outcome: Expr = instr?.k === 'pay'
      ? { kind: 'call-outcome', call: 'payment', target: instr.to, name: instr.method, amount: instr.amount }
      : { kind: 'call-outcome', call: 'call', target: instr?.k === 'call' ? instr.target : code(this.ctx.codeOf(call)), name: instr?.k === 'call' ? instr.name : '', amount: null };
    if (instr) this.outcomes.set(outcome, instr);
    this.end(first, statement.id, statement.src, []);
    const [success, ...failures] = statement.clauses;
    const clause = (c: typeof success, s: State, values: Expr[]) => {
      c.parameters?.parameters.forEach((p, i) => s.env.set(p.id, values[i] ?? code(p.name)));
      this.lowerStatements(c.block.statements ?? [], s, frame);
    };
    this.branch(
      state,
      outcome,
      (s) => clause(success, s, results),
      failures.length > 0 ? (s) => failures.forEach((c) => s.alive && clause(c, s, (c.parameters?.parameters ?? []).map((p) => code(p.name)))) : null,
    );
  }
}

/**
 * Which way a token payment goes: to this contract is money in; from it (`transfer`, or `transferFrom` of its own
 * tokens) money out; `transferFrom` from one other address to another moves the payer's tokens straight to the
 * receiver, under the payer's approval, and never passes through the contract.
 */
function tokenDirection(from: Expr | null, to: Expr): 'in' | 'out' | 'between' {
  const self = (e: Expr) => (e.kind === 'convert' ? e.operand : e).kind === 'this';
  if (self(to)) return 'in';
  return from === null || self(from) ? 'out' : 'between';
}
