/**
 * The matcher's input: the ids, names (with their ambiguity) and former ids of the models to link to.
 * A Dataset and a published inventory (`inventory.json`) both go through `toLinkTargets`, so linking
 * from the data on disk and linking from an atlas hosted elsewhere compile the same structure.
 */
import type {Name} from '../data/types.js';

/** What linking needs to know of one model. */
export interface LinkTarget {
  readonly id: string;
  /** Display name: the label of `:model{#id}`. */
  readonly name: string;
  /** `name` first, then every alias. */
  readonly names: readonly Name[];
  /** Ids the model had before; `:model{#old-id}` still resolves to it. */
  readonly formerIds: readonly string[];
}

/** The models to link to, indexed. A `Dataset` is one as it is. */
export interface LinkTargets {
  /** Changes whenever any id or name changes: keys the matcher cache. */
  readonly hash: string;
  /** Every model, sorted by id. */
  readonly models: readonly LinkTarget[];
  model(id: string): LinkTarget | undefined;
  /** The model that had this id before. */
  formerModel(id: string): LinkTarget | undefined;
  /** Names that contain a model's name but are not that model (`lookalikes.yaml`): they block the name inside. */
  readonly lookalikes?: readonly string[];
}

/** Indexes models by id and former id. */
export function toLinkTargets(source: {readonly hash: string; readonly models: readonly LinkTarget[]; readonly lookalikes?: readonly string[]}): LinkTargets {
  const models = [...source.models].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(models.map((model) => [model.id, model]));
  const byFormerId = new Map(models.flatMap((model) => model.formerIds.map((id) => [id, model] as const)));
  return {hash: source.hash, models, model: (id) => byId.get(id), formerModel: (id) => byFormerId.get(id), lookalikes: source.lookalikes ?? []};
}
