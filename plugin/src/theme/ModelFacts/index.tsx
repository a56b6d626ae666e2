import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelFacts';
import styles from './styles.module.css';

type Row = Props['rows'][number];
type Value = Row['values'][number];

function rowLabel(id: Row['id']): string {
  switch (id) {
    case 'released':
      return translate({id: 'modelAtlas.facts.released', message: 'Released'});
    case 'organizations':
      return translate({id: 'modelAtlas.facts.organizations', message: 'Organizations'});
    case 'domain':
      return translate({id: 'modelAtlas.facts.domain', message: 'Domain'});
    case 'architecture':
      return translate({id: 'modelAtlas.facts.architecture', message: 'Architecture'});
    case 'objectives':
      return translate({id: 'modelAtlas.facts.objectives', message: 'Objectives'});
    case 'sizes':
      return translate({id: 'modelAtlas.facts.sizes', message: 'Sizes'});
    case 'access':
      return translate({id: 'modelAtlas.facts.access', message: 'Access'});
    case 'license':
      return translate({id: 'modelAtlas.facts.license', message: 'License'});
    case 'links':
      return translate({id: 'modelAtlas.facts.links', message: 'Links'});
    case 'survey':
      return translate({id: 'modelAtlas.facts.survey', message: 'Survey'});
  }
}

function basisLabel(basis: NonNullable<Value['basis']>): string {
  switch (basis) {
    case 'arxiv':
      return translate({id: 'modelAtlas.basis.arxiv', message: 'first arXiv version'});
    case 'paper':
      return translate({id: 'modelAtlas.basis.paper', message: 'paper'});
    case 'blog':
      return translate({id: 'modelAtlas.basis.blog', message: 'blog post'});
    case 'weights':
      return translate({id: 'modelAtlas.basis.weights', message: 'weights release'});
    case 'api':
      return translate({id: 'modelAtlas.basis.api', message: 'API launch'});
    case 'announcement':
      return translate({id: 'modelAtlas.basis.announcement', message: 'announcement'});
  }
}

function FactValue({value}: {value: Value}): ReactNode {
  const label = value.permalink ? <Link to={value.permalink}>{value.label}</Link> : value.href ? <Link href={value.href}>{value.label}</Link> : value.label;
  return (
    <>
      {label}
      {value.active && ` (${translate({id: 'modelAtlas.facts.active', message: '{count} active'}, {count: value.active})})`}
      {value.basis && ` (${basisLabel(value.basis)})`}
    </>
  );
}

export default function ModelFacts({rows, sources}: Props): ReactNode {
  return (
    <dl className={styles.facts}>
      {rows.map((row) => (
        <div key={row.id} className={styles.row}>
          <dt>{rowLabel(row.id)}</dt>
          <dd>
            {row.values.map((value, index) => (
              <span key={index} className={styles.value}>
                <FactValue value={value} />
              </span>
            ))}
            {row.sources.map((number) => (
              <sup key={number} className={styles.source}>
                <Link href={sources[number - 1]} title={sources[number - 1]} aria-label={translate({id: 'modelAtlas.facts.source', message: 'Source {number}'}, {number})}>
                  [{number}]
                </Link>
              </sup>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
