/**
 * `inventory.json`, the public face of an atlas for tools that are not Sphinx: every model with its ids,
 * names (with their ambiguity), URL, domain and year. The build writes it (`generate/inventory.ts`); the
 * remark plugin reads it to link mentions to an atlas hosted elsewhere, through the same `toLinkTargets`
 * as a dataset.
 */
import fs from 'node:fs';
import type {Name} from '../data/types.js';
import {toLinkTargets, type LinkTargets} from './targets.js';

export const INVENTORY_FORMAT = 'model-atlas-inventory';
export const INVENTORY_VERSION = 1;

export interface InventoryName extends Name {
  /** Linked in prose by the auto-linker: not marked ambiguous, and no other model has it. */
  readonly autolink: boolean;
}

export interface InventoryModel {
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The name first, then every alias, each with its ambiguity. */
  readonly names: readonly InventoryName[];
  /** Ids the model had before; their URLs redirect to this one. */
  readonly formerIds: readonly string[];
  /** URL path of the model page from the site root (`/models/bert`). */
  readonly path: string;
  /** Absolute URL of the model page in this locale. */
  readonly url: string;
  readonly domain: string;
  readonly year: number;
}

export interface Inventory {
  readonly format: typeof INVENTORY_FORMAT;
  readonly version: typeof INVENTORY_VERSION;
  /** Hash of the dataset it was written from. */
  readonly hash: string;
  /** URL path of the atlas (`/models`). */
  readonly routeBasePath: string;
  /** Absolute URL of the site root in this locale (`https://example.com/zh-Hans/`). */
  readonly siteUrl: string;
  readonly models: readonly InventoryModel[];
  /** Names that contain a model's name but are not that model: never linked, nor the name inside (optional). */
  readonly lookalikes?: readonly string[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one model entry (its ids end up in URLs: they must be slugs). */
function modelProblems(model: unknown, at: string): string[] {
  if (!isObject(model)) return [`${at} is not an object.`];
  const problems: string[] = [];
  if (typeof model.id !== 'string' || !SLUG.test(model.id)) problems.push(`${at}.id must be a slug such as "bert".`);
  if (typeof model.name !== 'string' || model.name === '') problems.push(`${at}.name must be a non-empty string.`);
  const names = Array.isArray(model.names) ? model.names : [];
  if (names.length === 0) problems.push(`${at}.names must list the model's names.`);
  names.forEach((name, index) => {
    const ok = isObject(name) && typeof name.text === 'string' && typeof name.ambiguous === 'boolean' && typeof name.matchCase === 'boolean';
    if (!ok) problems.push(`${at}.names[${index}] must be {text, ambiguous, matchCase}.`);
  });
  const formerIds = model.formerIds;
  if (!Array.isArray(formerIds) || formerIds.some((id) => typeof id !== 'string' || !SLUG.test(id))) problems.push(`${at}.formerIds must be a list of slugs.`);
  return problems;
}

/** Checks the parsed content of an inventory file; throws one error listing every problem. */
export function parseInventory(value: unknown, file = 'inventory.json'): Inventory {
  const problems: string[] = [];
  if (!isObject(value) || value.format !== INVENTORY_FORMAT) {
    problems.push(`not a Model Atlas inventory: "format" must be "${INVENTORY_FORMAT}".`);
  } else {
    if (value.version !== INVENTORY_VERSION) problems.push(`version ${JSON.stringify(value.version)} is not supported (expected ${INVENTORY_VERSION}).`);
    if (typeof value.hash !== 'string') problems.push('"hash" must be a string.');
    if (typeof value.routeBasePath !== 'string' || !value.routeBasePath.startsWith('/')) problems.push('"routeBasePath" must be a URL path such as "/models".');
    if (!Array.isArray(value.models)) problems.push('"models" must be a list.');
    else value.models.forEach((model, index) => problems.push(...modelProblems(model, `models[${index}]`)));
    if (value.lookalikes !== undefined && (!Array.isArray(value.lookalikes) || value.lookalikes.some((name) => typeof name !== 'string' || name === ''))) {
      problems.push('"lookalikes" must be a list of names.');
    }
  }
  if (problems.length > 0) throw new Error(`remark-model-atlas: ${file} is not a valid inventory:\n- ${problems.join('\n- ')}\nUse the inventory.json that a Model Atlas build publishes next to objects.inv.`);
  return value as unknown as Inventory;
}

/** Reads and checks an `inventory.json` file. */
export function readInventory(file: string): Inventory {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`remark-model-atlas: cannot read the inventory ${file}: ${(error as Error).message}`, {cause: error});
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`remark-model-atlas: ${file} is not JSON: ${(error as Error).message}`, {cause: error});
  }
  return parseInventory(value, file);
}

/** The adapter: an inventory's models as the matcher's input, the same structure a Dataset compiles. */
export function inventoryTargets(inventory: Inventory): LinkTargets {
  return toLinkTargets({
    // Its own cache key: a matcher compiled from the inventory never stands in for the dataset's, or back.
    hash: `inventory:${inventory.hash}`,
    models: inventory.models.map((model) => ({
      id: model.id,
      name: model.name,
      names: model.names.map(({text, ambiguous, matchCase}) => ({text, ambiguous, matchCase})),
      formerIds: model.formerIds,
    })),
    lookalikes: inventory.lookalikes ?? [],
  });
}
