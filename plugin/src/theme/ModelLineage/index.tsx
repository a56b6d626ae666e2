import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelLineage';
import {relationLabel} from '@theme/ModelLineage/relationLabel';
import ModelGraph, {RelationLegend} from '@theme/ModelGraph';
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

export default function ModelLineage(props: Props): ReactNode {
  const {parents, children} = props;
  return (
    <div className={styles.lineage}>
      <div className={styles.diagram}>
        <ModelGraph
          layout={props.diagram}
          nodes={Object.fromEntries([...parents, ...children, {id: props.id, label: props.model, permalink: ''}].map((node) => [node.id, node]))}
          current={props.id}
          label={translate({id: 'modelAtlas.lineage.diagram', message: 'Lineage of {model}: the models it derives from on the left, models deriving from it on the right'}, {model: props.model})}
        />
        <RelationLegend relations={props.diagram.edges.map((edge) => edge.relation)} />
      </div>
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
