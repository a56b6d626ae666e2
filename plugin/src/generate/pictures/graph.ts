/**
 * Layered layout of lineage graphs with dagre: parents to the left, derived models to the right. Pure and
 * free of Node APIs: the build lays out the pictures it renders as SVG, and the family tree's filters lay out
 * their subgraphs in the browser with the same function.
 */
import dagre from '@dagrejs/dagre';
import type {LineageRelation} from '../../data/index.js';

export interface GraphInputNode {
  readonly id: string;
  readonly label: string;
}

/** `from` derives from `to`, as in the dataset. */
export interface GraphInputEdge {
  readonly from: string;
  readonly to: string;
  readonly relation: LineageRelation;
}

export interface PlacedNode {
  readonly id: string;
  /** Top-left corner and size, in SVG user units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge extends GraphInputEdge {
  /**
   * SVG path from the parent's right side to the derived model's left side, along dagre's route. Left out
   * by `layoutNeighbourhood`, whose edges all join neighbouring columns: `ModelGraph` then draws a curve
   * between the two boxes.
   */
  readonly d?: string;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** Font size of node labels, in SVG user units; the theme's CSS uses the same. */
export const NODE_FONT_SIZE = 13;
const NODE_HEIGHT = 26;
const NODE_PADDING = 10;
/** dagre's settings, which the neighbourhood's columns follow too; its columns are closer together. */
const NODE_SEPARATION = 8;
const MARGIN = 2;
const NEIGHBOURHOOD_SEPARATION = 32;
const nodeWidth = (node: GraphInputNode) => labelWidth(node.label) + 2 * NODE_PADDING;

/** Width of a label in SVG units, estimated: wide (CJK) characters take a full em, others about 0.6 em. */
export function labelWidth(label: string, fontSize = NODE_FONT_SIZE): number {
  let ems = 0;
  for (const char of label) ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(char) ? 1 : /[iljtf.,'()\s-]/.test(char) ? 0.38 : /[MWmw]/.test(char) ? 0.85 : 0.62;
  return Math.ceil(ems * fontSize);
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A smooth path along dagre's route (which bends around the nodes in between): quadratic curves through
 * the midpoints of the route's segments, with the route's points as control points.
 */
function edgePath(points: readonly {x: number; y: number}[]): string {
  const at = (point: {x: number; y: number}) => `${round(point.x)} ${round(point.y)}`;
  const curves = points.slice(1, -1).map((point, index) => {
    const next = points[index + 2]!;
    return `Q${at(point)} ${at({x: (point.x + next.x) / 2, y: (point.y + next.y) / 2})}`;
  });
  return `M${at(points[0]!)}${curves.join('')}L${at(points[points.length - 1]!)}`;
}

/** Lays out `nodes` in layers by generation; edges whose ends are not both in `nodes` are left out. */
export function layoutGraph(nodes: readonly GraphInputNode[], edges: readonly GraphInputEdge[]): GraphLayout {
  const graph = new dagre.graphlib.Graph<{width: number; height: number}>({multigraph: false});
  graph.setGraph({rankdir: 'LR', nodesep: NODE_SEPARATION, ranksep: 48, marginx: MARGIN, marginy: MARGIN});
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, {width: nodeWidth(node), height: NODE_HEIGHT});
  const kept = edgesBetween(nodes, edges);
  for (const edge of kept) graph.setEdge(edge.to, edge.from);
  dagre.layout(graph, {customOrder: orderUnlessCrossingFree});
  const placed = nodes.map((node): PlacedNode => {
    const {x, y, width, height} = graph.node(node.id);
    return {id: node.id, x: round(x - width / 2), y: round(y - height / 2), width, height};
  });
  const {width = 0, height = 0} = graph.graph();
  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    nodes: placed,
    edges: kept.map((edge) => {
      // From the middle of the parent's right side to the middle of the derived model's left side, along dagre's route.
      const [parent, child] = [graph.node(edge.to), graph.node(edge.from)];
      const route = (graph.edge(edge.to, edge.from).points ?? []).slice(1, -1);
      return {...edge, d: edgePath([{x: parent.x + parent.width / 2, y: parent.y}, ...route, {x: child.x - child.width / 2, y: child.y}])};
    }),
  };
}

/** What the ordering reads and writes of dagre's graph (its types of the option do not resolve here). */
interface LayeredGraph {
  nodes(): readonly string[];
  edges(): readonly {readonly v: string; readonly w: string}[];
  successors(id: string): readonly string[] | undefined | void;
  node(id: string): {rank?: number; order?: number};
}

/**
 * dagre's ordering of the layers (`customOrder`), except when a depth-first walk from the first layer, as
 * dagre's own first order, gives an order without a crossing: that order is kept, as no search can do
 * better. The search took 40 % of the family tree's layout for a lineage that is a forest, which such a
 * walk draws without a crossing. With a crossing, dagre's whole search runs, as before.
 */
function orderUnlessCrossingFree(graph: LayeredGraph, order: (graph: LayeredGraph, options: object) => void): void {
  const layers: string[][] = [];
  const visited = new Set<string>();
  // Depth first, without recursion (a long lineage is a deep walk): the next node to visit is on top.
  const stack = [...graph.nodes()].sort((a, b) => graph.node(a).rank! - graph.node(b).rank!).reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (visited.has(id)) continue;
    visited.add(id);
    (layers[graph.node(id).rank!] ??= []).push(id);
    stack.push(...[...(graph.successors(id) ?? [])].reverse());
  }
  for (const layer of layers) layer?.forEach((id, index) => (graph.node(id).order = index));
  if (hasCrossing(graph)) order(graph, {});
}

