import {useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {useHistory, useLocation} from '@docusaurus/router';
import {translate} from '@docusaurus/Translate';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type {Props} from '@theme/ModelFamilyTree';
import ModelGraph, {RelationLegend} from '@theme/ModelGraph';
import DomainLegend from '@theme/ModelGraph/DomainLegend';
import {relationLabel} from '@theme/ModelLineage/relationLabel';
import type {GraphLayout} from '../../generate/props.js';
import styles from './styles.module.css';

type Filter = {readonly kind: 'all'} | {readonly kind: 'domain' | 'family' | 'focus'; readonly id: string};
const value = (filter: Filter) => (filter.kind === 'all' ? '' : filter.id);
const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];
/** A founder heads a family: a model with at least this many descendants. */
const FAMILY_SIZE = 3;

type Graph = typeof import('../../generate/pictures/graph.js');

const FILTER_KINDS = ['domain', 'family', 'focus'] as const;

/** The filter a URL asks for (`?focus=bert`, `?family=bert`, `?domain=nlp`), so that pages can link to one. */
function filterOf(search: string, domains: Props['domains']): Filter {
  const params = new URLSearchParams(search);
  for (const kind of FILTER_KINDS) {
    const id = params.get(kind);
    if (!id) continue;
    if (kind !== 'domain') return {kind, id};
    const index = domains.findIndex((domain) => domain.id === id);
    if (index >= 0) return {kind, id: String(index)};
  }
  return {kind: 'all'};
}

/** The models a filter keeps, or undefined for all. */
function selection(filter: Filter, {nodes, edges}: Props, graph: Graph): Set<string> | undefined {
  switch (filter.kind) {
    case 'all':
      return undefined;
    case 'domain':
      return new Set(nodes.filter((node) => node.domain === Number(filter.id)).map((node) => node.id));
    case 'family':
      return graph.descendantsOf(filter.id, edges);
    case 'focus':
      return graph.lineageOf(filter.id, edges);
  }
}

/**
 * The family tree: the whole lineage graph, laid out at build time, with filters (a domain, the family
 * of a founding model, or one model's ancestors and descendants) that lay out the chosen subgraph again in
 * the browser, zoom buttons, and panning by dragging. The list below says the same in words.
 */
