/**
 * Checks on the real dataset in data/: what the schema cannot say.
 * Survey tables are transcribed in test/fixtures/survey/ (from the survey's Tables 1-3);
 * rows that are not models are listed with a reason in not-models.yaml there.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import {loadDataset, parseArxivId} from '../../plugin/src/data/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SURVEY = path.join(ROOT, 'test/fixtures/survey');
const {dataset, diagnostics} = loadDataset(path.join(ROOT, 'data'));

interface Exclusion {
  table: 1 | 2 | 3;
  row: string;
  reason: string;
}

function surveyRows(): {table: 1 | 2 | 3; row: string}[] {
  const files = {1: 'survey_table1_nlp.csv', 2: 'survey_table2_cv.csv', 3: 'survey_table3_gl.csv'} as const;
  return Object.entries(files).flatMap(([table, file]) => {
    const [, ...lines] = fs.readFileSync(path.join(SURVEY, file), 'utf8').trim().split('\n');
    // The name is the third column; names have no commas.
    return lines.map((line) => ({table: Number(table) as 1 | 2 | 3, row: line.split(',')[2]!}));
  });
}

describe('the dataset in data/', () => {
  it('should load without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(dataset).toBeDefined();
  });

  const models = dataset?.models ?? [];

  it('should hold at least 250 models', () => {
    expect(models.length).toBeGreaterThanOrEqual(250);
  });

  it('should give every model a source, and a source for each of its facts', () => {
    expect(models.filter((m) => m.sources.length === 0).map((m) => m.id)).toEqual([]);
    expect(diagnostics.filter((d) => d.rule === 'unsourced-field').map((d) => `${d.file}:${d.line}`)).toEqual([]);
  });

  it('should date arXiv-based releases in the month of the arXiv id', () => {
    const contradictions = models.filter((m) => {
      const arxiv = m.paper.arxiv && parseArxivId(m.paper.arxiv);
      if (!arxiv || m.released.basis !== 'arxiv') return false;
      const [year, month] = m.released.date.split('-').map(Number);
      return year !== arxiv.year || (month !== undefined && month !== arxiv.month);
    });
    expect(contradictions.map((m) => m.id)).toEqual([]);
  });

  it('should never give two entries the same arXiv id', () => {
    const seen = new Map<string, string>();
    const duplicates = models.flatMap((m) => {
      if (!m.paper.arxiv) return [];
      const other = seen.get(m.paper.arxiv);
      seen.set(m.paper.arxiv, m.id);
      return other ? [`${other} and ${m.id}: ${m.paper.arxiv}`] : [];
    });
    expect(duplicates).toEqual([]);
  });

  it('should have an entry for every row of the survey tables, or say why not', () => {
    const exclusions = jsYaml.load(fs.readFileSync(path.join(SURVEY, 'not-models.yaml'), 'utf8')) as Exclusion[];
    const covered = new Set(models.flatMap((m) => (m.survey?.table && m.survey.row ? [`${m.survey.table}:${m.survey.row}`] : [])));
    for (const exclusion of exclusions) expect(exclusion.reason.length, `${exclusion.row} needs a reason`).toBeGreaterThan(10);
    const excluded = new Set(exclusions.map((e) => `${e.table}:${e.row}`));
    const missing = surveyRows().filter(({table, row}) => !covered.has(`${table}:${row}`) && !excluded.has(`${table}:${row}`));
    expect(missing).toEqual([]);
  });

  it('should mark the names the survey uses for two things as ambiguous', () => {
    for (const id of ['ernie-baidu', 'ernie-thu']) expect(dataset?.model(id)?.names[0]?.ambiguous, id).toBe(true);
  });
});
