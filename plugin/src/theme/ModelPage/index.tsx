import type {ReactNode} from 'react';
import clsx from 'clsx';
import {HtmlClassNameProvider, PageMetadata, ThemeClassNames} from '@docusaurus/theme-common';
import EditMetaRow from '@theme/EditMetaRow';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import ModelFacts from '@theme/ModelFacts';
import ModelLineage from '@theme/ModelLineage';
import ModelStructuredData from '@theme/ModelStructuredData';
import type {Props} from '@theme/ModelPage';
import HastContent from '@theme/ModelPage/HastContent';
import TOC from '@theme/TOC';

/**
 * A model page in page mode (`modelPages: 'routes'`): the parts of the docs-mode page, from the route's JSON
 * data module, rendered with the same components (the Markdown sections through `MDXComponents`).
 */
export default function ModelPage({page}: Props): ReactNode {
  const {title, description, keywords, editUrl, facts, lineage, structuredData, beforeLineage, lineageHeading, afterLineage, toc} = page;
  return (
    <HtmlClassNameProvider className={clsx(ThemeClassNames.wrapper.docsPages, ThemeClassNames.page.docsDocPage)}>
      <PageMetadata title={title} description={description} keywords={[...keywords]} />
      <Layout>
        <ModelStructuredData {...structuredData} />
        <main className="container margin-vert--lg">
          <div className="row">
            <div className="col">
              <article>
                <div className={clsx(ThemeClassNames.docs.docMarkdown, 'markdown')}>
                  <header>
                    <Heading as="h1">{title}</Heading>
                  </header>
                  <ModelFacts {...facts} />
                  <HastContent tree={beforeLineage} />
                  {lineageHeading && (
                    <>
                      <Heading as="h2" id={lineageHeading.id}>
                        {lineageHeading.title}
                      </Heading>
                      <ModelLineage {...lineage} />
                    </>
                  )}
                  <HastContent tree={afterLineage} />
                </div>
                {editUrl && (
                  <footer className={clsx(ThemeClassNames.docs.docFooter, 'docusaurus-mt-lg')}>
                    <EditMetaRow className={clsx('margin-top--sm', ThemeClassNames.docs.docFooterEditMetaRow)} editUrl={editUrl} lastUpdatedAt={undefined} lastUpdatedBy={undefined} />
                  </footer>
                )}
              </article>
            </div>
            {toc.length > 0 && (
              <div className="col col--3">
                <TOC toc={[...toc]} minHeadingLevel={2} maxHeadingLevel={3} className={ThemeClassNames.docs.docTocDesktop} />
              </div>
            )}
          </div>
        </main>
      </Layout>
    </HtmlClassNameProvider>
  );
}
