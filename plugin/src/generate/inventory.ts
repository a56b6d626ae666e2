/**
 * The public face of the dataset: every linkable name with its URL, as a Sphinx inventory
 * (`objects.inv`, read by intersphinx, mkdocstrings, Documenter.jl, quartodoc) and as `inventory.json`
 * (read by the remark plugin, and by any tool). Both come from one list of rows, so they never disagree
 * with each other, with the ids page, or with what the auto-linker does.
 */
import {deflateSync} from 'node:zlib';
import type {Dataset} from '../data/index.js';
import {INVENTORY_FORMAT, INVENTORY_VERSION, type Inventory, type InventoryModel} from '../link/inventory.js';
import {getMatcher} from '../link/matcher.js';
import type {GenerateContext} from './context.js';
import {modelPermalink} from './paths.js';

/** Domain and role of every entry of `objects.inv`: `:model:` in Sphinx once registered (see README). */
export const SPHINX_DOMAIN = 'std';
export const SPHINX_ROLE = 'model';

/** What a linkable string is. */
export type LinkableKind = 'id' | 'former-id' | 'name' | 'alias';

/** Why a name is not linked automatically (`undefined`: it is). */
export type NotAutolinked = 'ambiguous' | 'shared';

export interface Linkable {
  readonly text: string;
  readonly kind: LinkableKind;
  readonly model: string;
  /** For names and aliases: why it is not auto-linked, if it is not. */
  readonly notAutolinked?: NotAutolinked;
  /** For a shared name: every model that has it. */
  readonly sharedWith?: readonly string[];
}

/** Every id, former id, name and alias of the dataset, model by model (ids first). */
export function linkables(dataset: Dataset): Linkable[] {
  const matcher = getMatcher(dataset);
  return dataset.models.flatMap((model) => [
    {text: model.id, kind: 'id' as const, model: model.id},
    ...model.formerIds.map((id) => ({text: id, kind: 'former-id' as const, model: model.id})),
    ...model.names.map((name, index): Linkable => {
      const read = matcher.resolveName(name.text);
      const shared = read !== undefined && read.models.length > 1;
      const notAutolinked: NotAutolinked | undefined = shared ? 'shared' : read?.kind === 'model' ? undefined : 'ambiguous';
      return {
        text: name.text,
        kind: index === 0 ? 'name' : 'alias',
        model: model.id,
        ...(notAutolinked ? {notAutolinked} : {}),
        ...(shared ? {sharedWith: read.models} : {}),
      };
    }),
  ]);
}

/** `inventory.json`: each model with its names and their ambiguity, URL, domain and year. */
export function buildInventory(dataset: Dataset, context: GenerateContext, rows: readonly Linkable[] = linkables(dataset)): Inventory {
  const autolinked = new Set(rows.filter((row) => row.kind === 'name' || row.kind === 'alias').filter((row) => !row.notAutolinked).map((row) => `${row.model}\0${row.text}`));
  const models = dataset.models.map((model): InventoryModel => {
    const path = modelPermalink(context.routeBasePath, model.id);
    return {
      id: model.id,
      name: model.name,
      names: model.names.map((name) => ({...name, autolink: autolinked.has(`${model.id}\0${name.text}`)})),
      formerIds: model.formerIds,
      path,
      url: `${context.siteUrl}${path.slice(1)}`,
      domain: model.domain,
      year: model.released.year,
    };
  });
  return {format: INVENTORY_FORMAT, version: INVENTORY_VERSION, hash: dataset.hash, routeBasePath: `/${context.routeBasePath}`, siteUrl: context.siteUrl, models, lookalikes: dataset.lookalikes};
}

/** Sphinx priorities: 1 default, 2 less important, -1 kept out of search. */
const PRIORITY: Readonly<Record<LinkableKind, number>> = {id: 1, name: 1, alias: 2, 'former-id': -1};
/** Which of two equal strings wins: an id over a name over an alias over a former id. */
const RANK: Readonly<Record<LinkableKind, number>> = {id: 0, name: 1, alias: 2, 'former-id': 3};

/**
 * `objects.inv`, Sphinx inventory version 2: four header lines, then zlib-compressed lines
 * `name domain:role priority uri dispname`. URIs are relative to the folder of the inventory (the atlas's
 * route), so `intersphinx_mapping = {'atlas': ('https://site/models/', None)}` resolves them. A name that
 * several models share is left out (it cannot name one entry); the first of two equal strings wins.
 */
export function toObjectsInv(dataset: Dataset, project: string, rows: readonly Linkable[] = linkables(dataset)): Buffer {
  const seen = new Set<string>();
  const lines: string[] = [];
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
  for (const row of [...rows].sort((a, b) => RANK[a.kind] - RANK[b.kind])) {
    const name = oneLine(row.text);
    if (name === '' || row.notAutolinked === 'shared' || seen.has(name)) continue;
    seen.add(name);
    const model = dataset.model(row.model)!;
    const display = row.kind === 'id' || row.kind === 'former-id' ? oneLine(model.name) : '-';
    lines.push(`${name} ${SPHINX_DOMAIN}:${SPHINX_ROLE} ${PRIORITY[row.kind]} ${row.model} ${display}`);
  }
  const header = ['# Sphinx inventory version 2', `# Project: ${oneLine(project)}`, `# Version: ${dataset.hash}`, '# The remainder of this file is compressed using zlib.', ''].join('\n');
  return Buffer.concat([Buffer.from(header, 'utf8'), deflateSync(Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8'))]);
}
