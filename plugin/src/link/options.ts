/** Options of the auto-linker, normalised once into `Settings`. */
import path from 'node:path';
import {loadDatasetOrThrow} from '../data/index.js';
import type {Dataset} from '../data/types.js';
import {inventoryTargets, readInventory, type Inventory} from './inventory.js';
import {getMatcher, type Matcher} from './matcher.js';
import {toLinkTargets, type LinkTargets} from './targets.js';

/** Which mentions of a model are linked: the first per section (between headings), page or paragraph, or all (`false`). */
export type Once = 'section' | 'page' | 'paragraph' | false;

/** Configuration. */
export interface Options {
  /** The dataset: its directory (relative to the working directory), or a loaded `Dataset`. Give this or `inventory`. */
  readonly data?: string | Dataset;
  /**
   * Instead of `data`: the `inventory.json` of a published atlas (its path, relative to the working
   * directory, or its parsed content), to link to an atlas hosted elsewhere.
   */
  readonly inventory?: string | Inventory;
  /**
   * With `inventory`: the URL of the published site's root (`'https://atlas.example/'`), or `'/'` when the
   * atlas is this site (optional, default: the `siteUrl` the inventory was built with).
   */
  readonly baseUrl?: string;
  /** URL path of the model pages (optional, default: `'/models'`, or the inventory's). */
  readonly routeBasePath?: string;
  /** End model URLs with a slash (optional, default: `false`). */
  readonly trailingSlash?: boolean;
  /** Link density (optional, default: `'section'`). */
  readonly once?: Once;
  /** Link mentions in headings too (optional, default: `false`). */
  readonly headings?: boolean;
  /**
   * Id of the model the page is about, never linked on it (optional). Without it, the `model_atlas_id`
   * front matter field of the page is used.
   */
  readonly currentModel?: string;
}

/** Options after normalisation, with the compiled matcher. */
export interface Settings {
  readonly matcher: Matcher;
  /** Put before `routeBasePath` in model URLs: `''` (a path on this site) or `https://atlas.example`. */
  readonly baseUrl: string;
  /** `/models`: a leading slash, no trailing slash. */
  readonly routeBasePath: string;
  readonly trailingSlash: boolean;
  readonly once: Once;
  readonly headings: boolean;
  readonly currentModel: string | undefined;
}

const ONCE_VALUES: readonly Once[] = ['section', 'page', 'paragraph', false];

/** `https://atlas.example/` → `https://atlas.example`; `/` → `` (a path on this site). */
function normalizeBaseUrl(baseUrl: string): string | undefined {
  if (!/^(https?:\/\/[^\s/?#]+)?\/[^\s?#]*$/.test(baseUrl)) return undefined;
  return baseUrl.replace(/\/+$/, '');
}

/** The models to link to, from the dataset or the inventory (through the same `toLinkTargets`). */
function loadTargets(options: Options): {targets: LinkTargets; inventory: Inventory | undefined} {
  const {data, inventory} = options;
  if (inventory !== undefined) {
    const parsed = typeof inventory === 'string' ? readInventory(path.resolve(inventory)) : inventory;
    return {targets: inventoryTargets(parsed), inventory: parsed};
  }
  const dataset = typeof data === 'string' ? loadDatasetOrThrow(path.resolve(data)).dataset : data!;
  return {targets: toLinkTargets(dataset), inventory: undefined};
}

/** Validates options and compiles (or reuses) the matcher. Throws one error listing every bad option. */
export function normalizeOptions(options: Options | null | undefined): Settings {
  if (!options || (options.data === undefined) === (options.inventory === undefined)) {
    throw new Error(
      'remark-model-atlas: the `data` option is required (the dataset directory, such as "data", or a loaded Dataset), or instead the `inventory` option (the inventory.json of a published atlas); not both.',
    );
  }
  const {once = 'section', headings = false, trailingSlash = false, currentModel, baseUrl} = options;
  const problems = [
    !ONCE_VALUES.includes(once) && `\`once\` must be 'section', 'page', 'paragraph' or false, not ${JSON.stringify(once)}.`,
    options.routeBasePath !== undefined && typeof options.routeBasePath !== 'string' && '`routeBasePath` must be a string such as "/models".',
    typeof trailingSlash !== 'boolean' && '`trailingSlash` must be a boolean.',
    typeof headings !== 'boolean' && '`headings` must be a boolean.',
    currentModel !== undefined && typeof currentModel !== 'string' && '`currentModel` must be a model id.',
    baseUrl !== undefined && options.inventory === undefined && '`baseUrl` goes with `inventory`: with `data`, links are paths on this site.',
    baseUrl !== undefined && (typeof baseUrl !== 'string' || normalizeBaseUrl(baseUrl) === undefined) &&
      '`baseUrl` must be an http(s) URL such as "https://atlas.example/", or "/" when the atlas is this site.',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(`remark-model-atlas: invalid options:\n- ${problems.join('\n- ')}`);
  const {targets, inventory} = loadTargets(options);
  const routeBasePath = options.routeBasePath ?? inventory?.routeBasePath ?? '/models';
  return {
    matcher: getMatcher(targets),
    baseUrl: normalizeBaseUrl(baseUrl ?? inventory?.siteUrl ?? '/') ?? '',
    routeBasePath: `/${routeBasePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, ''),
    trailingSlash,
    once,
    headings,
    currentModel,
  };
}

/** URL path of a model page: `/models/bert` (or `/models/bert/`). */
export function toModelUrl(settings: Settings, id: string): string {
  return `${settings.baseUrl}${settings.routeBasePath}/${id}${settings.trailingSlash ? '/' : ''}`;
}

/** The model a URL points to, if it is a model page of this dataset (any trailing slash, query or hash). */
export function findModelOfUrl(settings: Settings, url: string): string | undefined {
  const prefix = `${settings.baseUrl}${settings.routeBasePath}/`;
  if (!url.startsWith(prefix)) return undefined;
  const id = url.slice(prefix.length).replace(/[?#].*$/s, '').replace(/\/$/, '');
  return settings.matcher.dataset.model(id) ? id : undefined;
}
