/**
 * The extractors, in the order they run (later ones read what earlier ones found). Claims come after the
 * definitions, whose formulas show the scale of a rate a view applies (`amount * feeBps / 10000`).
 */
import { actions } from './actions.ts';
import { assets } from './assets.ts';
import { claims } from './claims.ts';
import type { Extractor } from './context.ts';
import { coverage } from './coverage.ts';
import { deadlines } from './deadlines.ts';
import { definitions } from './definitions.ts';
import { lifecycle } from './lifecycle.ts';
import { units } from './units.ts';
import { partyOnce } from './party-once.ts';
import { money } from './money.ts';
import { parties } from './parties.ts';
import { powers } from './powers.ts';
import { risks } from './risks.ts';

export const EXTRACTORS: readonly Extractor[] = [actions, assets, parties, lifecycle, partyOnce, deadlines, powers, units, money, coverage, definitions, claims, risks];
