/// <reference types="@docusaurus/module-type-aliases" />
/// <reference types="@docusaurus/theme-classic" />
/** Theme components of Model Atlas; their props are the JSON the generated pages pass. */

declare module '@theme/ModelFacts' {
  export type Props = import('./generate/props.js').ModelFactsProps;
  export default function ModelFacts(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelLineage' {
  export type Props = import('./generate/props.js').ModelLineageProps;
  export default function ModelLineage(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelStructuredData' {
  export type Props = import('./generate/props.js').ModelStructuredDataProps;
  export default function ModelStructuredData(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelPage' {
  export interface Props {
    /** The route's data module. */
    readonly page: import('./generate/props.js').ModelPageProps;
  }
  export default function ModelPage(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelPage/HastContent' {
  export interface Props {
    /** A Markdown section as an HTML tree. */
    readonly tree: import('hast').Root;
  }
  export default function HastContent(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelExplorer' {
  export type Props = import('./generate/props.js').ModelExplorerProps;
  export default function ModelExplorer(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelTimeline' {
  export type Props = import('./generate/props.js').ModelTimelineProps;
  export default function ModelTimeline(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelFamilyTree' {
  export type Props = import('./generate/props.js').ModelFamilyTreeProps;
  export default function ModelFamilyTree(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelLinkCard' {
  export interface Props {
    /** Id of the model the wrapped link points to. */
    readonly id: string;
    /** The link. */
    readonly children: import('react').ReactNode;
  }
  export default function ModelLinkCard(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelLineage/relationLabel' {
  export {relationLabel} from './theme/ModelLineage/relationLabel.js';
}
declare module '@theme/ModelLinkCard/cardShard' {
  export {cardShard, cardShardCount, CARDS_PER_FILE} from './theme/ModelLinkCard/cardShard.js';
}
declare module '@theme/ModelLinkCard/useModelAtlasData' {
  export type {ModelAtlasData} from './theme/ModelLinkCard/useModelAtlasData.js';
  export {useModelAtlasData, modelIdOf} from './theme/ModelLinkCard/useModelAtlasData.js';
}
