/**
 * `docusaurus-plugin-model-atlas/remark`: links mentions of models in prose to their pages.
 * The attacher only normalises options and wires `linkModels` (autolink.ts) to unified.
 */
import type {Root} from 'mdast';
import type {Transformer} from 'unified';
import {linkModels} from './autolink.js';
import {FRONT_MATTER_AUTOLINK_KEY, FRONT_MATTER_MODEL_KEY, LINK_RULES, SOURCE} from './constants.js';
import {readFrontMatter} from './frontMatter.js';
import {normalizeOptions, type Options} from './options.js';

export type {Once, Options} from './options.js';
export type {Inventory, InventoryModel, InventoryName} from './inventory.js';

/**
 * Links the first mention of each model per section to its page (see `Options` for the rest); a page whose
 * front matter says `model_atlas_autolink: false` keeps its prose as written, but for `:model` directives.
 */
export default function remarkModelLinks(options: Options): Transformer<Root> {
  const settings = normalizeOptions(options);
  return (tree, file) => {
    const frontMatter = readFrontMatter(tree, file);
    const fromPage = frontMatter[FRONT_MATTER_MODEL_KEY];
    const currentModel = settings.currentModel ?? (typeof fromPage === 'string' ? fromPage : undefined);
    for (const mention of linkModels(tree, settings, file, currentModel, frontMatter[FRONT_MATTER_AUTOLINK_KEY] !== false)) {
      if (mention.kind !== 'ambiguous') continue;
      file.message(
        `"${mention.text}" may name ${mention.models.length > 1 ? `any of ${mention.models.join(', ')}` : `${mention.models[0]} or something else`}: not linked. Link it explicitly with :model[${mention.text}]{#${mention.models[0]}} if you mean a model.`,
        {place: mention.place, source: SOURCE, ruleId: LINK_RULES.ambiguousMention},
      );
    }
  };
}
