/** URL paths and file paths of everything the plugin generates, in one place. */
import path from 'node:path';
import type {FacetViewId} from './facets.js';

export const OVERVIEW_PAGES = ['explorer', 'timeline', 'family-tree'] as const;
/** The page of models the survey covers, by section, and those after it. */
export const SURVEY_PAGE = 'survey';
export type OverviewPage = (typeof OVERVIEW_PAGES)[number];

/** Model ids that would collide with generated pages or static files: `validate` refuses them. */
export {RESERVED_IDS} from '../data/constants.js';

/** A folder name taken from a value the plugin does not choose (a locale, a plugin id). */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The folder the plugin generates into for one instance and locale, inside
 * `generatedFilesDir` (`.docusaurus/`). Throws, before anything is written,
 * when the plugin id or the locale is not a plain folder name: a locale such
 * as `../../../docs` would otherwise make the sync step delete user files.
 */
export function generatedFolder(generatedFilesDir: string, pluginId: string, locale: string): string {
  for (const [what, value] of [['plugin id', pluginId], ['locale', locale]] as const) {
    if (!SAFE_SEGMENT.test(value)) {
      throw new Error(`Model Atlas: the ${what} ${JSON.stringify(value)} cannot name a folder; use letters, digits, "_" and "-" only (such as "en" or "zh-Hans").`);
    }
  }
  return path.join(generatedFilesDir, 'docusaurus-plugin-model-atlas', pluginId, locale);
}

/** The absolute path of the relative path `file` in `dir`; throws when it would leave `dir`. */
export function resolveInside(dir: string, file: string): string {
  const target = path.resolve(dir, file);
  const relative = path.relative(dir, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`Model Atlas: refusing to write ${JSON.stringify(file)}, which is outside ${dir}.`);
  }
  return target;
}

export const modelPermalink = (base: string, id: string) => `/${base}/${id}`;
export const overviewPermalink = (base: string, page?: OverviewPage | typeof SURVEY_PAGE) => (page ? `/${base}/${page}` : `/${base}/`);
export const facetPermalink = (base: string, facet: FacetViewId) => `/${base}/${facet}/`;
export const termPermalink = (base: string, facet: FacetViewId, term: string) => `/${base}/${facet}/${term}`;

/** Static files, relative to the site root. */
export const exportPath = (base: string, ext: 'json' | 'csv' | 'bib') => `${base}/models.${ext}`;
/** The inventories: Sphinx's `objects.inv` and its JSON twin, relative to the site root. */
export const inventoryPath = (base: string, file: 'objects.inv' | 'inventory.json') => `${base}/${file}`;
/** The redirect page of a former model id, relative to the site root: where Docusaurus would write that page. */
export const redirectPath = (base: string, formerId: string, trailingSlash: boolean | undefined) =>
  trailingSlash === false ? `${base}/${formerId}.html` : `${base}/${formerId}/index.html`;
/** The page of every linkable name. */
export const IDS_DOC_FILE = 'ids.mdx';
export const idsPermalink = (base: string) => `/${base}/ids`;
/** The file of hover cards number `shard` (see `cardShard`). */
export const cardPath = (base: string, shard: number) => `${base}/cards/${shard}.json`;

/** Docs content files, relative to the generated docs folder. */
export const modelDocFile = (id: string) => `${id}.mdx`;
export const facetDocFile = (facet: FacetViewId) => `${facet}/index.mdx`;
export const termDocFile = (facet: FacetViewId, term: string) => `${facet}/${term}.mdx`;
/** Props of the theme components on a page, imported by the page as JSON. */
export const propsFile = (docFile: string) => `_props/${docFile.replace(/\.mdx$/, '.json')}`;

/** Import specifier of a page's props file, relative to the page. */
export const propsImport = (docFile: string) => {
  const relative = path.posix.relative(path.posix.dirname(docFile), propsFile(docFile));
  return relative.startsWith('.') ? relative : `./${relative}`;
};

/** Doc id of a docs content file, as plugin-content-docs computes it. */
export const docId = (docFile: string) => docFile.replace(/\.mdx$/, '');
