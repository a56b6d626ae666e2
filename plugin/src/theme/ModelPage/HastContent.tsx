import {createElement, type ReactNode} from 'react';
import type {Properties, Root} from 'hast';
import MDXComponents from '@theme/MDXComponents';
import type {Props} from '@theme/ModelPage/HastContent';

type Node = Root['children'][number];
type Components = Readonly<Record<string, Parameters<typeof createElement>[0]>>;

/** hast properties as React props: class names joined, lists of tokens spaced, booleans kept. */
function toProps(properties: Properties, key: number): Record<string, unknown> {
  const props: Record<string, unknown> = {key};
  for (const [name, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    props[name] = Array.isArray(value) ? value.join(' ') : value;
  }
  // Task-list checkboxes are read-only, as in rendered Markdown.
  if ('checked' in props) props.readOnly = true;
  return props;
}

/** Only elements and text are rendered: the trees never hold raw HTML, comments or MDX nodes. */
function render(node: Node, key: number, components: Components): ReactNode {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return null;
  const children = node.children.map((child, index) => render(child, index, components));
  return createElement(components[node.tagName] ?? node.tagName, toProps(node.properties, key), ...(children.length > 0 ? children : []));
}

/**
 * Markdown sections of a model page in page mode, as an HTML tree (hast) built at generation time.
 * Elements render through `MDXComponents`, like compiled Markdown: headings with anchors, code blocks,
 * links with hover cards. Text is React text, so it is always escaped.
 */
export default function HastContent({tree}: Props): ReactNode {
  const components = MDXComponents as unknown as Components;
  return <>{tree.children.map((child, index) => render(child, index, components))}</>;
}
