/** What reading one action's code (its modifiers, body and the internal functions it calls) found. */
import type { Condition, Effect, Emit, Expr, NotExplained, Payment, SourceRef } from '../terms/index.ts';

export interface Facts {
  conditions: Condition[];
  payments: Payment[];
  effects: Effect[];
  emits: Emit[];
  externalCalls: { target: Expr; name: string; source: SourceRef }[];
  notExplained: NotExplained[];
  /** Modifiers and internal functions read, by name. */
  reads: string[];
  /** Statement node id → whether it was explained. */
  statements: Map<number, boolean>;
  /** Modifiers recognised as reentrancy locks. */
  reentrancyGuards: string[];
  /** The storage those locks write (JSON of the target), so deployment's initial write can be set aside too. */
  lockTargets: string[];
  selfDestruct: SourceRef | null;
  delegatecall: SourceRef | null;
  txOrigin: SourceRef | null;
}

export function emptyFacts(): Facts {
  return {
    conditions: [],
    payments: [],
    effects: [],
    emits: [],
    externalCalls: [],
    notExplained: [],
    reads: [],
    statements: new Map(),
    reentrancyGuards: [],
    lockTargets: [],
    selfDestruct: null,
    delegatecall: null,
    txOrigin: null,
  };
}
