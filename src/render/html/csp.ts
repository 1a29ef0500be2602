/**
 * The Content-Security-Policy of an HTML page: nothing may load, and only the page's own style sheet and
 * script may run, named by their SHA-256 hashes (no 'unsafe-inline'), so text that reaches the page from
 * a contract (NatSpec, revert strings) can never run as script even if it escaped its escaping.
 */
import { createHash } from 'node:crypto';

export function contentSecurityPolicy(style: string, script: string): string {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  return `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
}