export default function ModelFamilyTree(props: Props): ReactNode {
  const {nodes, edges, domains, layout} = props;
  const isBrowser = useIsBrowser();
  const location = useLocation();
  const history = useHistory();
  const filter = useMemo(() => filterOf(location.search, domains), [location.search, domains]);
  const setFilter = (next: Filter) => {
    const search = next.kind === 'all' ? '' : `?${new URLSearchParams({[next.kind]: next.kind === 'domain' ? domains[Number(next.id)]!.id : next.id})}`;
    history.replace({...location, search});
  };
  const [shown, setShown] = useState<GraphLayout>(layout);
  const [zoom, setZoom] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => Object.fromEntries(nodes.map((node) => [node.id, node])), [nodes]);

  const founders = useMemo(() => {
    const children = new Map<string, number>();
    for (const edge of edges) children.set(edge.to, (children.get(edge.to) ?? 0) + 1);
    return nodes.filter((node) => (children.get(node.id) ?? 0) >= FAMILY_SIZE).sort((a, b) => a.label.localeCompare(b.label));
  }, [nodes, edges]);

  useEffect(() => {
    if (filter.kind === 'all') {
      setShown(layout);
      return;
    }
    let current = true;
    // dagre is loaded only when a reader filters: the page itself ships the build's layout.
    void import('../../generate/pictures/graph.js').then((graph) => {
      const ids = selection(filter, props, graph)!;
      const kept = nodes.filter((node) => ids.has(node.id));
      if (current) setShown(graph.layoutGraph(kept, edges));
    });
    return () => {
      current = false;
    };
  }, [filter.kind, value(filter)]);

  // Drag to pan the zoomed picture.
  const drag = useRef<{x: number; y: number; left: number; top: number} | undefined>(undefined);
  const onPointerDown = (event: React.PointerEvent) => {
    if (event.pointerType !== 'mouse' || !scroller.current) return;
    drag.current = {x: event.clientX, y: event.clientY, left: scroller.current.scrollLeft, top: scroller.current.scrollTop};
  };
  const onPointerMove = (event: React.PointerEvent) => {
    if (!drag.current || !scroller.current || event.buttons !== 1) return;
    scroller.current.scrollLeft = drag.current.left - (event.clientX - drag.current.x);
    scroller.current.scrollTop = drag.current.top - (event.clientY - drag.current.y);
  };

  const select = (kind: Exclude<Filter['kind'], 'all'>, label: string, options: readonly {id: string; label: string}[]) => (
    <label>
      {label}
      <select value={filter.kind === kind ? value(filter) : ''} onChange={(event) => setFilter(event.target.value ? {kind, id: event.target.value} : {kind: 'all'})}>
        <option value="">{translate({id: 'modelAtlas.explorer.all', message: 'All'})}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  const visibleEdges = shown.edges;
  const label = translate({id: 'modelAtlas.familyTree.label', message: 'Family tree: each line runs from a model to a model that derives from it'});
  return (
    <figure className={styles.figure}>
      {isBrowser && (
        <div className={styles.controls}>
          {select('domain', translate({id: 'modelAtlas.explorer.domain', message: 'Domain'}), domains.map((domain, index) => ({id: String(index), label: domain.label})))}
          {select('family', translate({id: 'modelAtlas.familyTree.family', message: 'Family of'}), founders)}
          {select('focus', translate({id: 'modelAtlas.familyTree.focus', message: 'Focus on'}), [...nodes].sort((a, b) => a.label.localeCompare(b.label)))}
          <span className={styles.zoom} role="group" aria-label={translate({id: 'modelAtlas.familyTree.zoom', message: 'Zoom'})}>
            <button type="button" onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)]!)} disabled={zoom === ZOOMS[0]} aria-label={translate({id: 'modelAtlas.familyTree.zoomOut', message: 'Zoom out'})}>
              −
            </button>
            <button type="button" onClick={() => setZoom(1)} disabled={zoom === 1}>
              {translate({id: 'modelAtlas.familyTree.fit', message: 'Fit'})}
            </button>
            <button type="button" onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)]!)} disabled={zoom === ZOOMS[ZOOMS.length - 1]} aria-label={translate({id: 'modelAtlas.familyTree.zoomIn', message: 'Zoom in'})}>
              +
            </button>
          </span>
        </div>
      )}
      <div ref={scroller} className={styles.scroll} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={() => (drag.current = undefined)}>
        <ModelGraph layout={shown} nodes={byId} label={label} current={filter.kind === 'focus' ? filter.id : undefined} domainOf={(id) => byId[id]?.domain} zoom={zoom} />
      </div>
      <figcaption>
        <p>
          {translate(
            {id: 'modelAtlas.familyTree.caption', message: '{models} models and {relations} relations. Older models are on the left; a line runs to each model that derives from one, styled by the relation; the outline colour is the domain.'},
            {models: shown.nodes.length, relations: visibleEdges.length},
          )}
        </p>
        <RelationLegend relations={edges.map((edge) => edge.relation)} />
        <DomainLegend domains={domains} shape="box" />
        <details>
          <summary>{translate({id: 'modelAtlas.familyTree.asList', message: 'The same graph as a list'})}</summary>
          <ul>
            {visibleEdges.map((edge) => (
              <li key={`${edge.from}-${edge.to}`}>
                <Link to={byId[edge.from]!.permalink}>{byId[edge.from]!.label}</Link> → <Link to={byId[edge.to]!.permalink}>{byId[edge.to]!.label}</Link>
                {` (${relationLabel(edge.relation)})`}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
