/** Front matter of a page, as Docusaurus passes it (`file.data.frontMatter`) or as remark-frontmatter parses it. */
import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import YAML from 'yaml';

/** The page's front matter; `{}` when there is none or it is not a YAML mapping. */
export function readFrontMatter(tree: Root, file: VFile): Record<string, unknown> {
  const given = file.data.frontMatter;
  if (isRecord(given)) return given;
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {};
  try {
    const parsed: unknown = YAML.parse(node.value);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

declare module 'vfile' {
  interface DataMap {
    /** Set by Docusaurus's MDX loader. */
    frontMatter: unknown;
  }
}
