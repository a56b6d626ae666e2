/**
 * Props of the theme components, as the generated pages pass them (through JSON files).
 * `@theme/<Component>` declares its `Props` from these.
 */
import type {LineageRelation, ReleaseBasis} from '../data/index.js';

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

export type FactId = 'released' | 'organizations' | 'domain' | 'architecture' | 'objectives' | 'sizes' | 'access' | 'license' | 'links';

export interface FactRow {
  readonly id: FactId;
  readonly values: readonly FactValue[];
  /** Sources backing this row, numbered as in the page's Sources list. */
  readonly sources: readonly {readonly number: number; readonly url: string}[];
}

export interface ModelFactsProps {
  readonly rows: readonly FactRow[];
}

export interface LineageLink extends PageLink {
  readonly relation: LineageRelation;
  readonly note?: string;
  readonly source?: string;
}

export interface ModelLineageProps {
  readonly model: string;
  /** Models this one derives from. */
  readonly parents: readonly LineageLink[];
  /** Models deriving from this one. */
  readonly children: readonly LineageLink[];
}

export interface ModelStructuredDataProps {
  /** schema.org JSON-LD, serialised, with `<`, `>` and `&` escaped for a script element. */
  readonly json: string;
}

export interface ModelExplorerProps {
  /** URL path of `models.json`, without the site's base URL. */
  readonly dataUrl: string;
}

export interface TimelineModel extends PageLink {
  readonly year: number;
  readonly date: string;
}

export interface ModelTimelineProps {
  readonly years: readonly number[];
  readonly lanes: readonly {readonly label: string; readonly permalink: string; readonly models: readonly TimelineModel[]}[];
}

export interface FamilyNode extends PageLink {
  readonly id: string;
  readonly year: number;
  /** Generation: 0 for models deriving from none in the graph. */
  readonly layer: number;
  /** Position within the layer. */
  readonly order: number;
}

export interface ModelFamilyTreeProps {
  readonly nodes: readonly FamilyNode[];
  readonly edges: readonly {readonly from: string; readonly to: string; readonly relation: LineageRelation}[];
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
