/** Risks (filled in by the semantics work; see issue 3). */
import type { Extractor } from './context.ts';

export const risks: Extractor = {
  name: 'risks',
  extract(_context, terms) {
    terms.risks = [];
  },
};
