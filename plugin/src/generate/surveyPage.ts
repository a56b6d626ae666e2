/**
 * What the survey covers: a page of the models it discusses, by section, and of those it does not; on each
 * model page, where the survey places the model and what it printed differently.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import type {Model, SurveyRecord} from '../data/index.js';
import {compareByRelease} from './format.js';
import {heading, link, list, paragraph, text, toMdx} from './markdown.js';
import {format} from './messages.js';
import type {Atlas, GeneratedPage} from './modelPage.js';
import {FRONT_MATTER_AUTOLINK_KEY} from '../link/constants.js';
import {modelPermalink, overviewPermalink, SURVEY_PAGE} from './paths.js';
import type {FactValue} from './props.js';

/** Survey sections in reading order: 3.1 < 3.10 < 4. */
function compareSections(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? -1) - (y[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** "Section 3.1, Table 1", "Section 3.1" or "Table 1". */
function surveyPlace(atlas: Atlas, survey: SurveyRecord): string | undefined {
  const {messages} = atlas.context;
  const parts = [
    survey.section === undefined ? undefined : format(messages['modelAtlas.survey.section'], {section: survey.section}),
    survey.table === undefined ? undefined : format(messages['modelAtlas.survey.table'], {table: survey.table}),
  ];
  return parts.filter(Boolean).join(', ') || undefined;
}

/** The facts-box value: where the survey places the model, or that it does not cover it. */
export function surveyFact(atlas: Atlas, model: Model): FactValue {
  const {messages, routeBasePath} = atlas.context;
  const permalink = overviewPermalink(routeBasePath, SURVEY_PAGE);
  if (!model.survey) return {label: messages['modelAtlas.survey.after'], permalink};
  return {label: surveyPlace(atlas, model.survey) ?? messages['modelAtlas.survey.covered'], permalink};
}

/** "In the survey": where, the table row as printed, and the note on where the survey differs from the sources. */
export function surveySection(atlas: Atlas, model: Model): RootContent[] {
  const {survey} = model;
  if (!survey) return [];
  const {messages} = atlas.context;
  const row = survey.row === undefined || survey.row === model.name ? undefined : format(messages['modelAtlas.survey.row'], {row: survey.row});
  const line = [surveyPlace(atlas, survey), row].filter(Boolean).join(', ');
  if (!line && !survey.note) return [];
  return [heading(2, messages['modelAtlas.section.survey']), ...(line ? [paragraph(text(line))] : []), ...(survey.note ? [paragraph(text(survey.note))] : [])];
}

/** Models the survey covers grouped by section, or by table where the entry gives no section. */
function groupBySurveyPlace(atlas: Atlas, models: readonly Model[]): [string, Model[]][] {
  const {messages} = atlas.context;
  const groups = new Map<string, {order: string; models: Model[]}>();
  for (const model of models) {
    const {section, table} = model.survey!;
    const label =
      section !== undefined
        ? format(messages['modelAtlas.survey.section'], {section})
        : table !== undefined
          ? format(messages['modelAtlas.survey.table'], {table})
          : messages['modelAtlas.survey.covered'];
    // Sections first, in reading order; then tables; then entries that give neither.
    const order = section ?? (table === undefined ? '99999' : `9999.${table}`);
    const group = groups.get(label) ?? {order, models: []};
    group.models.push(model);
    groups.set(label, group);
  }
  return [...groups].sort(([, a], [, b]) => compareSections(a.order, b.order)).map(([label, group]) => [label, group.models.sort(compareByRelease)]);
}

export function buildSurveyPage(atlas: Atlas): GeneratedPage {
  const {dataset, context} = atlas;
  const {messages, routeBasePath} = context;
  const item = (model: Model): PhrasingContent[] => [link(modelPermalink(routeBasePath, model.id), text(model.name)), text(` (${model.released.date})`)];
  const covered = dataset.models.filter((model) => model.survey);
  const after = dataset.models.filter((model) => !model.survey);
  const body: RootContent[] = [
    paragraph(text(messages['modelAtlas.page.survey.description'])),
    heading(2, `${messages['modelAtlas.survey.covered']} (${covered.length})`),
    ...groupBySurveyPlace(atlas, covered).flatMap(([label, models]): RootContent[] => [heading(3, label), list(models.map(item))]),
    heading(2, `${messages['modelAtlas.survey.after']} (${after.length})`),
    list([...after].sort(compareByRelease).map(item)),
  ];
  return {
    file: `${SURVEY_PAGE}.mdx`,
    // Every model on it is a link already: the auto-linker has nothing to look for.
    mdx: toMdx({title: messages['modelAtlas.page.survey'], description: messages['modelAtlas.page.survey.description'], displayed_sidebar: 'atlas', [FRONT_MATTER_AUTOLINK_KEY]: false}, body),
  };
}
