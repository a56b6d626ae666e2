import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {Props} from '@theme/ModelTimeline';
import styles from './styles.module.css';

/** A table: one row per domain, one column per year, the models of each in their cell. */
export default function ModelTimeline({years, lanes}: Props): ReactNode {
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={translate({id: 'modelAtlas.timeline.label', message: 'Models by year and domain'})}>
      <table className={styles.timeline}>
        <thead>
          <tr>
            <th scope="col">{translate({id: 'modelAtlas.timeline.domain', message: 'Domain'})}</th>
            {years.map((year) => (
              <th key={year} scope="col">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lanes.map((lane) => (
            <tr key={lane.permalink}>
              <th scope="row">
                <Link to={lane.permalink}>{lane.label}</Link>
              </th>
              {years.map((year) => (
                <td key={year}>
                  <ul className={styles.models}>
                    {lane.models
                      .filter((model) => model.year === year)
                      .map((model) => (
                        <li key={model.permalink}>
                          <Link to={model.permalink} title={model.date}>
                            {model.label}
                          </Link>
                        </li>
                      ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
