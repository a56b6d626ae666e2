/**
 * Stable ids: each former id of a model keeps its old URL alive as a real static HTML page (canonical
 * link, meta refresh and a plain link), written per locale with the locale's URLs. No JavaScript needed,
 * so crawlers, `curl` and readers without scripts all land on the new page.
 */
import type {Dataset, Model} from '../data/index.js';
import type {GenerateContext} from './context.js';
import {format} from './messages.js';
import {modelPermalink, redirectPath} from './paths.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The redirect page to a model, in the context's locale. */
export function buildRedirectPage(model: Model, context: GenerateContext): string {
  const page = `${modelPermalink(context.routeBasePath, model.id).slice(1)}${context.trailingSlash ? '/' : ''}`;
  const url = `${context.siteUrl}${page}`;
  // The refresh and the link stay on the host that served the old URL: a path from the site root.
  const path = `${new URL(context.siteUrl).pathname}${page}`;
  const title = escapeHtml(format(context.messages['modelAtlas.redirect.title'], {name: model.name}));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(context.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(path)}">`,
    '</head>',
    '<body>',
    `<p>${escapeHtml(context.messages['modelAtlas.redirect.text'])} <a href="${escapeHtml(path)}">${escapeHtml(model.name)}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Every redirect page of the dataset, by path relative to the site root. */
export function buildRedirectPages(dataset: Dataset, context: GenerateContext): Map<string, string> {
  return new Map(dataset.models.flatMap((model) => model.formerIds.map((id) => [redirectPath(context.routeBasePath, id, context.trailingSlash), buildRedirectPage(model, context)] as const)));
}
