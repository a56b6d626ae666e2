import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelScaleChart';
import type {ScaleLayout} from '../../generate/props.js';
import DomainLegend from '@theme/ModelGraph/DomainLegend';
import {domainColour} from '@theme/ModelGraph/domainColour';
import styles from './styles.module.css';

/** One layout of the chart: the dots are links, each with a hit area of at least 24 units around it. */
function Chart({layout, className}: {layout: ScaleLayout; className?: string}): ReactNode {
  const {width, height, plot, years, parameters, models} = layout;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className={className} role="group" aria-label={translate({id: 'modelAtlas.scale.label', message: 'Parameters against release date, log scale'})}>
      {parameters.map((tick) => (
        <g key={tick.label} className={styles.grid}>
          <line x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} />
          <text x={plot.left - 6} y={tick.position} dominantBaseline="central" textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      {years.map((tick, index) => (
        <g key={tick.label} className={styles.grid}>
          <line x1={tick.position} x2={tick.position} y1={plot.top} y2={plot.bottom} />
          {tick.labelled && (
            <text x={tick.position} y={plot.bottom + 16} textAnchor={index === years.length - 1 ? 'end' : 'middle'}>
              {tick.label}
            </text>
          )}
        </g>
      ))}
      {models.map((model) => (
        <Link key={model.id} to={model.permalink} className={model.landmark ? `${styles.point} ${styles.landmark}` : styles.point}>
          <title>{`${model.label}: ${model.size}, ${model.date}`}</title>
          <circle cx={model.x} cy={model.y} r={12.5} className={styles.target} />
          <circle cx={model.x} cy={model.y} r={5} className={styles.dot} fill={domainColour(model.domain)} />
          <text x={model.x} y={model.y - 9} textAnchor={model.anchor}>
            {`${model.label} · ${model.size}`}
          </text>
        </Link>
      ))}
    </svg>
  );
}

/**
 * Parameters (log scale) against release date, one dot per model with a count, coloured by domain. Each dot
 * is a link; hovering or focusing it shows its name. Laid out at build time twice: a column too narrow for
 * the wide chart gets the narrow one (a CSS container query, no script); the table says the same.
 */
export default function ModelScaleChart({scale, domains}: Props): ReactNode {
  const {wide, narrow} = scale;
  return (
    <figure className={styles.figure}>
      <h2 id="scale">{translate({id: 'modelAtlas.scale.title', message: 'Scale over time'})}</h2>
      <div className={styles.frame} tabIndex={0} role="region" aria-label={translate({id: 'modelAtlas.scale.region', message: 'Scale chart (scrolls sideways on narrow screens)'})}>
        <Chart layout={wide} className={styles.chart} />
      </div>
      <Chart layout={narrow} className={styles.narrowChart} />
      <figcaption>
        <p>
          {translate(
            {id: 'modelAtlas.scale.caption', message: 'Largest size of each of the {count} models with a published parameter count, by release date; the vertical axis is logarithmic (each line is ten times the one below). The largest model of each year is named where its name fits; hover or focus any dot for its name.'},
            {count: wide.models.length},
          )}
        </p>
        <DomainLegend domains={domains} shape="dot" />
        <details>
          <summary>{translate({id: 'modelAtlas.scale.asTable', message: 'The same as a table'})}</summary>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{translate({id: 'modelAtlas.explorer.name', message: 'Name'})}</th>
                <th scope="col">{translate({id: 'modelAtlas.explorer.released', message: 'Released'})}</th>
                <th scope="col">{translate({id: 'modelAtlas.explorer.domain', message: 'Domain'})}</th>
                <th scope="col">{translate({id: 'modelAtlas.explorer.parameters', message: 'Parameters'})}</th>
              </tr>
            </thead>
            <tbody>
              {wide.models.map((model) => (
                <tr key={model.id}>
                  <td>
                    <Link to={model.permalink}>{model.label}</Link>
                  </td>
                  <td>{model.date}</td>
                  <td>{domains[model.domain]?.label}</td>
                  <td>{model.size}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
