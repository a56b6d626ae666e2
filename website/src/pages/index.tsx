import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import styles from './index.module.css';

interface DomainCount {
  term: string;
  label: string;
  labels: Record<string, string>;
  withSubterms: number;
}

interface AtlasFigures {
  models: number;
  years: {first: number; last: number};
  domains: DomainCount[];
}

function Figures({atlas}: {atlas: AtlasFigures}): ReactNode {
  const {i18n} = useDocusaurusContext();
  return (
    <section className={styles.figures} aria-labelledby="figures-title">
      <h2 id="figures-title">
        <Translate id="home.figures.title">The atlas in figures</Translate>
      </h2>
      <p className={styles.total} data-testid="model-count">
        <Translate id="home.figures.total" values={{count: <strong>{atlas.models}</strong>, first: atlas.years.first, last: atlas.years.last}}>
          {'{count} models, released from {first} to {last}'}
        </Translate>
      </p>
      <ul className={styles.domains}>
        {atlas.domains.map((domain) => (
          <li key={domain.term} data-testid={`domain-${domain.term}`}>
            <Link to={`/models/domain/${domain.term}`}>
              <span className={styles.count}>{domain.withSubterms}</span>
              <span>{domain.labels[i18n.currentLocale] ?? domain.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Home(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const atlas = siteConfig.customFields!.atlas as AtlasFigures;
  return (
    <Layout
      title={translate({id: 'home.title', message: 'An atlas of pretrained foundation models'})}
      description={translate({
        id: 'home.description',
        message: 'Every pretrained foundation model of the survey, from BERT to ChatGPT, with facts, lineage and notes.',
      })}>
      <header className={styles.hero}>
        <h1>
          <Translate id="home.hero.title">An atlas of pretrained foundation models</Translate>
        </h1>
        <p>
          <Translate id="home.hero.text">
            One checked page per model of the survey "A History from BERT to ChatGPT": its facts, its paper, the
            models it comes from and the ones that came from it, and where our notes discuss it.
          </Translate>
        </p>
        <nav className={styles.actions} aria-label={translate({id: 'home.actions.label', message: 'Ways into the atlas'})}>
          <Link className="button button--primary button--lg" to="/models/explorer">
            <Translate id="home.actions.explorer">Explore every model</Translate>
          </Link>
          <Link className="button button--secondary button--lg" to="/models/timeline">
            <Translate id="home.actions.timeline">Timeline</Translate>
          </Link>
          <Link className="button button--secondary button--lg" to="/models/family-tree">
            <Translate id="home.actions.familyTree">Family tree</Translate>
          </Link>
        </nav>
      </header>
      <main>
        <Figures atlas={atlas} />
        <section className={styles.paths}>
          <div>
            <h2>
              <Translate id="home.notes.title">Survey notes</Translate>
            </h2>
            <p>
              <Translate id="home.notes.text">Section-by-section notes on the survey, in two versions.</Translate>
            </p>
            <Link to="/notes/intro">
              <Translate id="home.notes.link">Read the notes</Translate>
            </Link>
          </div>
          <div>
            <h2>
              <Translate id="home.course.title">Course</Translate>
            </h2>
            <p>
              <Translate id="home.course.text">Eight lectures with readings and exercises.</Translate>
            </p>
            <Link to="/course/introduction">
              <Translate id="home.course.link">Start the course</Translate>
            </Link>
          </div>
        </section>
      </main>
    </Layout>
  );
}
