/**
 * Props of the theme components, as the generated pages pass them (through JSON files).
 * `@theme/<Component>` declares its `Props` from these.
 */
import type {LineageRelation, ReleaseBasis} from '../data/index.js';
import type {ScaleLayout, TimelineLayout} from './pictures/charts.js';
import type {GraphInputEdge, GraphLayout} from './pictures/graph.js';

export type {GraphInputEdge, GraphLayout, PlacedEdge, PlacedNode} from './pictures/graph.js';
export type {ScaleLayout, TimelineLayout} from './pictures/charts.js';

export interface PageLink {
  readonly label: string;
  readonly permalink: string;
}

export interface FactValue {
  readonly label: string;
  /** Internal page of the value (a taxonomy term). */
  readonly permalink?: string;
  /** External http(s) link. */
  readonly href?: string;
  /** Active parameters of a mixture-of-experts size, formatted. */
  readonly active?: string;
  readonly basis?: ReleaseBasis;
}

export type FactId = 'released' | 'organizations' | 'domain' | 'architecture' | 'objectives' | 'sizes' | 'access' | 'license' | 'links' | 'survey';

export interface FactRow {
  readonly id: FactId;
  readonly values: readonly FactValue[];
  /** Numbers of the sources backing this row, as in the page's Sources list (1 is `sources[0]`). */
  readonly sources: readonly number[];
}

export interface ModelFactsProps {
  readonly rows: readonly FactRow[];
  /** URL of each source, once, in the order of the page's Sources list. */
  readonly sources: readonly string[];
}

/** A model named on another's page; its page is `permalinkBase` followed by its id. */
export interface ModelRef {
  readonly id: string;
  readonly label: string;
}

/** The other model of a lineage edge. */
export interface LineageLink extends ModelRef {
  readonly relation: LineageRelation;
}

/** Models deriving from a model by one relation. */
export interface LineageGroup {
  readonly relation: LineageRelation;
  readonly models: readonly ModelRef[];
}

/** A model this one derives from, with what the dataset says of the edge. */
export interface LineageParent extends LineageLink {
  readonly note?: string;
  readonly source?: string;
}

export interface ModelLineageProps {
  readonly model: string;
  /** Address of the model pages up to the id, such as `/models/`. */
  readonly permalinkBase: string;
  /** Models this one derives from. */
  readonly parents: readonly LineageParent[];
  /**
   * Models deriving from this one, by relation (in the dataset's order of relations), most-derived-from
   * first. The note and source of each edge are on the derived model's own page, where the edge is declared.
   */
  readonly children: readonly LineageGroup[];
  /** Derived models beyond `LINEAGE_LIST_LIMIT`, left to the family tree (`more.permalink`). */
  readonly unlisted?: number;
  /**
   * The model and its parents and children, laid out at build time: at most `LINEAGE_DIAGRAM_LIMIT` of
   * each side, the rest summed up in a node `more` that links to `more.permalink`.
   */
  readonly diagram: GraphLayout;
  /** The diagram's node (id `more.id`) that stands for the models it leaves out; links to the focused family tree. */
  readonly more?: PageLink & {readonly id: string; readonly count: number};
  /** Id of this model in the diagram. */
  readonly id: string;
}

/** A `<meta name content>` tag of the page head, as `[name, content]`. */
export type MetaTag = readonly [name: string, content: string];

export interface ModelStructuredDataProps {
  /** schema.org JSON-LD, as data: the component serialises it with `<`, `>` and `&` escaped. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Google Scholar's `citation_*` tags of the model's paper. */
  readonly meta?: readonly MetaTag[];
}

export interface ModelExplorerProps {
  /** URL path of `models.json`, without the site's base URL. */
  readonly dataUrl: string;
}

/** A domain of the atlas, in the order of its colour in the pictures. */
export interface DomainLink extends PageLink {
  readonly id: string;
}

/** The scale chart laid out twice: for the content column at desktop widths, and for a phone's. */
export interface ScaleCharts {
  readonly wide: ScaleLayout;
  readonly narrow: ScaleLayout;
}

export interface ModelTimelineProps {
  readonly domains: readonly DomainLink[];
  /** Drawn as a picture at desktop widths, as a list of years on a phone; both from this layout. */
  readonly timeline: TimelineLayout;
  readonly scale: ScaleCharts;
}

export interface FamilyNode extends PageLink {
  readonly id: string;
  readonly year: number;
  /** Index in `domains`. */
  readonly domain: number;
}

export interface ModelFamilyTreeProps {
  readonly domains: readonly DomainLink[];
  /** Models that take part in a lineage edge. */
  readonly nodes: readonly FamilyNode[];
  readonly edges: readonly GraphInputEdge[];
  /** The whole graph, laid out at build time; filters lay out their subgraphs in the browser. */
  readonly layout: GraphLayout;
}

/** The small per-model JSON file that hover cards load. */
export interface ModelCard {
  readonly name: string;
  readonly permalink: string;
  readonly date: string;
  readonly organizations: readonly string[];
  readonly domain: string;
  readonly parameters?: string;
  readonly summary: string;
}

/** An entry of a page's table of contents; `value` is HTML (escaped text), as `@theme/TOC` expects. */
export interface TocEntry {
  readonly value: string;
  readonly id: string;
  readonly level: number;
}

/**
 * The data module of a model page in page mode (`modelPages: 'routes'`): the same parts as the doc page of
 * docs mode, the Markdown sections as HTML trees (hast, built from the same mdast and auto-linked).
 */
export interface ModelPageProps {
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly editUrl?: string;
  readonly facts: ModelFactsProps;
  readonly lineage: ModelLineageProps;
  readonly structuredData: ModelStructuredDataProps;
  /** Summary and paper. */
  readonly beforeLineage: import('hast').Root;
  /** The lineage section's heading, when the model has lineage. */
  readonly lineageHeading?: {readonly id: string; readonly title: string};
  /** Related models, organization neighbours, sources, "Mentioned in". */
  readonly afterLineage: import('hast').Root;
  readonly toc: readonly TocEntry[];
}
