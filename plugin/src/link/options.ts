/** Options of the auto-linker, normalised once into `Settings`. */
import path from 'node:path';
import {loadDatasetOrThrow} from '../data/index.js';
import type {Dataset} from '../data/types.js';
import {getMatcher, type Matcher} from './matcher.js';

/** Which mentions of a model are linked: the first per section (between headings), page or paragraph, or all (`false`). */
export type Once = 'section' | 'page' | 'paragraph' | false;

/** Configuration. */
export interface Options {
  /** The dataset: its directory (relative to the working directory), or a loaded `Dataset`. */
  readonly data: string | Dataset;
  /** URL path of the model pages (optional, default: `'/models'`). */
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
  /** `/models`: a leading slash, no trailing slash. */
  readonly routeBasePath: string;
  readonly trailingSlash: boolean;
  readonly once: Once;
  readonly headings: boolean;
  readonly currentModel: string | undefined;
}

const ONCE_VALUES: readonly Once[] = ['section', 'page', 'paragraph', false];

/** Validates options and compiles (or reuses) the matcher. Throws one error listing every bad option. */
export function normalizeOptions(options: Options | null | undefined): Settings {
  if (!options || options.data === undefined) {
    throw new Error('remark-model-atlas: the `data` option is required: the dataset directory (such as "data") or a loaded Dataset.');
  }
  const {data, routeBasePath = '/models', trailingSlash = false, once = 'section', headings = false, currentModel} = options;
  const problems = [
    !ONCE_VALUES.includes(once) && `\`once\` must be 'section', 'page', 'paragraph' or false, not ${JSON.stringify(once)}.`,
    typeof routeBasePath !== 'string' && '`routeBasePath` must be a string such as "/models".',
    typeof trailingSlash !== 'boolean' && '`trailingSlash` must be a boolean.',
    typeof headings !== 'boolean' && '`headings` must be a boolean.',
    currentModel !== undefined && typeof currentModel !== 'string' && '`currentModel` must be a model id.',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(`remark-model-atlas: invalid options:\n- ${problems.join('\n- ')}`);
  const dataset = typeof data === 'string' ? loadDatasetOrThrow(path.resolve(data)).dataset : data;
  return {
    matcher: getMatcher(dataset),
    routeBasePath: `/${routeBasePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, ''),
    trailingSlash,
    once,
    headings,
    currentModel,
  };
}

/** URL path of a model page: `/models/bert` (or `/models/bert/`). */
export function toModelUrl(settings: Settings, id: string): string {
  return `${settings.routeBasePath}/${id}${settings.trailingSlash ? '/' : ''}`;
}

/** The model a URL points to, if it is a model page of this dataset (any trailing slash, query or hash). */
export function findModelOfUrl(settings: Settings, url: string): string | undefined {
  const prefix = `${settings.routeBasePath}/`;
  if (!url.startsWith(prefix)) return undefined;
  const id = url.slice(prefix.length).replace(/[?#].*$/s, '').replace(/\/$/, '');
  return settings.matcher.dataset.model(id) ? id : undefined;
}
