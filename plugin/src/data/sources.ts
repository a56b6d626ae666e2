/**
 * Where a source URL may point. A source is a page someone can open and check:
 * `https:` on a public host, never a local path, an IP address or a proxy that
 * wraps another address. A dataset may declare its primary hosts (preprint
 * servers, proceedings, the authors' own sites, repositories and model cards);
 * sources elsewhere are secondary.
 */
import {pushTo} from './dataset.js';

/**
 * Why a URL cannot be a source, or `undefined` when it can. A mirror (`via`)
 * may be plain `http:`, as old mirrors often are; the primary page may not.
 */
export function unsafeSourceUrl(url: string, options: {allowHttp?: boolean} = {}): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a valid URL';
  }
  if (parsed.protocol !== 'https:' && !(options.allowHttp && parsed.protocol === 'http:')) return `it uses ${parsed.protocol.replace(/:$/, '')}, not https`;
  if (parsed.username || parsed.password) return 'it carries a user name or password';
  if (parsed.port) return `it names a port (${parsed.port})`;
  const host = parsed.hostname;
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('[')) return 'its host is an IP address';
  if (!host.includes('.') || host.endsWith('.') || /\.(local|localhost|internal|lan|home|test|invalid|example)$/.test(host)) {
    return `its host "${host}" is not a public domain`;
  }
  const rest = decodeRepeatedly(parsed.pathname + parsed.search);
  if (/https?:|https?-|\/\/[a-z0-9-]+\.[a-z]/i.test(rest)) return 'it wraps another address (a proxy or redirect)';
  if (/:\/tmp\/|\.(?:zip|tar|tgz|gz)[:?]/i.test(rest)) return 'it points inside an archive or a local file';
  return undefined;
}

function decodeRepeatedly(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** Path prefixes (lowercase segments; empty for the whole host) of each host, for one list of patterns. */
type HostIndex = ReadonlyMap<string, readonly (readonly string[])[]>;
const hostIndexes = new WeakMap<readonly string[], HostIndex>();

function hostIndex(patterns: readonly string[]): HostIndex {
  let index = hostIndexes.get(patterns);
  if (!index) {
    const prefixes = new Map<string, string[][]>();
    for (const pattern of patterns) {
      const [host, ...prefix] = pattern.toLowerCase().split('/');
      pushTo(prefixes, host!, prefix);
    }
    index = prefixes;
    hostIndexes.set(patterns, index);
  }
  return index;
}

/**
 * True when the URL is on one of the primary-host patterns: `arxiv.org` (the
 * host and its paths) or `github.com/google-research` (paths under that
 * prefix, segment by segment). The patterns are indexed by host once per list.
 */
export function isPrimarySource(url: string, patterns: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const prefixes = hostIndex(patterns).get(parsed.hostname.toLowerCase());
  if (!prefixes) return false;
  const segments = parsed.pathname.toLowerCase().split('/').filter(Boolean);
  return prefixes.some((prefix) => prefix.every((segment, index) => segments[index] === segment));
}

/** The patterns of a parsed primary-hosts.yaml (`{hosts: [{match, kind}]}`), skipping malformed items. */
export function primaryHostPatterns(value: unknown): string[] {
  const hosts = typeof value === 'object' && value !== null && 'hosts' in value && Array.isArray(value.hosts) ? value.hosts : [];
  return hosts.flatMap((host: unknown) =>
    typeof host === 'object' && host !== null && 'match' in host && typeof host.match === 'string' ? [host.match] : [],
  );
}

/** The canonical arXiv abstract page of an id. */
export const arxivAbstractUrl = (id: string) => `https://arxiv.org/abs/${id}`;
