/** Layout of the atlas's pictures (pure): lineage graphs with dagre, the timeline and the scale chart. */
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {CHART_WIDTH, layoutScale, layoutTimeline, SCALE_FONT_SIZE, SCALE_NARROW, scaleLabelBox, TIMELINE_FONT_SIZE} from '../../plugin/src/generate/pictures/charts.js';
import fc from 'fast-check';
import {descendantsOf, hasCrossing, labelWidth, layoutGraph, layoutNeighbourhood, lineageOf, type GraphInputEdge} from '../../plugin/src/generate/pictures/graph.js';
import {withoutDocCards} from '../../plugin/src/generate/versionProps.js';

const {dataset} = loadDatasetOrThrow(fileURLToPath(new URL('../../data', import.meta.url)));
const edges: GraphInputEdge[] = dataset.models.flatMap((model) => model.lineage.map(({from, to, relation}) => ({from, to, relation})));
const overlaps = (a: {x: number; y: number; width: number; height: number}, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutGraph', () => {
  const members = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const nodes = dataset.models.filter((model) => members.has(model.id)).map((model) => ({id: model.id, label: model.name}));
  const layout = layoutGraph(nodes, edges);

  it('should place every node of the real lineage graph without overlaps, inside the picture', () => {
    expect(layout.nodes).toHaveLength(nodes.length);
    for (const [index, node] of layout.nodes.entries()) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(layout.width + 0.5);
      expect(node.y + node.height).toBeLessThanOrEqual(layout.height + 0.5);
      for (const other of layout.nodes.slice(index + 1)) expect(overlaps(node, other), `${node.id} overlaps ${other.id}`).toBe(false);
    }
  });

  it('should put every parent left of the models deriving from it, with a path for each edge', () => {
    const placed = new Map(layout.nodes.map((node) => [node.id, node]));
    expect(layout.edges).toHaveLength(edges.length);
    for (const edge of layout.edges) {
      expect(placed.get(edge.to)!.x + placed.get(edge.to)!.width, `${edge.to} → ${edge.from}`).toBeLessThan(placed.get(edge.from)!.x);
      expect(edge.d).toMatch(/^M[\d.]+ [\d.]+(Q[\d. ]+)*L[\d.]+ [\d.]+$/);
    }
  });

  it('should give the same layout from a worker thread (the built plugin lays out the family tree there)', async () => {
    const {layoutGraphInWorker} = await import('../../plugin/lib/generate/pictures/layoutWorker.js');
    expect(await layoutGraphInWorker(nodes, edges)).toEqual(layout);
  });

  it('should leave out edges to models that are not drawn', () => {
    const small = layoutGraph([{id: 'bert', label: 'BERT'}, {id: 'roberta', label: 'RoBERTa'}], edges);
    expect(small.edges.map((edge) => [edge.from, edge.to])).toEqual([['roberta', 'bert']]);
  });

  it('should draw a forest without a crossing (its first order is kept, without dagre\'s search)', () => {
    // Each model after the first derives from an earlier one, or from none.
    const forest = fc.array(fc.option(fc.nat(), {nil: undefined}), {minLength: 1, maxLength: 40}).map((parents) => ({
      nodes: parents.map((_, index) => ({id: `m${index}`, label: `Model ${index}`})),
      edges: parents.flatMap((parent, index): GraphInputEdge[] => (parent === undefined || index === 0 ? [] : [{from: `m${index}`, to: `m${parent % index}`, relation: 'fine-tuned-from'}])),
    }));
    fc.assert(
      fc.property(forest, ({nodes, edges}) => {
        const placed = new Map(layoutGraph(nodes, edges).nodes.map((node) => [node.id, node]));
        // In a forest every edge joins neighbouring columns: two edges between the same columns cross when their ends swap places.
        const ends = edges.map((edge) => [placed.get(edge.to)!, placed.get(edge.from)!] as const);
        for (const [parent, child] of ends) {
          for (const [otherParent, otherChild] of ends) {
            if (parent.x !== otherParent.x || child.x !== otherChild.x) continue;
            expect((parent.y - otherParent.y) * (child.y - otherChild.y), `${parent.id}→${child.id} crosses ${otherParent.id}→${otherChild.id}`).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      {numRuns: 200},
    );
  });

  it('should tell a crossing in dagre\'s ordered layers', () => {
    const graph = (nodes: Record<string, [rank: number, order: number]>, edges: string[]) => ({
      node: (id: string) => ({rank: nodes[id]![0], order: nodes[id]![1]}),
      edges: () => edges.map((edge) => ({v: edge[0]!, w: edge[1]!})),
    });
    const square = {a: [0, 0], b: [0, 1], c: [1, 0], d: [1, 1]} satisfies Record<string, [number, number]>;
    expect(hasCrossing(graph(square, ['ac', 'bd']))).toBe(false);
    expect(hasCrossing(graph(square, ['ac', 'ad', 'bd']))).toBe(false);
    expect(hasCrossing(graph(square, ['ad', 'bc']))).toBe(true);
    expect(hasCrossing(graph(square, ['ac', 'ad', 'bc']))).toBe(true);
    // Between other layers, the same orders do not meet.
    expect(hasCrossing(graph({...square, e: [2, 0], f: [2, 1]}, ['ac', 'bd', 'cf', 'de']))).toBe(true);
    expect(hasCrossing(graph({a: [0, 1], b: [0, 0], c: [1, 0], e: [2, 0]}, ['ac', 'ce', 'bc']))).toBe(false);
    // An edge over a layer (dagre splits those before ordering): not judged, so searched.
    expect(hasCrossing(graph({a: [0, 0], e: [2, 0]}, ['ae']))).toBe(true);
  });

  it('should size nodes by their label, wide characters wider', () => {
    expect(labelWidth('BERT')).toBeLessThan(labelWidth('BERT-of-Theseus'));
    expect(labelWidth('文心')).toBeGreaterThan(labelWidth('ab'));
  });
});

describe('layoutNeighbourhood', () => {
  const named = (id: string) => ({id, label: dataset.model(id)?.name ?? id});
  const parents = dataset.parents('roberta').map((edge) => named(edge.to));
  const children = dataset.children('bert').slice(0, 12).map((edge) => named(edge.from));

  it('should put the parents in a column left of the model and the derived models in a column right of it, inside the picture', () => {
    const layout = layoutNeighbourhood(named('bert'), [named('transformer')], children, [
      {from: 'bert', to: 'transformer', relation: 'builds-on'},
      ...children.map((child) => ({from: child.id, to: 'bert', relation: 'builds-on' as const})),
      {from: children[0]!.id, to: 'transformer', relation: 'builds-on'},
    ]);
    const placed = new Map(layout.nodes.map((node) => [node.id, node]));
    const bert = placed.get('bert')!;
    expect(placed.get('transformer')!.x + placed.get('transformer')!.width).toBeLessThan(bert.x);
    for (const child of children) expect(placed.get(child.id)!.x).toBeGreaterThan(bert.x + bert.width);
    for (const [index, node] of layout.nodes.entries()) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
      for (const other of layout.nodes.slice(index + 1)) expect(overlaps(node, other), `${node.id} overlaps ${other.id}`).toBe(false);
    }
    // The model is centred on its tallest column; edges keep their ends and get no path (drawn between the boxes).
    const middle = (node: {y: number; height: number}) => node.y + node.height / 2;
    expect(middle(bert)).toBeCloseTo(layout.height / 2, 0);
    expect(layout.edges).toHaveLength(children.length + 2);
    expect(layout.edges.every((edge) => edge.d === undefined)).toBe(true);
  });

  it('should leave out the columns a model does not have, and edges to models not drawn', () => {
    const alone = layoutNeighbourhood(named('bert'), [], [], [{from: 'bert', to: 'transformer', relation: 'builds-on'}]);
    expect(alone.nodes).toEqual([{id: 'bert', x: 2, y: 2, width: labelWidth('BERT') + 20, height: 26}]);
    expect(alone.edges).toEqual([]);
    expect([alone.width, alone.height]).toEqual([labelWidth('BERT') + 24, 30]);
    const withParents = layoutNeighbourhood(named('roberta'), parents, [], []);
    expect(withParents.nodes.at(-1)!.id).toBe('roberta');
    expect(Math.max(...withParents.nodes.slice(0, -1).map((node) => node.x + node.width))).toBeLessThan(withParents.nodes.at(-1)!.x);
  });
});

describe('lineageOf and descendantsOf', () => {
  it('should follow edges both ways from a model, and only downwards for descendants', () => {
    const lineage = lineageOf('roberta', edges);
    expect(lineage).toContain('bert');
    expect(lineage).toContain('roberta');
    const descendants = descendantsOf('bert', edges);
    expect(descendants).toContain('roberta');
    expect(descendants).not.toContain(dataset.parents('bert')[0]?.to ?? 'none');
  });
});

describe('layoutTimeline', () => {
  const lanes = ['nlp', 'cv', 'graph'].map((domain) => ({
    id: domain,
    label: domain,
    permalink: `/models/domain/${domain}`,
    models: dataset.models.filter((model) => model.domain === domain).map((model) => ({id: model.id, label: model.name, permalink: `/models/${model.id}`, date: model.released.date})),
  }));
  const timeline = layoutTimeline(lanes);

  it('should place every model within the width, in its lane, without overlapping labels', () => {
    expect(timeline.models).toHaveLength(lanes.reduce((sum, lane) => sum + lane.models.length, 0));
    const boxes = timeline.models.map((model) => {
      const width = labelWidth(model.label, TIMELINE_FONT_SIZE) + 6;
      const lane = timeline.lanes[model.lane]!;
      expect(model.y).toBeGreaterThan(lane.y);
      expect(model.y).toBeLessThan(lane.y + lane.height);
      return {x: model.labelLeft ? model.x - width : model.x - 3.5, y: model.y - 7, width: width + 3.5, height: 14};
    });
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(CHART_WIDTH + 4);
    }
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
  });

  it('should put years in order on the axis, each model right of its year', () => {
    const positions = timeline.years.map((year) => year.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const model of timeline.models) {
      const year = timeline.years.find((tick) => tick.label === model.date.slice(0, 4))!;
      expect(model.x).toBeGreaterThanOrEqual(year.position);
    }
  });
});

