import fs from 'node:fs';
import path from 'node:path';
import commonmark from 'commonmark-spec';
import type {Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {describe, expect, it} from 'vitest';
import {createParser, hasNestedLink, linkTree, normalizeTree, unlinkModels} from './helpers.js';

/** The shared corpus sits beside the project root (`../shared/corpus`), outside the repository. */
const DOCUSAURUS_DOCS = path.resolve(import.meta.dirname, '../../../shared/corpus/docusaurus-docs');
const hasDocusaurusDocs = fs.existsSync(DOCUSAURUS_DOCS);
/** Under CI the corpus must be there: a skipped check would pass silently. */
const requireCorpus = process.env.CI === 'true';

/** Names of the fixture models sprinkled into real documents so that there is something to link. */
const SPRINKLE = ' BERT, GPT-3.5 and wav2vec\n2.0 (not RoBERTa-large) ';

/**
 * The two rewrites Docusaurus applies before MDX sees a doc (`mdx1Compat.comments` and heading ids
 * `{#id}`), approximated: without them only 11 of the 88 docs parse with plain remark-mdx.
 */
const preprocessLikeDocusaurus = (text: string) => text.replace(/<!--([\s\S]*?)-->/g, '{/*$1*/}').replace(/ \{#[\w-]+\}$/gm, '');

/** Checks every invariant of auto-linking on one parsed tree; returns the number of links added. */
async function checkInvariants(original: Root, mdx: boolean, label: string): Promise<number> {
  const options = {once: false as const, headings: true};
  const linked = await linkTree(structuredClone(original), options, mdx);
  expect(toString(linked), label).toBe(toString(original));
  expect(hasNestedLink(linked), label).toBe(false);
  expect(unlinkModels(linked), label).toEqual(normalizeTree(original));
  const twice = await linkTree(structuredClone(linked), options, mdx);
  expect(normalizeTree(twice), label).toEqual(normalizeTree(linked));
  return JSON.stringify(linked).split('"url":"/models/').length - 1;
}

/** Adds fixture names to every text of a tree, so each example has names in all its contexts. */
function sprinkle(tree: Root): Root {
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type === 'text') node.value = `${node.value}${SPRINKLE}`;
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
  };
  visit(tree);
  return tree;
}

describe('invariants', () => {
  it('should keep the text, never nest links, be idempotent and be undone by unlinking, on every CommonMark spec example', async () => {
    const parser = createParser();
    let links = 0;
    for (const example of commonmark.tests) {
      const label = `spec example ${example.number} (${example.section})`;
      links += await checkInvariants(parser.parse(example.markdown), false, label);
      links += await checkInvariants(sprinkle(parser.parse(example.markdown)), false, `${label}, with names`);
    }
    expect(commonmark.tests.length).toBeGreaterThan(600);
    expect(links).toBeGreaterThan(1000);
  });

  it.skipIf(!hasDocusaurusDocs && !requireCorpus)(
    `should keep the invariants on the Docusaurus docs that parse as MDX after Docusaurus-like pre-processing${
      hasDocusaurusDocs ? '' : ` (SKIPPED: ${DOCUSAURUS_DOCS} is absent; it is a shared corpus outside the project)`
    }`,
    async (context) => {
      expect(hasDocusaurusDocs, `${DOCUSAURUS_DOCS} is absent (CI=true requires it: ../shared/corpus beside the project root)`).toBe(true);
      const files = fs.readdirSync(DOCUSAURUS_DOCS, {recursive: true, encoding: 'utf8'}).filter((file) => /\.mdx?$/.test(file));
      const parser = createParser(true);
      let parsed = 0;
      for (const file of files) {
        let tree: Root;
        try {
          tree = parser.parse(preprocessLikeDocusaurus(fs.readFileSync(path.join(DOCUSAURUS_DOCS, file), 'utf8')));
        } catch {
          continue; // Needs more of Docusaurus's own pipeline than the approximation above.
        }
        parsed++;
        await checkInvariants(tree, true, file);
        await checkInvariants(sprinkle(tree), true, `${file}, with names`);
      }
      context.annotate(`${parsed} of ${files.length} Docusaurus docs parse with remark-mdx and were checked`);
      console.info(`invariants: ${parsed} of ${files.length} Docusaurus docs parse with remark-mdx and were checked`);
      expect(parsed).toBeGreaterThan(0);
    },
    // 88 documents, each linked four times: about 20 s on a quiet machine; room for a shared one.
    180_000,
  );
});
