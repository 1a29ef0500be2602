/** NatSpec tags from a documentation node: the author's claims, kept verbatim. */
import type { StructuredDocumentation } from 'solidity-ast';
import type { ActionNatspec } from '../terms/index.ts';

export interface ParsedNatspec extends ActionNatspec {
  title: string | null;
  author: string | null;
}

export function parseNatspec(doc: StructuredDocumentation | string | null | undefined): ParsedNatspec {
  const text = typeof doc === 'string' ? doc : doc?.text ?? '';
  const result: ParsedNatspec = { notice: null, dev: null, params: [], returns: null, title: null, author: null };
  const parts = text.split(/(?=^\s*@\w+)/m);
  for (const part of parts) {
    const match = /^\s*@(\w+)\s*([\s\S]*)$/.exec(part);
    const tag = match ? match[1] : 'notice';
    const body = clean(match ? match[2] : part);
    if (!body) continue;
    if (tag === 'param') {
      const [name, ...rest] = body.split(/\s+/);
      result.params.push({ name, text: rest.join(' ') });
    } else if (tag === 'notice' || tag === 'dev' || tag === 'title' || tag === 'author') {
      result[tag] = result[tag] ? `${result[tag]} ${body}` : body;
    } else if (tag === 'return') result.returns = body;
  }
  return result;
}

function clean(text: string): string {
  return text.split('\n').map((line) => line.replace(/^\s*\*?\s?/, '').trim()).filter(Boolean).join(' ').trim();
}
