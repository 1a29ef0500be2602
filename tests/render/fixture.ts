/**
 * A small hand-built terms model of a goods sale, so the renderer is tested without solc: a Buyer who
 * pays a deposit, a Seller who ships by a deadline and is paid, an Owner who can change a fee.
 */
import type { Action, ContractTerms, Expr, Party, SourceRef } from '../../src/terms/index.ts';

export const at = (line: number, endLine = line): SourceRef => ({ path: 'contracts/Sale.sol', line, endLine });

export const variable = (name: string, label: string, extra: Partial<Extract<Expr, { kind: 'variable' }>> = {}): Expr => ({
  kind: 'variable',
  name,
  label,
  scope: 'state',
  party: null,
  value: null,
  unit: null,
  type: 'uint256',
  ...extra,
});

export const enumMember = (member: string, label: string): Expr => ({ kind: 'enum-member', enumName: 'Stage', member, label });
export const days = (count: number): Expr => ({ kind: 'number', value: String(count * 86_400), written: String(count), unit: 'days' });
export const stateIs = (member: string, label: string): Expr => ({ kind: 'compare', op: '==', left: variable('stage', 'Stage'), right: enumMember(member, label) });

function party(id: string, label: string, line: number, extra: Partial<Party> = {}): Party {
  return {
    id,
    name: id,
    label,
    kind: 'address',
    mutability: 'immutable',
    setAt: 'deployment',
    initial: variable(`_${id}`, label, { scope: 'parameter' }),
    changedBy: [],
    setOnceBy: [],
    joinedBy: [],
    ownerNamed: false,
    collection: null,
  itemLabel: null,
    source: at(line),
    basis: 'deployment',
    ...extra,
  };
}

function action(id: string, name: string, label: string, line: number, extra: Partial<Action> = {}): Action {
  return {
    id,
    name,
    label,
    kind: 'function',
    signature: id,
    selector: '0x12345678',
    definedIn: 'Sale',
    inherited: false,
    payable: false,
    alwaysFails: false,
    parameters: [],
    access: { anyone: true, rules: [], source: null, forwarded: false },
    conditions: [],
    payments: [],
    effects: [],
    transitions: [],
    emits: [],
    externalCalls: [],
    reads: [],
    natspec: { notice: null, dev: null, params: [], returns: null },
    source: at(line, line + 8),
    basis: 'code',
    ...extra,
  };
}

const buyer = variable('buyer', 'Buyer', { party: 'buyer', scope: 'immutable' });
const seller = variable('seller', 'Seller', { party: 'seller', scope: 'immutable' });
const shipBy = variable('shipBy', 'Ship By', { scope: 'immutable' });
const price = variable('price', 'Price', { scope: 'immutable' });

