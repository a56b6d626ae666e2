/** Names and rule ids of the auto-linker's messages, in one place. */

/** `source` of every vfile message the auto-linker emits. */
export const SOURCE = 'remark-model-atlas';

export const LINK_RULES = {
  /** A name that several models share, or that is marked ambiguous, left unlinked. */
  ambiguousMention: 'ambiguous-mention',
  /** A `:model` directive whose id (or label) names no model. */
  unknownModel: 'unknown-model-id',
  /** A `:model` directive with a former id of a model: it resolves, with a warning naming the new id. */
  renamedModel: 'renamed-model-id',
} as const;

/** Name of the text directive that links a model explicitly: `:model[MAE]{#mae}`. */
export const DIRECTIVE_NAME = 'model';

/** Front matter key that names the model a page is about (it never links to itself). */
export const FRONT_MATTER_MODEL_KEY = 'model_atlas_id';
/** Front matter key that, set to `false`, leaves a page's prose unlinked (`:model` directives still link). */
export const FRONT_MATTER_AUTOLINK_KEY = 'model_atlas_autolink';
