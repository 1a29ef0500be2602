/**
 * The per-action terms read off the lowered IR: conditions (requires with their path conditions),
 * payments, changes to storage, events and calls to other contracts, each cited at its outermost call
 * site in the action's own code (the helper's own line when the call site is the action's header).
 */
import type { Condition, Effect, Emit, Expr, ExternalCall, NotExplained, Payment, SourceRef } from '../terms/index.ts';
import { humanise } from '../ir/names.ts';
import { claimCleared } from './cleared.ts';
import { partyOfExpr, rewrite, same, simplify, withoutPrior } from './exprs.ts';
import { isPathPrefix } from '../terms/index.ts';
import type { Instr, LoweredAction } from './types.ts';
import { settleByChecks } from './assume.ts';
import { firstLine } from './code-reader.ts';

/**
 * A non-fungible token moved by a call to its contract: `from`, `to` and the item's `id` as the call gives
 * them. `hook`: the call is `safeTransferFrom`, which fails unless a receiving contract accepts the token.
 */
export interface ItemMove {
  token: Expr;
  from: Expr;
  to: Expr;
  id: Expr;
  /** ERC-1155: how many units of item `id`; null for ERC-721, which moves the one item. */
  amount: Expr | null;
  hook: boolean;
  when: Expr[];
  source: SourceRef;
}

/** What reading one action's code (its modifiers, body and the internal functions it calls) found. */
export interface Facts {
  conditions: Condition[];
  payments: Payment[];
  effects: Effect[];
  emits: Emit[];
  externalCalls: ExternalCall[];
  /** Payments whose failure a require turns into the action's failure (`require(ok)` after a `call`). */
  requiredPayments: SourceRef[];
  /** Tokens moved one by one (ERC-721 and ERC-1155 `transferFrom` and `safeTransferFrom`), read from those calls. */
  itemMoves: ItemMove[];
  notExplained: NotExplained[];
  /** Modifiers and internal functions read, by name. */
  reads: string[];
  /** Statement node id → whether it was explained. */
  statements: Map<number, boolean>;
  /** Modifiers recognised as reentrancy locks. */
  reentrancyGuards: string[];
  /** The storage those locks write (key of the target), so deployment's initial write can be set aside too. */
  lockTargets: string[];
  selfDestruct: SourceRef | null;
  delegatecall: SourceRef | null;
  /** Low-level calls with ETH: their target and the data passed, as evaluated. */
  callData: { target: Expr; data: Expr[]; source: SourceRef }[];
  txOrigin: SourceRef | null;
  /** ETH sent to the contract's own address with `transfer` on every path: it reverts unless the contract accepts ETH. */
  selfSends: SourceRef[];
}

/**
 * The lines of the call sites that led to a payment, change or check made inside nested helpers, outermost
 * first, for the facts that have two or more (an action calling `_settle`, which calls `_send`). Kept beside
 * the model rather than in it: the claim checker asks whether a fact was made inside a helper that is not
 * the outermost one (`extract/claim-helpers.ts`).
 */
export const nestedCallSites = new WeakMap<object, SourceRef[]>();