export function buildSaleTerms(): ContractTerms {
  const constructor = action('constructor', 'constructor', 'Constructor', 20, {
    kind: 'constructor',
    signature: null,
    selector: null,
    effects: [
      { kind: 'set', target: shipBy, value: { kind: 'arith', op: '+', left: { kind: 'now' }, right: days(30) }, when: [], via: null, source: at(24), basis: 'code', each: null, helperSource: null },
    ],
    transitions: [{ lifecycle: 'stage', from: [], to: 'Created', action: 'constructor', when: [], creates: false, callers: [], branchChecks: false, replaces: false, source: at(25) }],
  });
  const payDeposit = action('payDeposit()', 'payDeposit', 'Pay Deposit', 30, {
    payable: true,
    access: { anyone: false, rules: [{ kind: 'party', party: 'buyer', via: 'onlyBuyer' }], source: at(12), forwarded: false },
    conditions: [
      { expr: { kind: 'compare', op: '==', left: { kind: 'caller' }, right: buyer }, message: 'not the buyer', error: null, form: 'require', via: 'onlyBuyer', when: [], isAccess: true, source: at(12), basis: 'code', each: null, helperSource: null },
      { expr: stateIs('Created', 'Created'), message: 'wrong stage', error: null, form: 'require', via: null, when: [], isAccess: false, source: at(31), basis: 'code', each: null, helperSource: null },
      {
        expr: { kind: 'compare', op: '==', left: { kind: 'value-sent' }, right: { kind: 'percent-of', base: price, rate: { kind: 'number', value: '3000', written: '3000', unit: null }, scale: '10000', percent: '30' } },
        message: 'Sale: incorrect deposit',
        error: null,
        form: 'require',
        via: null,
        when: [],
        isAccess: false,
        source: at(32),
        basis: 'code',
        each: null,
        helperSource: null,
      },
      { expr: { kind: 'compare', op: '<=', left: { kind: 'now' }, right: shipBy }, message: null, error: 'TooLate', form: 'if-revert', via: null, when: [], isAccess: false, source: at(33), basis: 'code', each: null, helperSource: null },
    ],
    transitions: [{ lifecycle: 'stage', from: ['Created'], to: 'Paid', action: 'payDeposit()', when: [], creates: false, callers: [], branchChecks: false, replaces: false, source: at(34) }],
    emits: [{ event: 'DepositPaid', label: 'Deposit Paid', args: [], when: [], each: null, helperSource: null, source: at(35), basis: 'code' }],
  });
  const confirmShipment = action('confirmShipment()', 'confirmShipment', 'Confirm Shipment', 40, {
    access: { anyone: false, rules: [{ kind: 'party', party: 'seller', via: null }], source: at(41), forwarded: false },
    payments: [
      {
        asset: { kind: 'eth' },
        amount: { kind: 'number', value: '1500000000000000000', written: '1.5', unit: 'ether' },
        to: { kind: 'convert', to: 'address payable', operand: seller },
        toParty: 'seller',
        from: null,
        direction: 'out',
        method: 'call',
        when: [],
        resultChecked: false,
        claimCleared: false,
        via: null,
        source: at(44, 45),
        basis: 'code',
        each: null,
        helperSource: null,
      },
    ],
  });
  const reclaim = action('reclaim()', 'reclaim', 'Reclaim', 50, {
    conditions: [{ expr: { kind: 'compare', op: '>', left: { kind: 'now' }, right: shipBy }, message: 'too early', error: null, form: 'require', via: null, when: [], isAccess: false, source: at(51), basis: 'code', each: null, helperSource: null }],
  });
  const setFee = action('setFee(uint256)', 'setFee', 'Set Fee', 60, {
    access: { anyone: false, rules: [{ kind: 'party', party: 'owner', via: 'onlyOwner' }], source: at(61), forwarded: false },
  });
  return {
    name: 'Sale',
    label: 'Sale',
    abstract: false,
    eip712: null,
    source: at(1, 80),
    inherits: [],
    evm: { version: null, cancun: null },
    natspec: { title: 'A sale', notice: null, dev: null, author: null },
    assets: [{ kind: 'eth' }],
    parties: [
      party('buyer', 'Buyer', 5),
      party('seller', 'Seller', 6),
      party('owner', 'Owner', 7, { kind: 'owner', mutability: 'mutable', initial: { kind: 'caller' }, name: '_owner' }),
    ],
    actions: [constructor, payDeposit, confirmShipment, reclaim, setFee],
    deadlines: [
      {
        id: 'shipBy',
        subject: shipBy,
        label: 'Ship By',
        setBy: [{ action: 'constructor', place: shipBy, value: { kind: 'arith', op: '+', left: { kind: 'now' }, right: days(30) }, when: [], source: at(24) }],
        checks: [
          { action: 'payDeposit()', op: '<=', against: shipBy, when: [], otherwise: [], source: at(33) },
          { action: 'reclaim()', op: '>', against: shipBy, when: [], otherwise: [], source: at(51) },
        ],
        derived: false,
        clock: 'time',
        source: at(9),
        basis: 'code',
      },
    ],
    lifecycles: [
      {
        id: 'stage',
        kind: 'enum',
        variable: 'stage',
        label: 'Stage',
        enumName: 'Stage',
        perItem: false,
        collection: null,
        collectionLabel: null,
        itemLabel: null,
        states: [
          { name: 'Created', label: 'Created', initial: true, final: false },
          { name: 'Paid', label: 'Paid', initial: false, final: true },
        ],
        initial: 'Created',
        transitions: [
          { lifecycle: 'stage', from: ['Created'], to: 'Paid', action: 'payDeposit()', when: [], creates: false, callers: [], branchChecks: false, replaces: false, source: at(34) },
        ],
        source: at(10),
        basis: 'code',
      },
    ],
    powers: [
      {
        id: 'power:1',
        kind: 'change-term',
        action: 'setFee(uint256)',
        holders: ['owner'],
        target: variable('feeBps', 'Fee BPS'),
        bounds: [],
        affectsExisting: true,
        timelock: null,
      timelockWhen: [],
      rateScale: null,
      value: null,
        source: at(60, 63),
        basis: 'code',
      },
    ],
    risks: [{ id: 'risk:1', kind: 'timestamp', action: null, party: null, subject: null, text: null, state: null, source: at(33), basis: 'code' }],
    money: [],
    definitions: [],
    moments: [],
    claims: [
      {
        id: 'claim:1',
        action: 'reclaim()',
        helper: null,
        tag: 'notice',
        param: null,
        text: 'Only the buyer can reclaim.',
        checks: [
          {
            topic: 'who',
            verdict: 'contradicts',
            said: 'Only the buyer can reclaim.',
            claimed: ['buyer'],
            actual: [],
            access: { anyone: true, rules: [], source: null, forwarded: false },
            source: null,
            unpinned: false,
            action: null,
            unread: false,
          },
        ],
        source: at(49),
        basis: 'natspec',
      },
    ],
    notExplained: [{ action: 'reclaim()', code: 'assembly { sstore(0, 1) }', reason: 'assembly', source: at(52) }],
    coverage: { statements: 12, explained: 11 },
  };
}
