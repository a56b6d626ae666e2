/** The atlas's part of the bundler configuration (webpack, or rspack with Docusaurus Faster). */

/**
 * Theme modules that every model page renders, as paths under the theme folder: whole components, and of
 * `ModelGraph` (the lineage neighbourhood) the graph and its colours but not the pictures' domain legend.
 */
const MODEL_PAGE_MODULES = ['ModelPage/', 'ModelFacts/', 'ModelLineage/', 'ModelStructuredData/', 'ModelGraph/index.', 'ModelGraph/domainColour.', 'ModelGraph/styles.'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A folder as a regular expression that matches it with either path separator. */
const folderPattern = (folder: string) => folder.split(/[\\/]+/).filter(Boolean).map(escapeRegExp).join('[\\\\/]');

/**
 * The bundler configuration of the atlas: the components of a model page in one shared chunk. Each is
 * under the bundler's minimum size for a shared chunk, so without this every model page's chunk carries
 * its own copy (a memory term quadratic in the number of models). Rspack (Docusaurus Faster) honours it too.
 */
export function modelPageChunk(themePath: string) {
  const folder = folderPattern(themePath);
  return {
    optimization: {
      splitChunks: {
        cacheGroups: {
          modelAtlasPage: {
            test: new RegExp(`${folder}[\\\\/](${MODEL_PAGE_MODULES.map((module) => module.split('/').map(escapeRegExp).join('[\\\\/]')).join('|')})`),
            name: 'model-atlas-page',
            chunks: 'async',
            enforce: true,
            priority: 45,
          },
        },
      },
    },
  } as const;
}

/**
 * The pages' JSON data under `folders` (docs mode's props, page mode's route data, the docs plugin's
 * metadata of the atlas's pages) as whole objects. By default a production build records every nested key
 * of a JSON module for tree shaking: for the HTML trees of page mode that cost the bundler about 140 bytes
 * of memory a byte of JSON (BENCHMARKS.md). Pages use their data whole, so only the top-level keys are kept.
 */
export function pageDataRule(folders: readonly string[]) {
  return {
    test: new RegExp(`(${folders.map(folderPattern).join('|')})[\\\\/].*\\.json$`),
    type: 'json',
    parser: {exportsDepth: 1},
  } as const;
}
