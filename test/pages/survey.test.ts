/** Survey scope on the generated pages: the facts row, the "In the survey" section and the coverage page. */
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import {buildAtlasFiles} from '../../plugin/src/generate/index.js';
import {testContext} from './helpers.js';

const {dataset} = loadDatasetOrThrow(fileURLToPath(new URL('../../data', import.meta.url)));
const context = testContext();
const files = buildAtlasFiles(dataset, context);
/** A generated page with the serialiser's backslash escapes of punctuation removed. */
const page = (file: string) => String(files.get(file)).replace(/\\([!-/:-@[-`{-~])/g, '$1');
const facts = (id: string) =>
  (JSON.parse(String(files.get(`docs/_props/${id}.json`))) as {facts: {rows: {id: string; values: {label: string; permalink?: string}[]}[]}}).facts.rows;

describe('survey scope', () => {
  it('should say in the facts box where the survey covers a model, and link the coverage page', () => {
    expect(facts('bert').find((row) => row.id === 'survey')?.values).toEqual([{label: 'Section 3.1, Table 1', permalink: '/models/survey'}]);
    expect(facts('llama-2').find((row) => row.id === 'survey')?.values).toEqual([{label: 'Not in the survey', permalink: '/models/survey'}]);
  });

  it('should show what the survey printed differently, and nothing for a model it does not cover', () => {
    const bert = page('docs/bert.mdx');
    expect(bert).toContain('## In the survey');
    expect(bert).toContain('The table prints 2018, the arXiv year; the paper appeared at NAACL 2019.');
    expect(page('docs/llama-2.mdx')).not.toContain('## In the survey');
  });

  it('should list every model once on the coverage page: by survey section, then the others', () => {
    const survey = page('docs/survey.mdx');
    const covered = dataset.models.filter((model) => model.survey);
    expect(survey).toContain(`## In the survey (${covered.length})`);
    expect(survey).toContain(`## Not in the survey (${dataset.models.length - covered.length})`);
    for (const model of dataset.models) expect(survey.split(`](/models/${model.id})`).length - 1, model.id).toBe(1);
    const sections = [...survey.matchAll(/^### Section ([\d.]+)$/gm)].map((match) => match[1]!);
    expect(sections).toEqual([...sections].sort((a, b) => a.localeCompare(b, 'en', {numeric: true})));
    expect(survey.indexOf('](/models/bert)')).toBeLessThan(survey.indexOf('## Not in the survey'));
    expect(survey.indexOf('](/models/llama-2)')).toBeGreaterThan(survey.indexOf('## Not in the survey'));
  });

  it('should link the coverage page from the overview and the sidebar', () => {
    expect(page('docs/index.mdx')).toContain('[Survey coverage](/models/survey)');
    expect(String(files.get('sidebars.json'))).toContain('"survey"');
  });
});
