/**
 * The lifecycle of a contract as an inline SVG: a Graphviz graph rendered in Node by @viz-js/viz
 * (Graphviz in WebAssembly). Labels come from the model (state labels and action names).
 */
import { instance, type Viz } from '@viz-js/viz';
import type { Lifecycle, LifecycleState } from '../../terms/index.ts';

type StateLabel = (state: LifecycleState) => string;
const modelLabel: StateLabel = (state) => state.label;

let vizPromise: Promise<Viz> | undefined;

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The Graphviz source of a lifecycle: states as nodes, transitions as edges labelled with the action. */
export function lifecycleDot(lifecycle: Lifecycle, actionName: (id: string) => string, stateLabel: StateLabel = modelLabel): string {
  const lines = [
    'digraph lifecycle {',
    '  rankdir=LR; bgcolor="transparent";',
    '  node [shape=box, style="rounded,filled", fillcolor="#f4f6fb", color="#4a5a80", fontname="Helvetica", fontsize=11];',
    '  edge [color="#4a5a80", fontname="Helvetica", fontsize=9];',
  ];
  for (const state of lifecycle.states) {
    const attributes = [`label=${quote(stateLabel(state))}`, `id=${quote(`state-${state.name}`)}`];
    if (state.initial || state.name === lifecycle.initial) attributes.push('penwidth=2');
    if (state.final) attributes.push('peripheries=2');
    lines.push(`  ${quote(state.name)} [${attributes.join(', ')}];`);
  }
  const all = lifecycle.states.map((state) => state.name);
  for (const transition of lifecycle.transitions) {
    // A record created in a state is not a move from another state.
    if (transition.creates) continue;
    const sources = transition.from.length > 0 ? transition.from : all.filter((name) => name !== transition.to);
    for (const from of sources) {
      lines.push(`  ${quote(from)} -> ${quote(transition.to)} [label=${quote(actionName(transition.action))}];`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}

/** The lifecycle as an <svg> element (no XML prologue), ready to inline in HTML. */
export async function renderLifecycleSvg(lifecycle: Lifecycle, actionName: (id: string) => string, stateLabel: StateLabel = modelLabel): Promise<string> {
  vizPromise ??= instance();
  const viz = await vizPromise;
  const svg = viz.renderString(lifecycleDot(lifecycle, actionName, stateLabel), { format: 'svg' });
  return svg.slice(svg.indexOf('<svg'));
}
