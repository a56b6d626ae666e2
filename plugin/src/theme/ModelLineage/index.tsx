import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelLineage';
import {relationLabel} from '@theme/ModelLineage/relationLabel';
import ModelGraph, {RelationLegend} from '@theme/ModelGraph';
import styles from './styles.module.css';

/** What the model derives from, each edge with its note and source. */
function ParentList({parents, base}: {parents: Props['parents']; base: string}): ReactNode {
  return (
    <ul>
      {parents.map((edge) => (
        <li key={edge.id}>
          <em>{relationLabel(edge.relation)}</em> <Link to={base + edge.id}>{edge.label}</Link>
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

/**
 * The models deriving from this one, grouped by relation ("builds on BERT (12): RoBERTa, …"); each edge's
 * note and source are on the derived model's own page, where the edge is declared.
 */
function ChildList({groups, model, base, unlisted, familyTree}: {groups: Props['children']; model: string; base: string; unlisted?: number; familyTree?: string}): ReactNode {
  return (
    <ul>
      {groups.map(({relation, models}) => (
        <li key={relation}>
          <em>{relationLabel(relation)}</em>
          {` ${model}: `}
          {models.map((other, index) => (
            <span key={other.id}>
              {index > 0 && ', '}
              <Link to={base + other.id}>{other.label}</Link>
            </span>
          ))}
        </li>
      ))}
      {unlisted !== undefined && familyTree !== undefined && (
        <li>
          <Link to={familyTree}>{translate({id: 'modelAtlas.lineage.unlisted', message: '{count} more, in the family tree'}, {count: unlisted})}</Link>
        </li>
      )}
    </ul>
  );
}

export default function ModelLineage(props: Props): ReactNode {
  const {parents, children, more} = props;
  const {permalinkBase: base} = props;
  const nodes = Object.fromEntries([
    ...[...parents, ...children.flatMap((group) => group.models)].map((other) => [other.id, {label: other.label, permalink: base + other.id}]),
    [props.id, {label: props.model, permalink: ''}],
    ...(more ? [[more.id, more]] : []),
  ]);
  return (
    <div className={styles.lineage}>
      <div className={styles.diagram}>
        <ModelGraph
          layout={props.diagram}
          nodes={nodes}
          current={props.id}
          summary={more?.id}
          label={translate({id: 'modelAtlas.lineage.diagram', message: 'Lineage of {model}: the models it derives from on the left, models deriving from it on the right'}, {model: props.model})}
        />
        <RelationLegend relations={props.diagram.edges.filter((edge) => edge.from !== more?.id).map((edge) => edge.relation)} />
      </div>
      {parents.length > 0 && (
        <>
          <p>{translate({id: 'modelAtlas.lineage.parents', message: 'Derives from:'})}</p>
          <ParentList parents={parents} base={base} />
        </>
      )}
      {children.length > 0 && (
        <>
          <p>{translate({id: 'modelAtlas.lineage.children', message: 'Derived models:'})}</p>
          <ChildList groups={children} model={props.model} base={base} unlisted={props.unlisted} familyTree={more?.permalink} />
        </>
      )}
    </div>
  );
}
