import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelLineage';
import {relationLabel} from '@theme/ModelLineage/relationLabel';
import styles from './styles.module.css';

type Edge = Props['parents'][number];

function EdgeList({edges, incoming}: {edges: readonly Edge[]; incoming: boolean}): ReactNode {
  return (
    <ul>
      {edges.map((edge) => (
        <li key={edge.permalink}>
          {incoming && (
            <>
              <Link to={edge.permalink}>{edge.label}</Link>{' '}
            </>
          )}
          <em>{relationLabel(edge.relation)}</em>
          {!incoming && (
            <>
              {' '}
              <Link to={edge.permalink}>{edge.label}</Link>
            </>
          )}
          {edge.note && ` — ${edge.note}`}
          {edge.source && (
            <>
              {' '}
              <Link href={edge.source}>{translate({id: 'modelAtlas.lineage.source', message: 'source'})}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

const BOX = {width: 140, height: 28, gap: 12};

/** Parents above, the model in the middle, children below. Decorative: the lists carry the content. */
function Diagram({model, parents, children}: Props): ReactNode {
  const columns = Math.max(parents.length, children.length, 1);
  const width = columns * (BOX.width + BOX.gap);
  const rowX = (count: number, index: number) => (width - count * (BOX.width + BOX.gap)) / 2 + index * (BOX.width + BOX.gap) + BOX.gap / 2;
  const rows = [parents, [{label: model, permalink: ''}], children];
  const y = (row: number) => row * (BOX.height * 2);
  const centre = {x: width / 2, y: y(1) + BOX.height / 2};
  return (
    <svg className={styles.diagram} viewBox={`0 0 ${width} ${y(2) + BOX.height + 2}`} width={width} aria-hidden="true" focusable="false">
      {[0, 2].flatMap((row) =>
        rows[row]!.map((node, index) => {
          const x = rowX(rows[row]!.length, index) + BOX.width / 2;
          return <line key={`l${row}-${index}`} x1={x} y1={y(row) + BOX.height / 2} x2={centre.x} y2={centre.y} className={styles.edge} />;
        }),
      )}
      {rows.flatMap((nodes, row) =>
        nodes.map((node, index) => (
          <g key={`n${row}-${index}`} transform={`translate(${rowX(nodes.length, index)} ${y(row) + 1})`}>
            <rect width={BOX.width} height={BOX.height} rx={4} className={row === 1 ? styles.self : styles.node} />
            <text x={BOX.width / 2} y={BOX.height / 2} dominantBaseline="central" textAnchor="middle" className={styles.label}>
              {node.label.length > 18 ? `${node.label.slice(0, 17)}…` : node.label}
            </text>
          </g>
        )),
      )}
    </svg>
  );
}

export default function ModelLineage(props: Props): ReactNode {
  const {parents, children} = props;
  return (
    <div className={styles.lineage}>
      <Diagram {...props} />
      {parents.length > 0 && (
        <>
          <p>{translate({id: 'modelAtlas.lineage.parents', message: 'Derives from:'})}</p>
          <EdgeList edges={parents} incoming={false} />
        </>
      )}
      {children.length > 0 && (
        <>
          <p>{translate({id: 'modelAtlas.lineage.children', message: 'Derived models:'})}</p>
          <EdgeList edges={children} incoming />
        </>
      )}
    </div>
  );
}
