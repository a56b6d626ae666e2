import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelTimeline';
import ModelScaleChart from '@theme/ModelScaleChart';
import {domainColour} from '@theme/ModelGraph/domainColour';
import styles from './styles.module.css';

type TimelineModel = Props['timeline']['models'][number];

/**
 * The timeline for a column too narrow for the picture: one section per year, oldest first as the picture
 * reads from left to right, with the models of each domain after its colour and name; every model is a link.
 * An index of the years at the top jumps to the recent ones.
 */
function TimelineList({timeline}: Pick<Props, 'timeline'>): ReactNode {
  const {lanes, models} = timeline;
  const byYear = new Map<string, TimelineModel[]>();
  for (const model of [...models].sort((a, b) => a.date.localeCompare(b.date))) {
    const year = model.date.slice(0, 4);
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(model);
  }
  const years = [...byYear.keys()];
  return (
    <div className={styles.list}>
      <nav aria-label={translate({id: 'modelAtlas.timeline.years', message: 'Years of the timeline'})}>
        <ul className={styles.yearIndex}>
          {years.map((year) => (
            <li key={year}>
              <a href={`#timeline-${year}`}>{year}</a>
            </li>
          ))}
        </ul>
      </nav>
      {years.map((year) => (
        <section key={year}>
          <h2 id={`timeline-${year}`} className={styles.yearHeading}>
            {year}
          </h2>
          <dl className={styles.domains}>
            {lanes.map((lane, index) => {
              const inLane = byYear.get(year)!.filter((model) => model.lane === index);
              return (
                inLane.length > 0 && (
                  <div key={lane.id}>
                    <dt>
                      <svg width="12" height="12" aria-hidden="true" focusable="false">
                        <circle cx="6" cy="6" r="5" fill={domainColour(index)} />
                      </svg>
                      {lane.label}
                    </dt>
                    <dd>
                      <ul className={styles.names}>
                        {inLane.map((model) => (
                          <li key={model.id}>
                            <Link to={model.permalink}>{model.label}</Link>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                )
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}

/**
 * One lane per domain, years on the axis; every model is a link. Laid out at build time. A column too narrow
 * for it gets the same models as a list of years instead (a CSS container query: both are in the HTML).
 */
function Timeline({timeline}: Props): ReactNode {
  const {width, height, years, lanes, models} = timeline;
  return (
    <figure className={styles.figure}>
      <div className={styles.frame} tabIndex={0} role="region" aria-label={translate({id: 'modelAtlas.timeline.region', message: 'Timeline (scrolls sideways on narrow screens)'})}>
        <svg viewBox={`0 0 ${width} ${height}`} className={styles.timeline} role="group" aria-label={translate({id: 'modelAtlas.timeline.label', message: 'Models by year and domain'})}>
          {years.map((year, index) => {
            // Each year's label sits in the middle of its band; the last tick only closes the axis.
            const next = years[index + 1];
            return (
              <g key={year.label} className={styles.year}>
                <line x1={year.position} x2={year.position} y1={4} y2={height - 4} />
                {next &&
                  [14, height - 8].map((y) => (
                    <text key={y} x={(year.position + next.position) / 2} y={y} textAnchor="middle">
                      {year.label}
                    </text>
                  ))}
              </g>
            );
          })}
          {lanes.map((lane, index) => (
            <g key={lane.id}>
              <rect x={0} y={lane.y} width={width} height={lane.height - 4} className={index % 2 ? styles.laneOdd : styles.lane} />
              <Link to={lane.permalink} className={styles.laneLabel}>
                <text x={6} y={lane.y + 15}>
                  {lane.label}
                </text>
              </Link>
            </g>
          ))}
          {models.map((model) => (
            <Link key={model.id} to={model.permalink} className={styles.model}>
              <title>{`${model.label} (${model.date})`}</title>
              <circle cx={model.x} cy={model.y} r={3.5} fill={domainColour(model.lane)} />
              <text x={model.labelLeft ? model.x - 6 : model.x + 6} y={model.y} dominantBaseline="central" textAnchor={model.labelLeft ? 'end' : 'start'}>
                {model.label}
              </text>
            </Link>
          ))}
        </svg>
      </div>
      <TimelineList timeline={timeline} />
      <figcaption>
        <span className={styles.wideOnly}>
          {translate(
            {id: 'modelAtlas.timeline.caption', message: 'Each dot is a model at its release date, in the lane of its domain ({count} models). The same as a list:'},
            {count: models.length},
          )}
        </span>
        <span className={styles.narrowOnly}>
          {translate(
            {id: 'modelAtlas.timeline.captionNarrow', message: 'The models of each year by domain, oldest first ({count} models). The same by domain and date:'},
            {count: models.length},
          )}
        </span>
        <details>
          <summary>{translate({id: 'modelAtlas.timeline.asList', message: 'The models by domain and date'})}</summary>
          {lanes.map((lane, index) => (
            <section key={lane.id}>
              <h3>
                <Link to={lane.permalink}>{lane.label}</Link>
              </h3>
              <ul>
                {models
                  .filter((model) => model.lane === index)
                  .map((model) => (
                    <li key={model.id}>
                      {model.date}: <Link to={model.permalink}>{model.label}</Link>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </details>
      </figcaption>
    </figure>
  );
}

/** The timeline page: models by domain and date, then parameters over time. */
export default function ModelTimeline(props: Props): ReactNode {
  return (
    <>
      <Timeline {...props} />
      <ModelScaleChart scale={props.scale} domains={props.domains} />
    </>
  );
}