export function factsOf(lowered: LoweredAction, action: string, locate: (src: string) => SourceRef, codeOf: (src: string) => string): Facts {
  const facts: Facts = {
    conditions: [],
    payments: [],
    effects: [],
    emits: [],
    externalCalls: [],
    itemMoves: [],
    requiredPayments: [],
    notExplained: [],
    reads: [...new Set(lowered.reads)],
    statements: new Map(),
    reentrancyGuards: lowered.locks.map((l) => l.modifier),
    lockTargets: lowered.locks.map((l) => l.target),
    selfDestruct: null,
    delegatecall: null,
    callData: [],
    txOrigin: null,
    selfSends: [],
  };
  // What the action's unconditional checks settle holds whenever it succeeds: amounts are read in that light.
  const checks = lowered.instrs.filter((i): i is Extract<Instr, { k: 'require' }> => i.k === 'require' && i.guard.length === 0 && i.each === null).map((i) => i.cond);
  const cite = (instr: Instr) => locate(instr.origin.callSites[0] ?? instr.origin.src);
  // Outside deployment the contract's own code exists: `address(this).code.length == 0` holds only while it is built.
  const fold = (expr: Expr) => simplify(action === 'constructor' ? expr : rewrite(expr, ownCodeLength));
  for (const instr of lowered.instrs) {
    // Cited at the outermost call site; the helper's own line is kept beside it.
    const helperSource = instr.origin.callSites.length > 0 ? locate(instr.origin.src) : null;
    // Values put in place can leave constants to fold: a guard that is always true is no guard.
    const when = instr.guard.map((guard) => (instr.k === 'pay' ? fold(settleByChecks(guard, checks)) : fold(guard))).filter((guard) => !(guard.kind === 'bool' && guard.value));
    // A guard that never holds (a helper's branch on a constant it was not called with): the code can never get here.
    if (when.some((guard) => guard.kind === 'bool')) continue;
    const common = { when, via: instr.via, source: cite(instr), basis: 'code' as const, each: instr.each, helperSource };
    const chain = instr.origin.callSites.length > 1 ? instr.origin.callSites.map(locate) : null;
    const keep = <T extends object>(fact: T): T => {
      if (chain) nestedCallSites.set(fact, chain);
      return fact;
    };
    switch (instr.k) {
      case 'require': {
        const cond = fold(instr.cond);
        if (cond.kind === 'bool' && cond.value) break;
        facts.conditions.push(keep({ expr: cond, message: instr.message, error: instr.error, form: instr.form, isAccess: false, ...common }));
        break;
      }
      case 'pay':
        // ETH sent to the contract's own address stays in it: a call of its own `receive`, not a payment.
        if (instr.direction === 'out' && instr.asset.kind === 'eth' && instr.to.kind === 'this') {
          facts.externalCalls.push({ target: instr.to, name: 'receive', when, each: instr.each, source: common.source });
          if (instr.reverts && when.length === 0 && instr.each === null) facts.selfSends.push(common.source);
          break;
        }
        facts.payments.push(keep({
          asset: instr.asset,
          amount: settleByChecks(instr.amount, checks),
          to: instr.to,
          toParty: partyOfExpr(instr.to),
          from: instr.from,
          ...(instr.direction === 'between' && instr.from !== null ? { fromParty: partyOfExpr(instr.from) } : {}),
          direction: instr.direction,
          method: instr.method,
          resultChecked: instr.reverts ? null : instr.checked,
          claimCleared: instr.reverts || instr.checked ? null : claimCleared(lowered.instrs, instr, facts.lockTargets),
          ...common,
        }));
        if (instr.required) facts.requiredPayments.push(common.source);
        break;
      case 'store':
        facts.effects.push(keep({ kind: instr.op, target: instr.target, value: instr.value, ...common }));
        break;
      case 'emit':
        facts.emits.push({ event: instr.event, label: humanise(instr.event), args: instr.args, when: instr.guard, each: instr.each, helperSource, source: common.source, basis: 'code' });
        break;
      case 'call':
        if (instr.item) {
          const { token, from, to, id } = instr.item;
          facts.itemMoves.push({ token, from, to, id, amount: null, hook: false, when: instr.guard, source: common.source });
          facts.externalCalls.push({ target: instr.target, name: instr.name, when: instr.guard, each: instr.each, item: { token, from, to, id, amount: null, through: true }, source: common.source });
        } else if (instr.item !== null && isItemMove(instr.name, instr.args.length)) {
          const [from, to, id] = instr.args;
          const amount = instr.args.length === 5 ? instr.args[3] : null;
          facts.itemMoves.push({ token: instr.target, from, to, id, amount, hook: instr.name === 'safeTransferFrom', when: instr.guard, source: common.source });
          facts.externalCalls.push({ target: instr.target, name: instr.name, when: instr.guard, each: instr.each, item: { token: instr.target, from, to, id, amount, through: false }, source: common.source });
        } else {
          const proxy = proxyOf(lowered.instrs, instr);
          const approval = instr.approval ? { spender: instr.args[0], amount: instr.args[1], unchecked: !instr.checked } : null;
          facts.externalCalls.push({ target: instr.target, name: instr.name, when: instr.guard, each: instr.each, ...(proxy ? { proxy } : {}), ...(approval ? { approval } : {}), source: common.source });
        }
        break;
      case 'selfdestruct':
        facts.selfDestruct ??= common.source;
        break;
      case 'delegatecall':
        facts.delegatecall ??= common.source;
        break;
      case 'call-data':
        facts.callData.push({ target: instr.target, data: instr.data, source: common.source });
        break;
      case 'tx-origin':
        facts.txOrigin ??= common.source;
        break;
    }
  }
  for (const [id, statement] of lowered.statements) {
    facts.statements.set(id, statement.explained);
    if (statement.explained) continue;
    facts.notExplained.push({ action, code: firstLine(codeOf(statement.src)), reason: statement.reason, source: locate(statement.src) });
  }
  return facts;
}

/**
 * Money that may move through another contract's code: a `delegatecall`, or a call to a contract that the
 * action lets take a token from this contract first (`token.approve(proxy, max)` then `proxy.pay(…)`; the
 * last approval on the way to the call, after a reset to zero).
 */
function proxyOf(instrs: Instr[], call: Extract<Instr, { k: 'call' }>): ExternalCall['proxy'] | null {
  const args = call.args.map((value, i) => ({ name: call.params?.[i] || null, value }));
  if (call.delegate) return { delegate: true, approval: null, args, required: call.required === true };
  const approve = [...instrs].reverse().find((i): i is Extract<Instr, { k: 'call' }> => i.k === 'call' && i.id < call.id && i.approval === true && same(address(i.args[0]), address(call.target)) && isPathPrefix(call.guard, i.guard));
  if (!approve) return null;
  return { delegate: false, approval: { token: approve.target, amount: approve.args[1], when: approve.guard.slice(call.guard.length) }, args, required: false };
}

/** An address however it is spelled: `address(proxy)`, `proxy`, read before the call or now. */
function address(expr: Expr): Expr {
  const bare = withoutPrior(expr);
  return bare.kind === 'convert' ? address(bare.operand) : bare;
}

/**
 * A call that reaches here with these names and arities moves one item: ERC-20 `transferFrom` calls are
 * payments (src/ir/lower-calls.ts), so what remains is ERC-721's (3 or 4 arguments) and ERC-1155's (5).
 */
function isItemMove(name: string, arity: number): boolean {
  return (name === 'transferFrom' && arity === 3) || (name === 'safeTransferFrom' && arity >= 3 && arity <= 5);
}

/** `address(this).code.length` compared with zero, outside deployment: the contract's code is there. */
function ownCodeLength(expr: Expr): Expr | null {
  if (expr.kind !== 'compare' || expr.right.kind !== 'number' || expr.right.value !== '0') return null;
  const left = expr.left;
  const own = left.kind === 'length' && left.of.kind === 'member' && left.of.member === 'code' && left.of.object.kind === 'this';
  if (!own) return null;
  if (expr.op === '==' || expr.op === '<=') return { kind: 'bool', value: false };
  if (expr.op === '!=' || expr.op === '>') return { kind: 'bool', value: true };
  return null;
}
