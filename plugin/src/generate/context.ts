/** What every page builder receives besides the Dataset. */
import type {Messages} from './messages.js';

/** A page that mentions a model (filled by the auto-linking scan). */
export interface Mention {
  readonly title: string;
  readonly permalink: string;
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
  /** Absolute URL of the site root (`siteConfig.url` + `baseUrl`), for structured data. */
  readonly siteUrl: string;
  /** Pages mentioning each model, by model id. */
  readonly mentions: ReadonlyMap<string, readonly Mention[]>;
}

/** Picks a label in the current locale, falling back to English. */
export function pickLabel(labels: Readonly<Record<string, string>>, locale: string): string {
  return labels[locale] ?? labels[locale.split('-')[0]!] ?? labels.en!;
}
