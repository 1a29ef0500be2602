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
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * The widest drawing, in points, that keeps its labels readable in the summary's column (about 500 px
 * beside the code at a 900 px wide window): a wider left-to-right drawing is drawn top to bottom instead.
 */
export const READABLE_WIDTH_PT = 380;

type Direction = 'LR' | 'TB';

const LABEL_LINE = 12;

/** A long name broken into lines of at most LABEL_LINE characters where its words meet (camelCase, spaces). */
export function breakName(name: string): string {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<= )/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + word).trimEnd().length <= LABEL_LINE) lines[last] += word;
    else lines.push(word);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** The Graphviz source of a lifecycle: states as nodes, transitions as edges labelled with the action. */
export function lifecycleDot(lifecycle: Lifecycle, actionName: (id: string) => string, stateLabel: StateLabel = modelLabel, direction: Direction = 'LR'): string {
  const lines = [
    'digraph lifecycle {',
    `  rankdir=${direction}; bgcolor="transparent";`,
    '  node [shape=box, style="rounded,filled", fillcolor="#f4f6fb", color="#4a5a80", fontname="Helvetica", fontsize=11];',
    '  edge [color="#4a5a80", fontname="Helvetica", fontsize=10];',
  ];
  for (const state of lifecycle.states) {
    const attributes = [`label=${quote(stateLabel(state))}`, `id=${quote(`state-${state.name}`)}`];
    if (state.initial || state.name === lifecycle.initial) attributes.push('penwidth=2');
    if (state.final) attributes.push('peripheries=2');
    lines.push(`  ${quote(state.name)} [${attributes.join(', ')}];`);
  }
  const all = lifecycle.states.map((state) => state.name);
  // Actions that make the same move share one arrow, their names one under the other, with commas between.
  const edges = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const transition of lifecycle.transitions) {
    // A record created in a state is not a move from another state.
    if (transition.creates) continue;
    const sources = transition.from.length > 0 ? transition.from : all.filter((name) => name !== transition.to);
    for (const from of sources) {
      const key = JSON.stringify([from, transition.to]);
      const edge = edges.get(key) ?? { from, to: transition.to, labels: [] };
      const label = actionName(transition.action);
      if (!edge.labels.includes(label)) edge.labels.push(label);
      edges.set(key, edge);
    }
  }
  for (const edge of edges.values()) {
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.labels.map(breakName).join(',\n'))}];`);
  }
  lines.push('}');
  return lines.join('\n');
}

/** The drawing's width in points, from the SVG's viewBox. */
function svgWidth(svg: string): number {
  return Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg)?.[1] ?? Infinity);
}

/**
 * The lifecycle as an <svg> element (no XML prologue), ready to inline in HTML: left to right when that
 * fits the column, else top to bottom when that is narrower, so the page's `max-width: 100%` shrinks it
 * little and its labels stay readable.
 */
export async function renderLifecycleSvg(lifecycle: Lifecycle, actionName: (id: string) => string, stateLabel: StateLabel = modelLabel): Promise<string> {
  vizPromise ??= instance();
  const viz = await vizPromise;
  const draw = (direction: Direction) => viz.renderString(lifecycleDot(lifecycle, actionName, stateLabel, direction), { format: 'svg' });
  let svg = draw('LR');
  if (svgWidth(svg) > READABLE_WIDTH_PT) {
    const across = draw('TB');
    if (svgWidth(across) < svgWidth(svg)) svg = across;
  }
  return svg.slice(svg.indexOf('<svg'));
}
