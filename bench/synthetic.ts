/** Writes a synthetic but valid dataset of N models, for benchmarks. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Copies the real taxonomy and organizations, then writes `count` models with lineage chains. */
export function writeSyntheticDataset(count: number, dir = fs.mkdtempSync(path.join(os.tmpdir(), `model-atlas-${count}-`))): string {
  fs.mkdirSync(path.join(dir, 'models'), {recursive: true});
  for (const file of ['taxonomy.yaml', 'organizations.yaml']) fs.copyFileSync(path.join(ROOT, 'data', file), path.join(dir, file));
  const domains = ['nlp', 'cv', 'graph', 'speech', 'video', 'multimodal', 'code', 'unified'];
  const objectives = ['mlm', 'autoregressive-lm', 'masked-image-modeling', 'image-text-contrastive'];
  for (let i = 0; i < count; i++) {
    const id = `synthetic-${i}`;
    const year = 2015 + (i % 10);
    const month = String((i % 12) + 1).padStart(2, '0');
    const arxiv = `${String(year).slice(2)}${month}.${String(10000 + i).padStart(5, '0')}`;
    const parent = i % 10 === 0 ? '' : `lineage:\n  - {relation: builds-on, target: synthetic-${i - 1}}\n`;
    fs.writeFileSync(
      path.join(dir, 'models', `${id}.yaml`),
      `id: ${id}
name: Synthetic Model ${i}
aliases: [SM-${i}, 'SynthNet ${i}']
domain: ${domains[i % domains.length]}
architecture: transformer-encoder
objectives: [${objectives[i % objectives.length]}]
released: {date: ${year}-${month}, basis: arxiv}
organizations: [google]
paper: {title: 'Synthetic model number ${i}', arxiv: '${arxiv}', venue: arXiv}
sizes:
  - {variant: base, parameters: ${(i % 900) + 100}M}
${parent}summary: >-
  A synthetic model used to measure how the atlas scales. It has **bold** text, a [link](https://example.org)
  and \`code\`.
sources:
  - url: https://arxiv.org/abs/${arxiv}
    supports: [paper, released, organizations, sizes, lineage, architecture, objectives]
`,
    );
  }
  return dir;
}
