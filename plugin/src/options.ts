/** Options of the Model Atlas plugin: defaults, Joi schema and types. */
import type {OptionValidationContext} from '@docusaurus/types';
import type {Options as DocsOptions} from '@docusaurus/plugin-content-docs';
import {createRequire} from 'node:module';

// Docusaurus loads plugins through jiti, whose default-import interop differs from Node's: require CommonJS.
const {Joi, RouteBasePathSchema}: typeof import('@docusaurus/utils-validation') = createRequire(import.meta.url)('@docusaurus/utils-validation');

/** What the generated sidebar lists. */
export type SidebarMode = 'auto' | 'full' | 'facets' | 'pages';
export type DataWarningSeverity = 'ignore' | 'log' | 'warn' | 'throw';
/**
 * How model pages are built: `docs` makes each a doc of the atlas's docs instance, `routes` a route of the
 * plugin (one JSON data module and the shared `@theme/ModelPage`), `auto` is `routes` past `MODEL_PAGES_ROUTES_FROM` models.
 */
export type ModelPagesMode = 'docs' | 'routes' | 'auto';

export interface PluginOptions {
  /** Plugin id; also the id of the composed docs instance. */
  readonly id: string;
  /** Dataset directory, relative to the site directory. */
  readonly path: string;
  /** URL path of the generated pages. */
  readonly routeBasePath: string;
  /**
   * `full` lists every model by domain, `facets` only overview, facet and term pages, `pages` only overview and
   * facet pages (the smallest: every atlas page loads its sidebar), `auto` is `full` up to `SIDEBAR_MODEL_LIMIT` models.
   */
  readonly sidebar: SidebarMode;
  /** Base URL of the dataset directory for "Edit this page" links, e.g. `https://github.com/o/r/edit/main/data`. */
  readonly editUrl: string | undefined;
  /** What to do with data warnings (errors always fail). */
  readonly onDataWarning: DataWarningSeverity;
  /** How model pages are built (see `ModelPagesMode`). */
  readonly modelPages: ModelPagesMode;
  /** Options passed to the composed `@docusaurus/plugin-content-docs` instance (our own take precedence for path, routeBasePath, sidebarPath and versioning). */
  readonly docs: Partial<DocsOptions>;
}

/** What users write in `docusaurus.config`. */
export type Options = Partial<PluginOptions>;

export const DEFAULT_OPTIONS = {
  id: 'model-atlas',
  path: 'data',
  routeBasePath: 'models',
  sidebar: 'auto',
  editUrl: undefined,
  onDataWarning: 'warn',
  modelPages: 'docs',
  docs: {},
} as const satisfies PluginOptions;

/** Past this many models, `sidebar: 'auto'` lists only facets and terms. */
export const SIDEBAR_MODEL_LIMIT = 500;

/** From this many models on, `modelPages: 'auto'` builds model pages as routes (see BENCHMARKS.md). */
export const MODEL_PAGES_ROUTES_FROM = 2000;

/** Whether model pages of a catalog of `count` models are routes of the plugin rather than docs. */
export function modelPagesAreRoutes(mode: ModelPagesMode, count: number): boolean {
  return mode === 'routes' || (mode === 'auto' && count >= MODEL_PAGES_ROUTES_FROM);
}

/** Options of the docs instance that the plugin sets itself. */
const OWNED_DOCS_OPTIONS = ['id', 'path', 'routeBasePath', 'sidebarPath', 'editUrl', 'disableVersioning', 'lastVersion', 'versions', 'onlyIncludeVersions', 'numberPrefixParser'];

/** Segments of letters, digits and URL-safe punctuation; never `.` or `..`. */
function isSafeRoutePath(value: string): boolean {
  return value
    .split('/')
    .filter((segment) => segment !== '')
    .every((segment) => segment !== '.' && segment !== '..' && !/[\\%?#\u0000-\u001F\u007F]/.test(segment));
}

const OptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string().default(DEFAULT_OPTIONS.id),
  path: Joi.string().default(DEFAULT_OPTIONS.path),
  routeBasePath: RouteBasePathSchema.disallow('', '/')
    .default(DEFAULT_OPTIONS.routeBasePath)
    // The exports and cards are written under this path: it must stay inside the build folder.
    .custom((value: string, helpers) => (isSafeRoutePath(value) ? value : helpers.error('routeBasePath.unsafe')))
    .messages({
      'any.invalid': '"routeBasePath" must name a path such as "models": the atlas cannot be the site root.',
      'routeBasePath.unsafe': '"routeBasePath" must be a URL path inside the site, such as "models" or "docs/models": "." and ".." segments, backslashes, "%", "?", "#" and control characters are refused.',
    }),
  sidebar: Joi.string().equal('auto', 'full', 'facets', 'pages').default(DEFAULT_OPTIONS.sidebar),
  // Default undefined: no edit links.
  editUrl: Joi.string().uri({scheme: ['http', 'https']}),
  onDataWarning: Joi.string().equal('ignore', 'log', 'warn', 'throw').default(DEFAULT_OPTIONS.onDataWarning),
  modelPages: Joi.string().equal('docs', 'routes', 'auto').default(DEFAULT_OPTIONS.modelPages),
  docs: Joi.object()
    .unknown()
    .keys(Object.fromEntries(OWNED_DOCS_OPTIONS.map((key) => [key, Joi.forbidden().messages({'any.unknown': `"docs.${key}" is set by Model Atlas; use the plugin's own options (id, path, routeBasePath) instead.`})])))
    .default(DEFAULT_OPTIONS.docs),
});

export function validateOptions({validate, options}: OptionValidationContext<Options | undefined, PluginOptions>): PluginOptions {
  // Docusaurus appends its own `id` key (default "default") to the schema: supply ours first.
  return validate(OptionsSchema, {id: DEFAULT_OPTIONS.id, ...options});
}
