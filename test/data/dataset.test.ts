/**
 * Checks on the real dataset in data/: what the schema cannot say.
 * Survey tables are transcribed in test/fixtures/survey/ (from the survey's Tables 1-3);
 * rows that are not models are listed with a reason in not-models.yaml there.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import {loadDataset, parseArxivId, RULES} from '../../plugin/src/data/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SURVEY = path.join(ROOT, 'test/fixtures/survey');
const {dataset, diagnostics} = loadDataset(path.join(ROOT, 'data'));

/** Models that real prose about foundation models mentions most, and models a PFM course teaches (issue 11). */
const COURSE_NAMES = [
  'ChatGLM-6B', 'DeepSeek-R1', 'DeepSeek-V3', 'Llama 2', 'Llama 3', 'InternLM', 'Qwen', 'Mistral 7B', 'GPT-3.5', 'MOSS', 'RWKV',
  'Baichuan 2', 'Vicuna', 'Gemma', 'LLaVA', 'ULMFiT', 'Perceiver IO', 'SEER', 'XLS-R', 'Graphormer', 'GIT', 'ViT-22B',
  'Sentence-BERT', 'GraphCodeBERT', 'w2v-BERT', 'Barlow Twins', 'VICReg', 'iBOT', 'EVA', 'GRACE', 'BGRL', 'VQ-VAE', 'VQGAN',
  'Parti', 'Muse', 'RETRO', 'PaLM-E', 'AudioLM', 'VALL-E', 'DeeBERT',
];

/** Spellings people write, and the model each means. */
const SPELLINGS: Readonly<Record<string, string>> = {
  GPT4: 'gpt-4',
  Wav2Vec2: 'wav2vec-2-0',
  Swin: 'swin-transformer',
  TransfoXL: 'transformer-xl',
  'ERNIE-Baidu': 'ernie-baidu',
  'ERNIE 1.0': 'ernie-baidu',
  'XLM-RoBERTa': 'xlm-r',
  'GPT-NeoX': 'gpt-neox-20b',
  'Megatron-BERT': 'megatron-lm',
  'DeBERTa-v2': 'deberta',
  'openai-gpt': 'gpt',
  'Multilingual BART': 'mbart',
  'BEiT v3': 'beit-3',
  通义千问: 'qwen',
  书生·浦语: 'internlm',
  中文LLaMA: 'chinese-llama',
};

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

  it('should hold at least 420 models', () => {
    expect(models.length).toBeGreaterThanOrEqual(420);
  });

  it('should cite only public https pages on the primary hosts it declares, and the arXiv abstract of every arXiv paper', () => {
    expect(dataset?.primaryHosts.length).toBeGreaterThan(0);
    const rules = new Set([RULES.unsafeSource, RULES.secondarySource, RULES.arxivSource]);
    expect(diagnostics.filter((d) => rules.has(d.rule as never)).map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });

  it('should resolve the names a 2026 course uses, by name or alias', () => {
    const named = (name: string) => dataset?.modelsNamed(name).map((m) => m.id) ?? [];
    const unresolved = COURSE_NAMES.filter((name) => named(name).length === 0);
    expect(unresolved).toEqual([]);
    for (const [name, id] of Object.entries(SPELLINGS)) expect(named(name), name).toContain(id);
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
