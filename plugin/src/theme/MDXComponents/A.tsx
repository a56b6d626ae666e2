import type {ReactNode} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
// A theme enhancing another theme's component imports it as @theme-init (@theme-original would be itself).
import A from '@theme-init/MDXComponents/A';
import type {Props} from '@theme/MDXComponents/A';
import ModelLinkCard from '@theme/ModelLinkCard';
import {modelIdOf, useModelAtlasData} from '@theme/ModelLinkCard/useModelAtlasData';

/** Links in Markdown; those to a model page get a hover card. */
export default function AWrapper(props: Props): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const id = modelIdOf(props.href, useModelAtlasData(), siteConfig.baseUrl);
  return id ? (
    <ModelLinkCard id={id}>
      <A {...props} />
    </ModelLinkCard>
  ) : (
    <A {...props} />
  );
}
