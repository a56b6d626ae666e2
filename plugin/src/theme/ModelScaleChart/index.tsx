import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelScaleChart';
import DomainLegend from '@theme/ModelGraph/DomainLegend';
import {domainColour} from '@theme/ModelGraph/domainColour';
import styles from './styles.module.css';

/**
 * Parameters (log scale) against release date, one dot per model with a count, coloured by domain. Each dot
 * is a link; hovering or focusing it shows its name. Laid out at build time; the table says the same.
 */
export default function ModelScaleChart({scale, domains}: Props): ReactNode {
  const {width, height, plot, years, parameters, models} = scale;
  return (
    <figure className={styles.figure}>
      <h2 id="scale">{translate({id: 'modelAtlas.scale.title', message: 'Scale over time'})}</h2>
      <div className={styles.frame} tabIndex={0} role="region" aria-label={translate({id: 'modelAtlas.scale.region', message: 'Scale chart (scrolls sideways on narrow screens)'})}>
        <svg viewBox={`0 0 ${width} ${height}`} className={styles.chart} role="group" aria-label={translate({id: 'modelAtlas.scale.label', message: 'Parameters against release date, log scale'})}>
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
              <text x={tick.position} y={plot.bottom + 16} textAnchor={index === years.length - 1 ? 'end' : 'middle'}>
                {tick.label}
              </text>
            </g>
          ))}
          {models.map((model) => (
            <Link key={model.id} to={model.permalink} className={model.landmark ? `${styles.point} ${styles.landmark}` : styles.point}>
              <title>{`${model.label}: ${model.size}, ${model.date}`}</title>
              <circle cx={model.x} cy={model.y} r={5} fill={domainColour(model.domain)} />
              <text x={model.x} y={model.y - 9} textAnchor={model.x > width - 120 ? 'end' : model.x < 120 ? 'start' : 'middle'}>
                {`${model.label} · ${model.size}`}
              </text>
            </Link>
          ))}
        </svg>
      </div>
      <figcaption>
        <p>
          {translate(
            {id: 'modelAtlas.scale.caption', message: 'Largest size of each of the {count} models with a published parameter count, by release date; the vertical axis is logarithmic (each line is ten times the one below). The largest model of each year is named; hover or focus any dot for its name.'},
            {count: models.length},
          )}
        </p>
        <DomainLegend domains={domains} shape="dot" />
        <details>
          <summary>{translate({id: 'modelAtlas.scale.asTable', message: 'The same as a table'})}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{translate({id: 'modelAtlas.explorer.name', message: 'Name'})}</th>
                <th scope="col">{translate({id: 'modelAtlas.explorer.released', message: 'Released'})}</th>
                <th scope="col">{translate({id: 'modelAtlas.explorer.domain', message: 'Domain'})}</th>
                <th scope="col">{translate({id: 'modelAtlas.explorer.parameters', message: 'Parameters'})}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
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
