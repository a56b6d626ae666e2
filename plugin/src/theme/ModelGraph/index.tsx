import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelGraph';
import type {PlacedNode} from '../../generate/props.js';
import {relationLabel} from '@theme/ModelLineage/relationLabel';
import {domainColour} from '@theme/ModelGraph/domainColour';
import styles from './styles.module.css';

/** Every relation, in the legend's order; each has its own line style (see styles.module.css). */
export const RELATIONS = [
  'builds-on',
  'fine-tuned-from',
  'instruction-tuned-from',
  'continued-from',
  'successor-of',
  'variant-of',
  'distilled-from',
  'compressed-from',
  'uses-component',
] as const;

/** The line style of each relation, as in the graph and the legend. */
export function RelationLegend({relations}: {relations: readonly Props['layout']['edges'][number]['relation'][]}): ReactNode {
  const shown = RELATIONS.filter((relation) => relations.includes(relation));
  return (
    <ul className={styles.legend} aria-label={translate({id: 'modelAtlas.graph.legend', message: 'Line styles of the relations'})}>
      {shown.map((relation) => (
        <li key={relation}>
          <svg width="36" height="10" aria-hidden="true" focusable="false">
            <line x1="1" y1="5" x2="35" y2="5" className={styles[relation]} />
          </svg>
          {/* The line points from the older model to the newer one that builds on it. */}
          {relationLabel(relation)}
        </li>
      ))}
    </ul>
  );
}

/** A curve from the middle of the parent's right side to the middle of the derived model's left side. */
function directPath(parent: PlacedNode, child: PlacedNode): string {
  const [x1, y1, x2, y2] = [parent.x + parent.width, parent.y + parent.height / 2, child.x, child.y + child.height / 2];
  const middle = (x1 + x2) / 2;
  return `M${x1} ${y1}C${middle} ${y1} ${middle} ${y2} ${x2 - 1} ${y2}`;
}

/**
 * A lineage graph laid out at build time (or by the family tree's filters): parents on the left, models
 * deriving from them on the right; every node links to its model page. Rendered on the server, so it works
 * without JavaScript.
 */
export default function ModelGraph({layout, nodes, label, current, domainOf, zoom = 1, summary}: Props): ReactNode {
  const placed = new Map(layout.nodes.map((node) => [node.id, node]));
  return (
    <svg
      role="group"
      aria-label={label}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width * zoom}
      height={layout.height * zoom}
      className={styles.graph}
      style={zoom === 1 ? undefined : {maxWidth: 'none'}}
    >
      <defs>
        <marker id="model-atlas-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0L8 4L0 8z" className={styles.arrow} />
        </marker>
      </defs>
      {layout.edges.map((edge) => {
        const d = edge.d ?? directPath(placed.get(edge.to)!, placed.get(edge.from)!);
        return edge.from === summary ? (
          <path key={`${edge.from}-${edge.to}`} d={d} className={`${styles.edge} ${styles.summary}`} />
        ) : (
          <path key={`${edge.from}-${edge.to}`} d={d} className={`${styles.edge} ${styles[edge.relation]}`} markerEnd="url(#model-atlas-arrow)">
            <title>{`${nodes[edge.from]?.label ?? edge.from} → ${nodes[edge.to]?.label ?? edge.to} (${relationLabel(edge.relation)})`}</title>
          </path>
        );
      })}
      {layout.nodes.map((node) => {
        const info = nodes[node.id];
        if (!info) return null;
        const box = placed.get(node.id)!;
        const domain = domainOf?.(node.id);
        const className = node.id === current ? `${styles.node} ${styles.current}` : styles.node;
        const body = (
          <g transform={`translate(${box.x} ${box.y})`} className={className}>
            <rect width={box.width} height={box.height} rx={4} style={domain === undefined || node.id === current ? undefined : {stroke: domainColour(domain)}} />
            <text x={box.width / 2} y={box.height / 2} dominantBaseline="central" textAnchor="middle">
              {info.label}
            </text>
          </g>
        );
        return node.id === current ? (
          <g key={node.id} aria-current="page">
            {body}
          </g>
        ) : (
          <Link key={node.id} to={info.permalink}>
            {body}
          </Link>
        );
      })}
    </svg>
  );
}
