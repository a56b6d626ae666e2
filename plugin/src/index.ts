/** Docusaurus lifecycle of Model Atlas: wiring only; the work is in data/ and generate/. */
import {createRequire} from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import type {LoadedContent, PluginOptions as DocsPluginOptions} from '@docusaurus/plugin-content-docs';
import type {PropVersionMetadata} from '@docusaurus/plugin-content-docs';
import type {LoadContext, Plugin, PluginContentLoadedActions, RouteConfig} from '@docusaurus/types';
import {DataValidationError, formatDiagnostics, loadDatasetOrThrow, type Dataset, type Diagnostic} from './data/index.js';
import {buildAtlasFilesWhileLayingOut, buildModelPageFiles, buildModelRoutes, defaultTranslationFile, type GenerateContext, type Mention, DOCS_DIR, loadMessages, MESSAGES_FILE, SIDEBARS_FILE, STATIC_DIR} from './generate/index.js';
import {generatedFolder, RESERVED_IDS} from './generate/paths.js';
import {modelEditUrl, TAGS_FILE} from './generate/modelPage.js';
import {cardShardCount} from './theme/ModelLinkCard/cardShard.js';
import {syncFolderWhile, writeChangedFiles} from './generate/sync.js';
import remarkModelLinks from './link/remark.js';
import {scanMentions, type PageMention} from './link/mentions.js';
import {contentPages} from './generate/contentPages.js';
import {withoutDocCards} from './generate/versionProps.js';
import {modelPagesAreRoutes, SIDEBAR_MODEL_LIMIT, type DataWarningSeverity, type PluginOptions} from './options.js';
import {normalizeOptions as normalizeLinkOptions} from './link/options.js';
import {modelPageChunk, pageDataRule} from './bundler.js';
import {layoutGraphAside} from './generate/pictures/layoutWorker.js';

// Docusaurus loads plugins through jiti, whose default-import interop differs from Node's: require CommonJS.
const require = createRequire(import.meta.url);
const docsPlugin: typeof import('@docusaurus/plugin-content-docs') = require('@docusaurus/plugin-content-docs');
const {createSlugger, docuHash, getPluginI18nPath, normalizeUrl}: typeof import('@docusaurus/utils') = require('@docusaurus/utils');
const {normalizePluginOptions}: typeof import('@docusaurus/utils-validation') = require('@docusaurus/utils-validation');
const {default: logger, PerfLogger}: typeof import('@docusaurus/logger') = require('@docusaurus/logger');

/** The composed docs instance must keep this name: the MDX loader and the theme look its data up by it. */
const DOCS_PLUGIN_NAME = 'docusaurus-plugin-content-docs';
/**
 * How long a dev reload waits before reading the data. The dev server's watcher (chokidar) drops every
 * change to a file within 50 ms of the one it reported: a file saved in two writes (emptied, then
 * written) would otherwise be read empty, and its final content never reloaded.
 */
const RELOAD_SETTLE_MS = 100;

/** What the theme (hover cards) reads from the docs instance's global data. */
export interface ModelAtlasGlobalData {
  readonly routeBasePath: string;
  /** Slugs under the route base path that are not model pages. */
  readonly reserved: readonly string[];
  /** Number of hover-card files (`cards/<n>.json`). */
  readonly cardShards: number;
}

function globalData(dataset: Dataset, routeBasePath: string): ModelAtlasGlobalData {
  return {routeBasePath, reserved: [...RESERVED_IDS], cardShards: cardShardCount(dataset.models.length)};
}

/**
 * The docs version data that every page of the atlas loads lists every doc (about 160 B a model). Only
 * `DocCard` reads it, for docs listed in a sidebar: when the sidebar does not list the models, their
 * entries are dropped, so that a page does not grow with the catalog.
 */
