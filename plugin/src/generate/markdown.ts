/**
 * mdast construction and serialisation. Data only ever enters a page as mdast text
 * (escaped by `serialize`) or as JSON files that fixed import statements load; never
 * as concatenated MDX.
 */
import type {Heading, Link, List, ListItem, Paragraph, PhrasingContent, RootContent, Text} from 'mdast';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import jsYaml from 'js-yaml';
import {serialize} from './serialize.js';

export const text = (value: string): Text => ({type: 'text', value});

export const paragraph = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children});

export const link = (url: string, ...children: PhrasingContent[]): Link => ({type: 'link', url, children});

export const strong = (...children: PhrasingContent[]): PhrasingContent => ({type: 'strong', children});

export function heading(depth: 2 | 3, value: string): Heading {
  return {type: 'heading', depth, children: [text(value)]};
}

export function list(items: readonly PhrasingContent[][], ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((children): ListItem => ({type: 'listItem', spread: false, children: [paragraph(...children)]})),
  };
}

/** `import name from 'source'`: names and sources are ours, never data. */
export function esmImport(name: string, source: string): MdxjsEsm {
  return {type: 'mdxjsEsm', value: `import ${name} from ${JSON.stringify(source)};`};
}

/** Name under which a page imports the JSON file of its components' props. */
export const PROPS = 'atlasProps';

/** `<Name {...atlasProps.key} />`: the props come from the page's JSON file, never from MDX text. */
export function component(name: string, key: string): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: [{type: 'mdxJsxExpressionAttribute', value: `...${PROPS}.${key}`}],
    children: [],
  };
}

/**
 * Serialises front matter and an mdast body into an MDX document. Front matter is written by js-yaml, the
 * library Docusaurus reads it with (through gray-matter).
 */
export function toMdx(frontMatter: Readonly<Record<string, unknown>>, body: readonly RootContent[]): string {
  const yaml = jsYaml.dump(frontMatter, {lineWidth: -1, noRefs: true});
  const markdown = serialize(body);
  return `---\n${yaml}---\n\n${markdown}`;
}
