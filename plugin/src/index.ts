/** Docusaurus lifecycle of Model Atlas: wiring only; the work is in data/ and generate/. */
import {createRequire} from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadedContent, PluginOptions as DocsPluginOptions} from '@docusaurus/plugin-content-docs';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {DataValidationError, formatDiagnostics, loadDatasetOrThrow, type Dataset, type Diagnostic} from './data/index.js';
import {buildAtlasFiles, buildModelPageFiles, defaultTranslationFile, type GenerateContext, type Mention, DOCS_DIR, loadMessages, MESSAGES_FILE, SIDEBARS_FILE, STATIC_DIR} from './generate/index.js';
import {generatedFolder, RESERVED_IDS} from './generate/paths.js';
import {cardShardCount} from './theme/ModelLinkCard/cardShard.js';
import {syncFolder, writeChangedFiles} from './generate/sync.js';
import remarkModelLinks from './link/remark.js';
import {scanMentions, type PageMention} from './link/mentions.js';
import {contentPages} from './generate/contentPages.js';
import {withoutDocCards} from './generate/versionProps.js';
import {SIDEBAR_MODEL_LIMIT, type DataWarningSeverity, type PluginOptions} from './options.js';

// Docusaurus loads plugins through jiti, whose default-import interop differs from Node's: require CommonJS.
const require = createRequire(import.meta.url);
const docsPlugin: typeof import('@docusaurus/plugin-content-docs') = require('@docusaurus/plugin-content-docs');
const {getPluginI18nPath}: typeof import('@docusaurus/utils') = require('@docusaurus/utils');
const {normalizePluginOptions}: typeof import('@docusaurus/utils-validation') = require('@docusaurus/utils-validation');
const {default: logger, PerfLogger}: typeof import('@docusaurus/logger') = require('@docusaurus/logger');

/** The composed docs instance must keep this name: the MDX loader and the theme look its data up by it. */
const DOCS_PLUGIN_NAME = 'docusaurus-plugin-content-docs';

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

/** Runs `work` as a step of Docusaurus's perf log (printed with `DOCUSAURUS_PERF_LOGGER=true`). */
function timed<T>(label: string, work: () => T): T {
  PerfLogger.start(label);
  try {
    return work();
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

export default async function pluginModelAtlas(context: LoadContext, options: PluginOptions): Promise<Plugin<LoadedContent>> {
  const {siteDir, generatedFilesDir, localizationDir, siteConfig, baseUrl, i18n} = context;
  const dataDir = path.resolve(siteDir, options.path);
  const outDir = generatedFolder(generatedFilesDir, options.id, i18n.currentLocale);
  const messages = loadMessages(
    getPluginI18nPath({localizationDir, pluginName: DOCS_PLUGIN_NAME, pluginId: options.id, subPaths: [`${MESSAGES_FILE}.json`]}),
  );

  const routeBasePath = options.routeBasePath.replace(/^\/|\/$/g, '');
  let mentions: ReadonlyMap<string, readonly Mention[]> = new Map();

  /** Loads the dataset and brings the generated folder up to date. Throws on invalid data. */
  function generate(): Dataset {
    const {dataset, diagnostics} = timed('Model Atlas: load and validate data', () => loadDatasetWithoutStack(dataDir));
    reportDataWarnings(diagnostics, options.onDataWarning);
    timed('Model Atlas: generate pages', () => syncFolder(outDir, buildAtlasFiles(dataset, generateContext(dataset))));
    return dataset;
  }

  function generateContext(dataset: Dataset): GenerateContext {
    return {
      routeBasePath,
      locale: i18n.currentLocale,
      messages,
      editUrl: options.editUrl,
      sidebarModels: options.sidebar === 'full' || (options.sidebar === 'auto' && dataset.models.length <= SIDEBAR_MODEL_LIMIT),
      sidebarTerms: options.sidebar !== 'pages',
      siteUrl: `${siteConfig.url.replace(/\/$/, '')}${baseUrl}`,
      siteTitle: siteConfig.title,
      trailingSlash: siteConfig.trailingSlash,
      mentions,
    };
  }

  // Generate before any plugin's loadContent: Docusaurus awaits every constructor first.
  let dataset = generate();
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
      tags: null,
      // Ids are data: "01-ai" must stay "01-ai", not lose a "number prefix" as hand-written docs do.
      numberPrefixParser: false,
      onInlineTags: 'ignore',
      // The dataset (with its hash) in the options also keys the MDX loader's cache.
      remarkPlugins: [[remarkModelLinks, {data: dataset, routeBasePath: `/${routeBasePath}`}], ...(options.docs.remarkPlugins ?? [])],
    },
  });
  const docs = await docsPlugin.default(context, docsOptions);
  let generated = true;

  return {
    ...docs,
    name: DOCS_PLUGIN_NAME,
    async loadContent() {
      // The constructor generated for the first load; later loads are dev reloads after a data change.
      if (!generated) dataset = generate();
      generated = false;
      return docs.loadContent!();
    },
    async contentLoaded(args) {
      const {actions} = args;
      await docs.contentLoaded!({
        ...args,
        actions: {
          ...actions,
          setGlobalData: (data: unknown) => actions.setGlobalData({...(data as object), modelAtlas: globalData(dataset, routeBasePath)}),
          addRoute: (route) => actions.addRoute(withoutDocCards(route)),
        },
      });
    },
    // Every content plugin has loaded: fill the "Mentioned in" slot of the model pages (MDX is compiled later).
    async allContentLoaded({allContent}) {
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
      if (changed.length === 0) return;
      timed('Model Atlas: write mentions', () => writeChangedFiles(outDir, buildModelPageFiles(dataset, generateContext(dataset), changed)));
    },
    getPathsToWatch: () => [path.join(dataDir, '**/*.{yaml,yml}')],
    getThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
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