describe('layoutScale', () => {
  const models = [
    {id: 'a', label: 'A', permalink: '/a', date: '2018-10', parameters: 340e6, domain: 0},
    {id: 'b', label: 'B', permalink: '/b', date: '2020-05', parameters: 175e9, domain: 0},
    {id: 'c', label: 'C', permalink: '/c', date: '2021-01', parameters: 1.6e12, domain: 1},
  ];
  const scale = layoutScale(models);

  it('should put bigger models higher, on a log scale with ticks at powers of ten', () => {
    const y = Object.fromEntries(scale.models.map((model) => [model.id, model.y]));
    expect(y.a).toBeGreaterThan(y.b!);
    expect(y.b).toBeGreaterThan(y.c!);
    expect(scale.parameters.map((tick) => tick.label)).toEqual(['100M', '1B', '10B', '100B', '1T', '10T']);
    const gaps = scale.parameters.slice(1).map((tick, index) => scale.parameters[index]!.position - tick.position);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 0);
  });

  it('should give each model its size as people write it, and mark the largest of each year', () => {
    expect(scale.models.map((model) => model.size)).toEqual(['340M', '175B', '1.6T']);
    const small = layoutScale([...models, {id: 'd', label: 'D', permalink: '/d', date: '2020-09', parameters: 1e9, domain: 0}]);
    expect(small.models.filter((model) => model.landmark).map((model) => model.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('layoutScale for a phone', () => {
  // As the timeline page lays it out: every model with a parameter count, at its largest size.
  const models = dataset.models.flatMap((model) => {
    const parameters = Math.max(0, ...model.sizes.map((size) => size.parameters ?? 0));
    return parameters > 0 ? [{id: model.id, label: model.name, permalink: `/models/${model.id}`, date: model.released.date, parameters, domain: 0}] : [];
  });
  const wide = layoutScale(models);
  const narrow = layoutScale(models, SCALE_NARROW);

  it('should draw the same models as the wide chart, every dot inside the plot of a 360-unit view box', () => {
    expect(narrow.width).toBe(360);
    expect(narrow.models.map((model) => model.id)).toEqual(wide.models.map((model) => model.id));
    for (const model of narrow.models) {
      expect(model.x, model.id).toBeGreaterThanOrEqual(narrow.plot.left);
      expect(model.x, model.id).toBeLessThanOrEqual(narrow.plot.right);
      expect(model.y, model.id).toBeGreaterThanOrEqual(narrow.plot.top);
      expect(model.y, model.id).toBeLessThanOrEqual(narrow.plot.bottom);
    }
    expect(narrow.parameters.map((tick) => tick.label)).toEqual(wide.parameters.map((tick) => tick.label));
  });

  it('should name only the largest models of years whose names fit, inside the view box and apart', () => {
    const named = narrow.models.filter((model) => model.landmark);
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBeLessThan(new Set(narrow.models.map((model) => model.date.slice(0, 4))).size);
    const boxes = named.map((model) => scaleLabelBox(model));
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(narrow.width);
      expect(box.y).toBeGreaterThanOrEqual(0);
    }
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
    // Every name a hover or focus shows stays inside the view box too.
    for (const model of narrow.models) {
      const box = scaleLabelBox(model);
      expect(box.x, model.id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, model.id).toBeLessThanOrEqual(narrow.width);
    }
  });

  it('should label the years that fit under the axis, at least a label and a gap apart', () => {
    const longer = layoutScale([...models, {id: 'old', label: 'Old', permalink: '/old', date: '2012', parameters: 1e8, domain: 0}], SCALE_NARROW);
    expect(longer.years.some((tick) => !tick.labelled)).toBe(true);
    const width = labelWidth('2000', SCALE_FONT_SIZE);
    for (const layout of [narrow, longer, wide]) {
      // Centred on its tick, but the last (closing the axis) ends at it.
      const boxes = layout.years
        .map((tick, index) => ({...tick, last: index === layout.years.length - 1}))
        .filter((tick) => tick.labelled)
        .map((tick) => ({x: tick.last ? tick.position - width : tick.position - width / 2, y: 0, width: width + 8, height: 1}));
      expect(boxes.length).toBeGreaterThan(1);
      for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
    }
    expect(wide.years.every((tick) => tick.labelled)).toBe(true);
  });
});

describe('withoutDocCards', () => {
  it('should empty the docs of the version metadata of nested routes, keeping the rest', () => {
    const route = {
      path: '/models',
      component: 'root',
      routes: [{path: '/models', component: 'version', props: {version: {label: 'Next', docs: {bert: {title: 'BERT'}, explorer: {title: 'Explorer'}}}}}],
    };
    expect(withoutDocCards(route)).toEqual({
      path: '/models',
      component: 'root',
      routes: [{path: '/models', component: 'version', props: {version: {label: 'Next', docs: {}}}}],
    });
  });
});
