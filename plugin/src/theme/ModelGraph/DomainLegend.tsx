import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import type {DomainLink} from '../../generate/props.js';
import {domainColour} from '@theme/ModelGraph/domainColour';
import styles from './styles.module.css';

/** The colour of each domain, as in the pictures; each label links to the domain's page. */
export default function DomainLegend({domains, shape}: {domains: readonly DomainLink[]; shape: 'box' | 'dot'}): ReactNode {
  return (
    <ul className={styles.legend} aria-label={translate({id: 'modelAtlas.graph.domains', message: 'Colours of the domains'})}>
      {domains.map((domain, index) => (
        <li key={domain.id}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            {shape === 'box' ? (
              <rect x="1.5" y="1.5" width="11" height="11" rx="2" fill="none" strokeWidth="3" stroke={domainColour(index)} />
            ) : (
              <circle cx="7" cy="7" r="5.5" fill={domainColour(index)} />
            )}
          </svg>
          <Link to={domain.permalink}>{domain.label}</Link>
        </li>
      ))}
    </ul>
  );
}