/**
 * Whether two edges of dagre's ordered graph cross: once edges that span layers have been split, every edge
 * joins a layer to the next; ordered by their upper ends, the lower ends of the edges between two layers
 * then never go back. An edge that does not join neighbouring layers counts as a crossing.
 */
export function hasCrossing(graph: Pick<LayeredGraph, 'edges' | 'node'>): boolean {
  const byLayer = new Map<number, [number, number][]>();
  for (const {v, w} of graph.edges()) {
    const [upper, lower] = [graph.node(v), graph.node(w)];
    if (upper.rank === undefined || lower.rank !== upper.rank + 1) return true;
    let ends = byLayer.get(upper.rank);
    if (ends === undefined) byLayer.set(upper.rank, (ends = []));
    ends.push([upper.order!, lower.order!]);
  }
  return [...byLayer.values()].some((ends) => {
    ends.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return ends.some(([, lower], index) => index > 0 && lower < ends[index - 1]![1]);
  });
}

/** The edges whose two ends are drawn, loops left out. */
function edgesBetween(nodes: readonly {readonly id: string}[], edges: readonly GraphInputEdge[]): GraphInputEdge[] {
  const ids = new Set(nodes.map((node) => node.id));
  return edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to);
}

/**
 * A model page's neighbourhood: the models it derives from in a column on the left, the model, and the
 * models deriving from it in a column on the right, each column centred on the tallest, as dagre would
 * place them. Every edge joins the model to a neighbour, so the layers are known and no layout search is
 * needed (dagre's took most of the page generation, one graph a model page). Edges get no path.
 */
export function layoutNeighbourhood(
  model: GraphInputNode,
  parents: readonly GraphInputNode[],
  children: readonly GraphInputNode[],
  edges: readonly GraphInputEdge[],
): GraphLayout {
  const columns = [parents, [model], children].filter((column) => column.length > 0);
  const widths = columns.map((column) => Math.max(...column.map(nodeWidth)));
  const columnHeight = (column: readonly GraphInputNode[]) => column.length * (NODE_HEIGHT + NODE_SEPARATION) - NODE_SEPARATION;
  const height = Math.max(...columns.map(columnHeight));
  const nodes: PlacedNode[] = [];
  let left = MARGIN;
  for (const [index, column] of columns.entries()) {
    let top = MARGIN + (height - columnHeight(column)) / 2;
    for (const node of column) {
      const width = nodeWidth(node);
      nodes.push({id: node.id, x: round(left + (widths[index]! - width) / 2), y: round(top), width, height: NODE_HEIGHT});
      top += NODE_HEIGHT + NODE_SEPARATION;
    }
    left += widths[index]! + NEIGHBOURHOOD_SEPARATION;
  }
  return {
    width: Math.ceil(left - NEIGHBOURHOOD_SEPARATION + MARGIN),
    height: Math.ceil(height + 2 * MARGIN),
    nodes,
    edges: edgesBetween(nodes, edges),
  };
}

/** `id` and every model reached from it by following edges the given way (all relations). */
function reach(id: string, edges: readonly GraphInputEdge[], way: 'ancestors' | 'descendants'): Set<string> {
  const [key, other] = way === 'ancestors' ? (['from', 'to'] as const) : (['to', 'from'] as const);
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge[key], [...(next.get(edge[key]) ?? []), edge[other]]);
  const found = new Set([id]);
  const queue = [id];
  while (queue.length > 0) {
    for (const reached of next.get(queue.pop()!) ?? []) {
      if (found.has(reached)) continue;
      found.add(reached);
      queue.push(reached);
    }
  }
  return found;
}

/** `id` and the models deriving from it, directly or not. */
export const descendantsOf = (id: string, edges: readonly GraphInputEdge[]) => reach(id, edges, 'descendants');

/** `id`, its ancestors (models it derives from) and its descendants. */
export const lineageOf = (id: string, edges: readonly GraphInputEdge[]) => new Set([...reach(id, edges, 'ancestors'), ...reach(id, edges, 'descendants')]);
