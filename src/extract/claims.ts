/**
 * The author's claims: NatSpec on the contract, on each action and on the internal functions the actions
 * call, quoted verbatim, each with the checks the claim checker could make against the code (claim-check.ts).
 */
import type { Claim } from '../terms/index.ts';
import { checkClaim } from './claim-check.ts';
import { helperClaims } from './claim-helpers.ts';
import type { Extractor } from './context.ts';

export const claims: Extractor = {
  name: 'claims',
  extract(context, terms) {
    const list: Claim[] = [];
    const add = (claim: Omit<Claim, 'id' | 'basis' | 'helper'> & { helper?: string | null }) => list.push({ helper: null, ...claim, id: `claim:${list.length + 1}`, basis: 'natspec' });
    const contractSource = context.locate(context.scope.contract);
    for (const tag of ['title', 'notice', 'dev'] as const) {
      const text = terms.natspec[tag];
      if (text) add({ action: null, tag, param: null, text, checks: tag === 'title' ? [] : checkClaim(text, null, terms), source: contractSource });
    }
    for (const action of terms.actions) {
      const source = { ...action.source, endLine: action.source.line };
      for (const tag of ['notice', 'dev'] as const) {
        const text = action.natspec[tag];
        if (text) add({ action: action.id, tag, param: null, text, checks: checkClaim(text, action, terms), source });
      }
      for (const param of action.natspec.params) add({ action: action.id, tag: 'param', param: param.name, text: param.text, checks: checkClaim(param.text, action, terms, param.name), source });
    }
    // Comments on internal functions, checked against what their code does inside the actions that call them.
    for (const claim of helperClaims(context, terms)) add(claim);
    terms.claims = list;
  },
};
