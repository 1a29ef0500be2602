/**
 * Precision and recall of the claim checker against sentences labelled by hand: a sentence is flagged when
 * some check of it says `contradicts`; it is a true flag when a contradiction was planted in it. Flags on
 * sentences nobody labelled count as false flags.
 */
import type { Claim } from '../../src/terms/index.ts';

export interface LabelledSentence {
  contract: string;
  said: string;
  planted: boolean;
}

export interface ClaimScore {
  planted: number;
  flagged: number;
  truePositives: number;
  falseFlags: string[];
  missed: string[];
  precision: number;
  recall: number;
}

export function scoreClaims(claimsByContract: Map<string, Claim[]>, labels: LabelledSentence[]): ClaimScore {
  const flagged = new Set<string>();
  for (const [contract, claims] of claimsByContract) {
    for (const claim of claims) for (const check of claim.checks) if (check.verdict === 'contradicts') flagged.add(`${contract}|${check.said}`);
  }
  const planted = labels.filter((l) => l.planted).map((l) => `${l.contract}|${l.said}`);
  const truePositives = planted.filter((key) => flagged.has(key));
  const falseFlags = [...flagged].filter((key) => !planted.includes(key));
  return {
    planted: planted.length,
    flagged: flagged.size,
    truePositives: truePositives.length,
    falseFlags,
    missed: planted.filter((key) => !flagged.has(key)),
    precision: flagged.size === 0 ? 1 : truePositives.length / flagged.size,
    recall: planted.length === 0 ? 1 : truePositives.length / planted.length,
  };
}
