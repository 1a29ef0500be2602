/**
 * What a call pays: ETH by transfer, send, call{value} and Address.sendValue; ERC20 tokens by transfer,
 * transferFrom and SafeERC20's safeTransfer / safeTransferFrom.
 */
import type { FunctionCall } from 'solidity-ast';
import type { Payment } from '../terms/index.ts';
import type { Frame } from './context.ts';
import { calledFunction, partyOfExpr, translate } from './expressions.ts';

export type DetectedPayment = Omit<Payment, 'when' | 'via' | 'source' | 'basis'>;

const TOKEN_LIBRARY_METHODS = { safeTransfer: 2, safeTransferFrom: 3 } as const;

export function detectPayment(call: FunctionCall, frame: Frame): DetectedPayment | null {
  const callee = call.expression;
  const t = (e: Parameters<typeof translate>[0]) => translate(e, frame);
  // x.call{value: v}(...)
  if (callee.nodeType === 'FunctionCallOptions') {
    const valueIndex = callee.names.indexOf('value');
    const inner = callee.expression;
    if (valueIndex >= 0 && inner.nodeType === 'MemberAccess' && inner.memberName === 'call') {
      return eth(t(callee.options[valueIndex]), t(inner.expression), 'call', false);
    }
    return null;
  }
  if (callee.nodeType !== 'MemberAccess') return null;
  const targetType = callee.expression.typeDescriptions.typeString ?? '';
  const args = call.arguments;
  // payable(x).transfer(v) and x.send(v)
  if (targetType.startsWith('address') && args.length === 1 && (callee.memberName === 'transfer' || callee.memberName === 'send')) {
    return eth(t(args[0]), t(callee.expression), callee.memberName, callee.memberName === 'transfer' ? null : false);
  }
  // Library calls (bound with `using for` or written out): Address.sendValue, SafeERC20.
  const fn = calledFunction(call, frame);
  if (fn?.library) {
    const name = fn.definition.name;
    const all = fn.allArgs;
    if (name === 'sendValue' && all.length === 2) return eth(t(all[1]), t(all[0]), 'sendValue', null);
    if (name in TOKEN_LIBRARY_METHODS && all.length === TOKEN_LIBRARY_METHODS[name as keyof typeof TOKEN_LIBRARY_METHODS] + 1) {
      const token = t(all[0]);
      if (name === 'safeTransfer') return tokenPayment(token, t(all[1]), t(all[2]), null, 'safeTransfer');
      return tokenPayment(token, t(all[2]), t(all[3]), t(all[1]), 'safeTransferFrom');
    }
    return null;
  }
  // token.transfer(to, v) and token.transferFrom(from, to, v) on a contract.
  if (targetType.startsWith('contract ')) {
    const token = t(callee.expression);
    if (callee.memberName === 'transfer' && args.length === 2) return tokenPayment(token, t(args[0]), t(args[1]), null, 'erc20-transfer');
    if (callee.memberName === 'transferFrom' && args.length === 3) return tokenPayment(token, t(args[1]), t(args[2]), t(args[0]), 'erc20-transferFrom');
  }
  return null;
}

function eth(amount: Payment['amount'], to: Payment['to'], method: Payment['method'], resultChecked: boolean | null): DetectedPayment {
  return { asset: { kind: 'eth' }, amount, to, toParty: partyOfExpr(to), from: null, direction: 'out', method, resultChecked };
}

function tokenPayment(token: Payment['amount'], to: Payment['to'], amount: Payment['amount'], from: Payment['from'], method: Payment['method']): DetectedPayment {
  const inbound = to.kind === 'this';
  return {
    asset: { kind: 'token', token },
    amount,
    to,
    toParty: partyOfExpr(to),
    from,
    direction: inbound ? 'in' : 'out',
    method,
    resultChecked: method.startsWith('safe') ? null : false,
  };
}
