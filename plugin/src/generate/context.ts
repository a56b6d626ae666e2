/** What every page builder receives besides the Dataset. */
import type {Messages} from './messages.js';

/** A page that mentions a model (filled by the auto-linking scan). */
export interface Mention {
  readonly title: string;
  readonly permalink: string;
  /** Label of the docs version of the page, when its docs instance has several versions. */
  readonly version?: string;
  /** Mentions on the page. */
  readonly count?: number;
  /** The same mentions by section (a heading, or the top of the page), in page order. */
  readonly sections?: readonly {readonly heading?: string; readonly anchor?: string; readonly count: number}[];
}

export interface GenerateContext {
  /** URL path of the atlas, without slashes (`models`). */
  readonly routeBasePath: string;
  readonly locale: string;
  readonly messages: Messages;
  /** Base URL of the dataset directory for edit links. */
  readonly editUrl: string | undefined;
  /** Model pages are routes of the plugin (page mode), not docs: no MDX is generated for them. */
  readonly modelRoutes?: boolean;
  /** List every model in the sidebar, or only facets and terms. */
  readonly sidebarModels: boolean;
  /** List the terms of each facet in the sidebar (default), or only the facet pages, which list them. */
  readonly sidebarTerms?: boolean;
  /** Absolute URL of the site root (`siteConfig.url` + `baseUrl`), for structured data. */
  readonly siteUrl: string;
  /** The site's `trailingSlash` (`undefined`: Docusaurus's default), which decides the file of a static page. */
  readonly trailingSlash?: boolean;
  /** Title of the site (`siteConfig.title`): the publisher of atlas entries in BibTeX and the inventory's project. */
  readonly siteTitle?: string;
  /** Pages mentioning each model, by model id. */
  readonly mentions: ReadonlyMap<string, readonly Mention[]>;
}

/** Picks a label in the current locale, falling back to English. */
export function pickLabel(labels: Readonly<Record<string, string>>, locale: string): string {
  return labels[locale] ?? labels[locale.split('-')[0]!] ?? labels.en!;
}
