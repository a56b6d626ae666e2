import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelFamilyTree';
import {relationLabel} from '@theme/ModelLineage/relationLabel';
import styles from './styles.module.css';

const NODE = {width: 150, height: 30, column: 190, row: 44, margin: 8};

/** The lineage graph as SVG, one column per generation; each node links to its model page. */
export default function ModelFamilyTree({nodes, edges}: Props): ReactNode {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const columns = Math.max(0, ...nodes.map((node) => node.layer)) + 1;
  const rows = Math.max(0, ...nodes.map((node) => node.order)) + 1;
  const x = (layer: number) => NODE.margin + layer * NODE.column;
  const y = (order: number) => NODE.margin + order * NODE.row;
  const title = translate({id: 'modelAtlas.familyTree.label', message: 'Family tree: each model points to the models it derives from'});
  return (
    <figure className={styles.figure}>
      <div className={styles.scroll}>
        <svg role="group" aria-label={title} viewBox={`0 0 ${x(columns)} ${y(rows)}`} width={x(columns)} height={y(rows)} className={styles.tree}>
          {edges.map((edge) => {
            const from = byId.get(edge.from)!;
            const to = byId.get(edge.to)!;
            return (
              <path
                key={`${edge.from}-${edge.to}`}
                className={styles.edge}
                d={`M${x(to.layer) + NODE.width} ${y(to.order) + NODE.height / 2} C${x(to.layer) + NODE.width + 20} ${y(to.order) + NODE.height / 2} ${x(from.layer) - 20} ${y(from.order) + NODE.height / 2} ${x(from.layer)} ${y(from.order) + NODE.height / 2}`}
              >
                <title>{`${from.label} → ${to.label} (${relationLabel(edge.relation)})`}</title>
              </path>
            );
          })}
          {nodes.map((node) => (
            <Link key={node.id} to={node.permalink} aria-label={`${node.label} (${node.year})`}>
              <g transform={`translate(${x(node.layer)} ${y(node.order)})`} className={styles.node}>
                <rect width={NODE.width} height={NODE.height} rx={4} />
                <text x={NODE.width / 2} y={NODE.height / 2} dominantBaseline="central" textAnchor="middle">
                  {node.label.length > 20 ? `${node.label.slice(0, 19)}…` : node.label}
                </text>
              </g>
            </Link>
          ))}
        </svg>
      </div>
      <figcaption>
        <details>
          <summary>{translate({id: 'modelAtlas.familyTree.asList', message: 'The same graph as a list'})}</summary>
          <ul>
            {edges.map((edge) => (
              <li key={`${edge.from}-${edge.to}`}>
                <Link to={byId.get(edge.from)!.permalink}>{byId.get(edge.from)!.label}</Link> → <Link to={byId.get(edge.to)!.permalink}>{byId.get(edge.to)!.label}</Link> ({relationLabel(edge.relation)})
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
