/** Formatting of dates and sizes for display. Pure and locale-aware. (BibTeX: `bibtex.ts`.) */
import {formatParameterCount, parseDate, type Model, type Release, type Size} from '../data/index.js';

const DATE_OPTIONS: Record<Release['precision'], Intl.DateTimeFormatOptions> = {
  year: {year: 'numeric', timeZone: 'UTC'},
  month: {year: 'numeric', month: 'long', timeZone: 'UTC'},
  day: {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'},
};

/** Creating a formatter is costly: one per locale and precision. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Formatting is too (pages show each date many times, in lists of related models): once per locale and date. */
const formatted = new Map<string, string>();

/** `2018`, `October 2018` or `October 11, 2018`, in the locale, as precise as the data. */
export function formatRelease(release: Release, locale: string): string {
  const key = `${locale}\0${release.date}\0${release.precision}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const parsed = parseDate(release.date)!;
    const formatKey = `${locale}\0${release.precision}`;
    if (!dateFormats.has(formatKey)) dateFormats.set(formatKey, new Intl.DateTimeFormat(locale, DATE_OPTIONS[release.precision]));
    text = dateFormats.get(formatKey)!.format(new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1)));
    formatted.set(key, text);
  }
  return text;
}

/** `BERT-Base: 110M`, or the count alone when the size has no variant name. */
export function formatSize(size: Size): string | undefined {
  const count = size.parameters === undefined ? undefined : formatParameterCount(size.parameters);
  if (size.variant && count) return `${size.variant}: ${count}`;
  return size.variant ?? count;
}

/** The range of parameter counts (`110M–340M`), for cards and tables. */
export function formatParameterRange(sizes: readonly Size[]): string | undefined {
  const counts = sizes.flatMap((size) => (size.parameters === undefined ? [] : [size.parameters]));
  if (counts.length === 0) return undefined;
  const [min, max] = [Math.min(...counts), Math.max(...counts)];
  return min === max ? formatParameterCount(min) : `${formatParameterCount(min)}–${formatParameterCount(max)}`;
}

/** Oldest first; ties by id, so that every order is stable. */
export function compareByRelease(a: Model, b: Model): number {
  return a.released.date < b.released.date ? -1 : a.released.date > b.released.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
