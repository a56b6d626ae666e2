/** The atlas's part of the bundler configuration (webpack, or rspack with Docusaurus Faster). */

/**
 * Theme modules that every model page renders, as paths under the theme folder: whole components, and of
 * `ModelGraph` (the lineage neighbourhood) the graph and its colours but not the pictures' domain legend.
 */
const MODEL_PAGE_MODULES = ['ModelPage/', 'ModelFacts/', 'ModelLineage/', 'ModelStructuredData/', 'ModelGraph/index.', 'ModelGraph/domainColour.', 'ModelGraph/styles.'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The bundler configuration of the atlas: the components of a model page in one shared chunk. Each is
 * under the bundler's minimum size for a shared chunk, so without this every model page's chunk carries
 * its own copy (a memory term quadratic in the number of models). Rspack (Docusaurus Faster) honours it too.
 */
export function modelPageChunk(themePath: string) {
  const folder = themePath.split(/[\\/]+/).filter(Boolean).map(escapeRegExp).join('[\\\\/]');
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
