/**
 * Mutants of a Solidity file: each flips one comparison operator, changes one numeric constant, or inverts
 * one caller check, inside code that runs when a described action is called (state-changing functions,
 * constructors and modifiers). Offsets are UTF-8 bytes, as solc gives them. An event's arguments are a
 * record for the chain's readers, not a term (the summary names the event and reads only arguments stated
 * nowhere else), so nothing inside an `emit` is mutated.
 */
import type { SourceUnit } from 'solidity-ast';
import { findAll } from 'solidity-ast/utils.js';

export interface Mutant {
  kind: 'comparison' | 'constant' | 'caller-check';
  line: number;
  description: string;
  source: string;
}

const FLIPS: Record<string, string> = { '==': '!=', '!=': '==', '<': '<=', '<=': '<', '>': '>=', '>=': '>' };

export function mutantsOf(content: string, ast: SourceUnit): Mutant[] {
  const bytes = Buffer.from(content, 'utf8');
  const lineOf = (offset: number) => bytes.subarray(0, offset).toString('utf8').split('\n').length;
  const replace = (start: number, end: number, text: string) =>
    Buffer.concat([bytes.subarray(0, start), Buffer.from(text, 'utf8'), bytes.subarray(end)]).toString('utf8');
  const span = (src: string) => {
    const [start, length] = src.split(':').map(Number);
    return { start, end: start + length };
  };
  const mutants: Mutant[] = [];
  const seen = new Set<number>();
  for (const body of describedBodies(ast)) {
    for (const emit of findAll('EmitStatement', body)) for (const node of findAll(['BinaryOperation', 'Literal'], emit)) seen.add(node.id);
    for (const op of findAll('BinaryOperation', body)) {
      if (seen.has(op.id) || !(op.operator in FLIPS)) continue;
      seen.add(op.id);
      const gapStart = span(op.leftExpression.src).end;
      const gapEnd = span(op.rightExpression.src).start;
      const gap = bytes.subarray(gapStart, gapEnd).toString('utf8');
      const at = gap.indexOf(op.operator);
      if (at < 0) continue;
      const start = gapStart + Buffer.byteLength(gap.slice(0, at));
      const mentionsCaller = /msg\.sender|_msgSender\(\)/.test(bytes.subarray(span(op.src).start, span(op.src).end).toString('utf8'));
      const isEquality = op.operator === '==' || op.operator === '!=';
      mutants.push({
        kind: mentionsCaller && isEquality ? 'caller-check' : 'comparison',
        line: lineOf(start),
        description: `${op.operator} → ${FLIPS[op.operator]}`,
        source: replace(start, start + op.operator.length, FLIPS[op.operator]),
      });
    }
    for (const literal of findAll('Literal', body)) {
      if (seen.has(literal.id) || literal.kind !== 'number' || !literal.value || !/^\d[\d_]*$/.test(literal.value)) continue;
      seen.add(literal.id);
      const { start, end } = span(literal.src);
      const written = bytes.subarray(start, end).toString('utf8');
      const value = BigInt(literal.value.replace(/_/g, ''));
      const changed = written.replace(literal.value, String(value + 1n));
      mutants.push({ kind: 'constant', line: lineOf(start), description: `${literal.value} → ${value + 1n}`, source: replace(start, end, changed) });
    }
  }
  return mutants;
}

/** Bodies that run when a described action is called: not view or pure functions, and every modifier; plus constants. */
function* describedBodies(ast: SourceUnit) {
  for (const fn of findAll('FunctionDefinition', ast)) {
    if (fn.body && fn.stateMutability !== 'view' && fn.stateMutability !== 'pure') yield fn.body;
  }
  for (const modifier of findAll('ModifierDefinition', ast)) if (modifier.body) yield modifier.body;
  for (const variable of findAll('VariableDeclaration', ast)) {
    if (variable.stateVariable && variable.constant && variable.value) yield variable.value;
  }
}
