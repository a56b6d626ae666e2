/**
 * Words the generated pages contain. They are translated like a docs instance's sidebar
 * labels: `docusaurus write-translations` writes them to
 * `i18n/<locale>/docusaurus-plugin-content-docs-<id>/model-atlas.json`.
 * Strings of the theme components are translated with `translate()` instead.
 */
import fs from 'node:fs';
import type {TranslationFile} from '@docusaurus/types';

const DEFAULT_MESSAGES = {
  'modelAtlas.page.overview': ['Model Atlas', 'Title of the atlas overview page'],
  'modelAtlas.page.overview.description': ['Every model of the atlas, by facet.', 'Description of the overview page'],
  'modelAtlas.page.explorer': ['Explorer', 'Title of the explorer page'],
  'modelAtlas.page.explorer.description': ['Every model in a table: sort, filter and search.', 'Description of the explorer page'],
  'modelAtlas.page.timeline': ['Timeline', 'Title of the timeline page'],
  'modelAtlas.page.timeline.description': ['Models by release year, one row per domain.', 'Description of the timeline page'],
  'modelAtlas.page.familyTree': ['Family tree', 'Title of the family-tree page'],
  'modelAtlas.page.familyTree.description': ['Which model derives from which.', 'Description of the family-tree page'],
  'modelAtlas.page.exports': ['Downloads', 'Heading of the exports list on the overview page'],
  'modelAtlas.facet.organization': ['Organization', 'Label of the organization facet'],
  'modelAtlas.facet.year': ['Year', 'Label of the year facet'],
  'modelAtlas.facet.description': ['Every term of this facet, with its number of models.', 'Description of a facet index page'],
  'modelAtlas.term.subTerms': ['Sub-terms', 'Heading of the sub-terms of a taxonomy term'],
  'modelAtlas.term.models': ['Models', 'Heading of the model list of a taxonomy term'],
  'modelAtlas.term.count': ['{count} models', 'Number of models of a term'],
  'modelAtlas.section.paper': ['Paper', 'Heading of the paper section of a model page'],
  'modelAtlas.section.lineage': ['Lineage', 'Heading of the lineage section of a model page'],
  'modelAtlas.lineage.more': ['+{count} more', "Node of a model page's lineage diagram for the models it leaves out; links to the family tree"],
  'modelAtlas.section.related': ['Related models', 'Heading of the related models section'],
  'modelAtlas.section.organization': ['More from {organization}', 'Heading of previous/next models of the same organization'],
  'modelAtlas.section.sources': ['Sources', 'Heading of the sources section'],
  'modelAtlas.section.mentions': ['Mentioned in', 'Heading of the list of pages that mention a model'],
  'modelAtlas.organization.previous': ['Previous: ', 'Before the previous model of the same organization'],
  'modelAtlas.organization.next': ['Next: ', 'Before the next model of the same organization'],
  'modelAtlas.source.supports': ['backs {fields}', 'After a source URL: the fields it backs'],
  'modelAtlas.source.via': ['read via {host}', 'After a source URL: the mirror it was read on'],
  'modelAtlas.page.survey': ['Survey coverage', 'Title of the page of models the survey covers'],
  'modelAtlas.page.survey.description': [
    'Which models the survey "A Comprehensive Survey on Pretrained Foundation Models" (arXiv 2302.09419) covers, by section, and which came after it.',
    'Description of the survey coverage page',
  ],
  'modelAtlas.survey.covered': ['In the survey', 'Heading of the models the survey covers'],
  'modelAtlas.survey.after': ['Not in the survey', 'Heading of the models the survey does not cover'],
  'modelAtlas.survey.section': ['Section {section}', 'A section of the survey'],
  'modelAtlas.survey.table': ['Table {table}', 'A table of the survey'],
  'modelAtlas.survey.row': ['printed as “{row}”', 'The name a survey table prints for a model'],
  'modelAtlas.section.survey': ['In the survey', 'Heading of what the survey says of a model'],
  'modelAtlas.section.cite': ['Cite', 'Heading of the citation box of a model page'],
  'modelAtlas.cite.paper': ['The paper, in BibTeX:', 'Before the BibTeX of the model\'s paper'],
  'modelAtlas.cite.entry': ['This atlas entry, in BibTeX:', 'Before the BibTeX of the atlas entry itself'],
  'modelAtlas.section.link': ['How to link this', 'Heading of the linking snippet of a model page'],
  'modelAtlas.link.directive': ['In Markdown with the Model Atlas remark plugin, link the model explicitly:', 'Before the :model directive snippet'],
  'modelAtlas.link.autolinked': ['Linked automatically wherever they appear in prose: ', 'Before the names of a model that the auto-linker links'],
  'modelAtlas.link.notAutolinked': ['Never linked automatically (ambiguous or shared): ', 'Before the names of a model that the auto-linker leaves alone'],
  'modelAtlas.link.formerIds': ['Former ids, still resolved: ', 'Before the former ids of a model'],
  'modelAtlas.link.allNames': ['Every linkable name of the atlas', 'Link to the page of every linkable name'],
  'modelAtlas.page.ids': ['Linkable names', 'Title of the page listing every linkable name and id'],
  'modelAtlas.page.ids.description': ['Every name and id that links to a model, and whether the auto-linker links it in prose.', 'Description of the linkable names page'],
  'modelAtlas.ids.names': ['Names and aliases', 'Heading of the names on the linkable names page'],
  'modelAtlas.ids.ids': ['Ids', 'Heading of the ids on the linkable names page'],
  'modelAtlas.ids.autolinked': ['auto-linked', 'A name the auto-linker links'],
  'modelAtlas.ids.ambiguous': ['not auto-linked: ambiguous', 'A name marked ambiguous'],
  'modelAtlas.ids.shared': ['not auto-linked: also names {models}', 'A name several models share'],
  'modelAtlas.ids.formerId': ['former id of', 'Between a former id and the model that has it now'],
  'modelAtlas.redirect.title': ['Moved: {name}', 'Title of the redirect page of a former model id'],
  'modelAtlas.redirect.text': ['This entry has moved to', 'Text of the redirect page of a former model id, before the link'],
  'modelAtlas.mentions.count': ['{count}×', 'Number of mentions of a model in one section of a page'],
  'modelAtlas.sidebar.models': ['Models', 'Sidebar category of model pages'],
  'modelAtlas.sidebar.browse': ['Browse', 'Sidebar category of facet pages'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageId = keyof typeof DEFAULT_MESSAGES;
export type Messages = Readonly<Record<MessageId, string>>;

/** Name of the plugin translation file (without `.json`). */
export const MESSAGES_FILE = 'model-atlas';

export function defaultTranslationFile(): TranslationFile {
  const content = Object.fromEntries(
    Object.entries(DEFAULT_MESSAGES).map(([id, [message, description]]) => [id, {message, description}]),
  );
  return {path: MESSAGES_FILE, content};
}

/** Default messages overridden by a translation file, if it exists. */
export function loadMessages(translationFilePath: string): Messages {
  const translated: Record<string, {message?: unknown}> = fs.existsSync(translationFilePath)
    ? JSON.parse(fs.readFileSync(translationFilePath, 'utf8'))
    : {};
  const entries = Object.entries(DEFAULT_MESSAGES).map(([id, [message]]) => {
    const localized = translated[id]?.message;
    return [id, typeof localized === 'string' ? localized : message];
  });
  return Object.fromEntries(entries) as Messages;
}

/** Replaces `{name}` placeholders; the result is text, never markup. */
export function format(message: string, values: Readonly<Record<string, string | number>>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
