/** The page of every linkable name: each name and id, its model, and whether the auto-linker links it. */
import type {PhrasingContent, RootContent} from 'mdast';
import type {Atlas, GeneratedPage} from './modelPage.js';
import type {Linkable} from './inventory.js';
import {heading, link, list, paragraph, text, toMdx} from './markdown.js';
import {format} from './messages.js';
import {IDS_DOC_FILE, modelPermalink} from './paths.js';
import {FRONT_MATTER_AUTOLINK_KEY} from '../link/constants.js';

const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});

/** One collator for the whole sort: `localeCompare` with options builds one a comparison. */
const collator = new Intl.Collator('en', {sensitivity: 'base'});
const byText = (a: Linkable, b: Linkable) => collator.compare(a.text, b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** Names are written as code: the page lists them, it does not mention the models (nothing is auto-linked here). */
export function buildIdsPage(atlas: Atlas, rows: readonly Linkable[]): GeneratedPage {
  const {dataset, context} = atlas;
  const {messages} = context;
  const modelLink = (id: string) => link(modelPermalink(context.routeBasePath, id), text(dataset.model(id)!.name));
  const status = (row: Linkable) =>
    row.notAutolinked === 'shared'
      ? format(messages['modelAtlas.ids.shared'], {models: row.sharedWith!.filter((id) => id !== row.model).join(', ')})
      : messages[row.notAutolinked === 'ambiguous' ? 'modelAtlas.ids.ambiguous' : 'modelAtlas.ids.autolinked'];
  const names = rows.filter((row) => row.kind === 'name' || row.kind === 'alias').sort(byText);
  const ids = rows.filter((row) => row.kind === 'id' || row.kind === 'former-id').sort(byText);
  const body: RootContent[] = [
    paragraph(text(messages['modelAtlas.page.ids.description'])),
    heading(2, messages['modelAtlas.ids.names']),
    list(names.map((row) => [code(row.text), text(' → '), modelLink(row.model), text(` — ${status(row)}`)])),
    heading(2, messages['modelAtlas.ids.ids']),
    list(
      ids.map((row) =>
        row.kind === 'id'
          ? [code(`:model{#${row.text}}`), text(' → '), modelLink(row.model)]
          : [code(`:model{#${row.text}}`), text(` — ${messages['modelAtlas.ids.formerId']} `), modelLink(row.model)],
      ),
    ),
  ];
  // Nothing to look for (the names are code, the models links): the auto-linker only walks the page.
  const frontMatter = {title: messages['modelAtlas.page.ids'], description: messages['modelAtlas.page.ids.description'], displayed_sidebar: 'atlas', [FRONT_MATTER_AUTOLINK_KEY]: false};
  return {file: IDS_DOC_FILE, mdx: toMdx(frontMatter, body)};
}
