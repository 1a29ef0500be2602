/**
 * The author's claims: NatSpec on the contract and on each action, quoted verbatim. Where a claim says
 * only some party may act and the code lets others (or anyone) do it, the contradiction is recorded.
 */
import type { Access, Action, Claim, Party } from '../terms/index.ts';
import type { Extractor } from './context.ts';

export const claims: Extractor = {
  name: 'claims',
  extract(context, terms) {
    const list: Claim[] = [];
    const add = (claim: Omit<Claim, 'id' | 'basis'>) => list.push({ ...claim, id: `claim:${list.length + 1}`, basis: 'natspec' });
    const contractSource = context.locate(context.scope.contract);
    for (const tag of ['title', 'notice', 'dev'] as const) {
      const text = terms.natspec[tag];
      if (text) add({ action: null, tag, param: null, text, contradiction: null, source: contractSource });
    }
    for (const action of terms.actions) {
      const source = { ...action.source, endLine: action.source.line };
      for (const tag of ['notice', 'dev'] as const) {
        const text = action.natspec[tag];
        if (text) add({ action: action.id, tag, param: null, text, contradiction: contradiction(text, action, terms.parties), source });
      }
      for (const param of action.natspec.params) add({ action: action.id, tag: 'param', param: param.name, text: param.text, contradiction: null, source });
    }
    terms.claims = list;
  },
};

/**
 * "Only the buyer …": the parties a claim says are the only ones allowed, checked against who the code
 * lets call. Returns null when the claim names no restriction or the code matches it.
 */
function contradiction(text: string, action: Action, parties: Party[]): Claim['contradiction'] {
  const match = /\bonly (?:the |an? )?([A-Za-z][\w ]*?)(?: or (?:the |an? )?([A-Za-z][\w ]*?))?(?= can| may| is| will| must|[,.;:]|$)/i.exec(text);
  if (!match) return null;
  const named = [match[1], match[2]].filter(Boolean).map((n) => findParty(n!, parties)).filter((p): p is Party => p !== null);
  if (named.length === 0) return null;
  const claimed = named.map((p) => p.id);
  if (allowsOnly(action.access, claimed)) return null;
  return { claimed, actual: action.access };
}

function findParty(words: string, parties: Party[]): Party | null {
  const wanted = words.trim().toLowerCase().replace(/s$/, '');
  return parties.find((p) => p.label.toLowerCase() === wanted || p.name.toLowerCase() === wanted) ?? null;
}

function allowsOnly(access: Access, claimed: string[]): boolean {
  if (access.anyone) return false;
  return access.rules.every((rule) => (rule.kind === 'party' ? claimed.includes(rule.party) : rule.kind === 'role' ? claimed.includes(rule.role) : false));
}