function withoutModelDocs(route: RouteConfig, isModelDoc: (docId: string) => boolean): RouteConfig {
  const version = route.props?.version as PropVersionMetadata | undefined;
  return {
    ...route,
    ...(route.routes ? {routes: route.routes.map((child) => withoutModelDocs(child, isModelDoc))} : {}),
    ...(version?.docs ? {props: {...route.props, version: {...version, docs: Object.fromEntries(Object.entries(version.docs).filter(([id]) => !isModelDoc(id)))}}} : {}),
  };
}

/** Runs `work` as a step of Docusaurus's perf log (printed with `DOCUSAURUS_PERF_LOGGER=true`). */
function timed<T>(label: string, work: () => T): T {
  PerfLogger.start(label);
  try {
    return work();
  } finally {
    PerfLogger.end(label);
  }
}

async function timedAsync<T>(label: string, work: () => Promise<T>): Promise<T> {
  PerfLogger.start(label);
  try {
    return await work();
  } finally {
    PerfLogger.end(label);
  }
}

/** Reports data warnings as the `onDataWarning` option says (errors always fail). */
function reportDataWarnings(diagnostics: readonly Diagnostic[], severity: DataWarningSeverity): void {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length === 0 || severity === 'ignore') return;
  if (severity === 'throw') throw new DataValidationError(warnings);
  const message = `Model Atlas: ${warnings.length} data warning(s):\n${formatDiagnostics(warnings)}\nSet onDataWarning: 'ignore' to silence them.`;
  if (severity === 'log') logger.info(message);
  else logger.warn(message);
}

