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
declare module '@theme/ModelGraph' {
  export interface Props {
    readonly layout: import('./generate/props.js').GraphLayout;
    /** Name and page of each node, by id. */
    readonly nodes: Readonly<Record<string, import('./generate/props.js').PageLink>>;
    /** Accessible name of the picture. */
    readonly label: string;
    /** The model of the page, drawn as the current one (not a link). */
    readonly current?: string;
    /** Index of a node's domain, for its colour. */
    readonly domainOf?: (id: string) => number | undefined;
    readonly zoom?: number;
    /** Id of a node that sums up models left out: its edges are drawn plain, without a relation. */
    readonly summary?: string;
  }
  export const RELATIONS: readonly import('./generate/props.js').GraphInputEdge['relation'][];
  export function RelationLegend(props: {relations: readonly import('./generate/props.js').GraphInputEdge['relation'][]}): import('react').ReactNode;
  export default function ModelGraph(props: Props): import('react').ReactNode;
}
declare module '@theme/ModelGraph/DomainLegend' {
  /** The colour of each domain, as in the pictures; each label links to the domain's page. */
  export default function DomainLegend(props: {domains: readonly import('./generate/props.js').DomainLink[]; shape: 'box' | 'dot'}): import('react').ReactNode;
}
declare module '@theme/ModelGraph/domainColour' {
  export {domainColour} from './theme/ModelGraph/domainColour.js';
}
declare module '@theme/ModelScaleChart' {
  export interface Props {
    readonly scale: import('./generate/props.js').ScaleCharts;
    readonly domains: readonly import('./generate/props.js').DomainLink[];
  }
  export default function ModelScaleChart(props: Props): import('react').ReactNode;
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
