/** Powers that override the deal (filled in by the semantics work; see issue 3). */
import type { Extractor } from './context.ts';

export const powers: Extractor = {
  name: 'powers',
  extract(_context, terms) {
    terms.powers = [];
  },
};