/** Invalid data is the user's problem, not ours: report the diagnostics without our stack frames. */
function loadDatasetWithoutStack(dataDir: string): ReturnType<typeof loadDatasetOrThrow> {
  try {
    return loadDatasetOrThrow(dataDir);
  } catch (error) {
    if (error instanceof DataValidationError) error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
}

const themePath = fileURLToPath(new URL('./theme', import.meta.url));

export default async function pluginModelAtlas(context: LoadContext, options: PluginOptions): Promise<Plugin<LoadedContent>> {
  const {siteDir, generatedFilesDir, localizationDir, siteConfig, baseUrl, i18n} = context;
  const dataDir = path.resolve(siteDir, options.path);
  const outDir = generatedFolder(generatedFilesDir, options.id, i18n.currentLocale);
  const messages = loadMessages(
    getPluginI18nPath({localizationDir, pluginName: DOCS_PLUGIN_NAME, pluginId: options.id, subPaths: [`${MESSAGES_FILE}.json`]}),
  );

  const routeBasePath = options.routeBasePath.replace(/^\/|\/$/g, '');
  let mentions: ReadonlyMap<string, readonly Mention[]> = new Map();
  /** Page mode (`modelPages`): model pages are routes of this plugin, decided anew with each dataset. */
  let modelRoutes = false;

  /**
   * Loads the dataset and starts bringing the generated folder up to date: the pages are built before it
   * returns, while the family tree's layout and the writes go on in worker threads until `written`. The
   * sidebars file is written at once: the docs instance's constructor wants it. Throws on invalid data.
   */
  function generate(): {dataset: Dataset; written: Promise<unknown>} {
    const {dataset, diagnostics} = timed('Model Atlas: load and validate data', () => loadDatasetWithoutStack(dataDir));
    reportDataWarnings(diagnostics, options.onDataWarning);
    modelRoutes = modelPagesAreRoutes(options.modelPages, dataset.models.length);
    const written = timed('Model Atlas: generate pages', () =>
      syncFolderWhile(outDir, (files) => buildAtlasFilesWhileLayingOut(dataset, generateContext(dataset), layoutGraphAside, files), new Set([SIDEBARS_FILE])),
    );
    // Awaited by `finishWriting`: until then a failure is not unhandled.
    written.catch(() => undefined);
    return {dataset, written};
  }

  const finishWriting = (written: Promise<unknown>) => timedAsync('Model Atlas: finish writing pages', () => written);

  function generateContext(dataset: Dataset): GenerateContext {
    return {
      routeBasePath,
      locale: i18n.currentLocale,
      messages,
      editUrl: options.editUrl,
      modelRoutes,
      sidebarModels: !modelRoutes && (options.sidebar === 'full' || (options.sidebar === 'auto' && dataset.models.length <= SIDEBAR_MODEL_LIMIT)),
      sidebarTerms: options.sidebar !== 'pages',
      siteUrl: `${siteConfig.url.replace(/\/$/, '')}${baseUrl}`,
      siteTitle: siteConfig.title,
      trailingSlash: siteConfig.trailingSlash,
      mentions,
    };
  }

  // Generate before any plugin's loadContent: Docusaurus awaits every constructor first. The other plugins
  // start while the writes go on; the first loadContent waits for them.
  const first = generate();
  let dataset = first.dataset;
  // The docs instance's constructor checks that its folder and sidebars file exist. Without the sidebars
  // file, generation has failed: its error then says why.
  fs.mkdirSync(path.join(outDir, DOCS_DIR), {recursive: true});
  if (!fs.existsSync(path.join(outDir, SIDEBARS_FILE))) await first.written;
  const staticDir = path.join(outDir, STATIC_DIR);
  if (!siteConfig.staticDirectories.includes(staticDir)) siteConfig.staticDirectories.push(staticDir);

  const docsOptions: DocsPluginOptions = docsPlugin.validateOptions({
    validate: normalizePluginOptions as never,
    options: {
      ...options.docs,
      id: options.id,
      path: path.join(outDir, DOCS_DIR),
      routeBasePath: options.routeBasePath,
      sidebarPath: path.join(outDir, SIDEBARS_FILE),
      tags: TAGS_FILE,
      // A model page's "Edit this page" opens its YAML file; the generated taxonomy pages have none. A
      // function rather than front matter, so the address is not carried twice by every page's scripts.
      editUrl: ({docPath}: {docPath: string}) => {
        const model = dataset.model(docPath.replace(/\.mdx$/, ''));
        return model && modelEditUrl(options.editUrl, model);
      },
      // Ids are data: "01-ai" must stay "01-ai", not lose a "number prefix" as hand-written docs do.
      numberPrefixParser: false,
      onInlineTags: 'throw',
      // The dataset (with its hash) in the options also keys the MDX loader's cache.
      remarkPlugins: [[remarkModelLinks, {data: dataset, routeBasePath: `/${routeBasePath}`}], ...(options.docs.remarkPlugins ?? [])],
    },
  });
  const docs = await docsPlugin.default(context, docsOptions);
  /** The constructor's writes, until the first load waits for them. Later loads are dev reloads after a data change. */
  let firstLoad: Promise<unknown> | undefined = first.written;
  /** Dev reloads, one after the other: one that began later reads later data and must write last. */
  let reloads: Promise<unknown> = Promise.resolve();

  /** Page mode: one route per model, its data in a JSON module, rendered by `@theme/ModelPage`. */
  async function addModelRoutes({createData, addRoute}: Pick<PluginContentLoadedActions, 'createData' | 'addRoute'>): Promise<void> {
    const linker = normalizeLinkOptions({data: dataset, routeBasePath: `/${routeBasePath}`});
    const messages: string[] = [];
    const label = 'Model Atlas: build model routes';
    PerfLogger.start(label);
    const written: Promise<void>[] = [];
    for (const [id, route] of buildModelRoutes(dataset, generateContext(dataset), linker, createSlugger)) {
      messages.push(...route.messages);
      const data = JSON.stringify(route.props);
      written.push(
        createData(`model-${docuHash(id)}.json`, data).then((page) => {
          addRoute({path: normalizeUrl([baseUrl, routeBasePath, id]), component: '@theme/ModelPage', exact: true, modules: {page}});
        }),
      );
    }
    await Promise.all(written);
    PerfLogger.end(label);
    if (messages.length > 0) logger.warn(`Model Atlas: ${messages.length} auto-link warning(s) on model pages:\n- ${messages.join('\n- ')}`);
  }

  return {
    ...docs,
    name: DOCS_PLUGIN_NAME,
    async loadContent() {
      if (firstLoad) {
        const pending = firstLoad;
        firstLoad = undefined;
        await finishWriting(pending);
      } else {
        const reload = reloads.then(async () => {
          await sleep(RELOAD_SETTLE_MS);
          const next = generate();
          await finishWriting(next.written);
          return next.dataset;
        });
        reloads = reload.catch(() => undefined);
        dataset = await reload;
      }
      return docs.loadContent!();
    },
    async contentLoaded(args) {
      const {actions} = args;
      await docs.contentLoaded!({
        ...args,
        actions: {
          ...actions,
          setGlobalData: (data: unknown) => actions.setGlobalData({...(data as object), modelAtlas: globalData(dataset, routeBasePath)}),
          addRoute: (route) => actions.addRoute(withoutDocCards(generateContext(dataset).sidebarModels ? route : withoutModelDocs(route, (id) => dataset.model(id) !== undefined))),
        },
      });
    },
    // Every content plugin has loaded: fill the "Mentioned in" slot of the model pages (MDX is compiled later).
    async allContentLoaded({allContent, actions}) {
      const pages = contentPages(allContent, siteDir).filter((page) => !page.file.startsWith(outDir));
      const byFile = new Map(pages.map((page) => [page.file, page]));
      const files = pages.map((page) => ({path: page.file, value: fs.readFileSync(page.file, 'utf8')}));
      const report = timed('Model Atlas: scan mentions', () => scanMentions(files, {data: dataset, routeBasePath: `/${routeBasePath}`}));
      const previous = mentions;
      const toMention = ({file, title, count, sections}: PageMention): Mention => {
        const {permalink, version} = byFile.get(file)!;
        const named = sections.map(({heading, anchor, count: inSection}) => ({...(heading === undefined ? {} : {heading}), ...(anchor === undefined ? {} : {anchor}), count: inSection}));
        return {title, permalink, ...(version === undefined ? {} : {version}), count, sections: named};
      };
      mentions = new Map([...report.models].map(([id, found]) => [id, found.map(toMention)]));
      const changed = [...new Set([...previous.keys(), ...mentions.keys()])].filter(
        (id) => dataset.model(id) && JSON.stringify(previous.get(id)) !== JSON.stringify(mentions.get(id)),
      );
      if (modelRoutes) await addModelRoutes(actions);
      else if (changed.length > 0) timed('Model Atlas: write mentions', () => writeChangedFiles(outDir, buildModelPageFiles(dataset, generateContext(dataset), changed)));
    },
    // The docs instance's configuration (its MDX loader) and ours; the server bundle is not split into chunks.
    configureWebpack(config, isServer, utils, content) {
      const docsConfig = docs.configureWebpack!(config, isServer, utils, content) || {};
      const dataRule = pageDataRule([outDir, path.join(generatedFilesDir, DOCS_PLUGIN_NAME, options.id)]);
      const withData = {...docsConfig, module: {...docsConfig.module, rules: [...(docsConfig.module?.rules ?? []), dataRule]}};
      return isServer ? withData : {...withData, ...modelPageChunk(themePath)};
    },
    getPathsToWatch: () => [path.join(dataDir, '**/*.{yaml,yml}')],
    getThemePath: () => themePath,
    getTypeScriptThemePath: () => fileURLToPath(new URL('../src/theme', import.meta.url)),
    async getTranslationFiles(args) {
      return [...(await docs.getTranslationFiles!(args)), defaultTranslationFile()];
    },
    translateContent: ({content, translationFiles}) =>
      docs.translateContent!({content, translationFiles: translationFiles.filter((file) => file.path !== MESSAGES_FILE)}),
  };
}

export {validateOptions} from './options.js';
export {getSwizzleConfig} from './getSwizzleConfig.js';
export type {Options, PluginOptions} from './options.js';
