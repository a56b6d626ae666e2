/** Formatting of dates, sizes and citations for display. Pure and locale-aware. */
import {formatParameterCount, parseDate, type Model, type Release, type Size} from '../data/index.js';

const DATE_OPTIONS: Record<Release['precision'], Intl.DateTimeFormatOptions> = {
  year: {year: 'numeric', timeZone: 'UTC'},
  month: {year: 'numeric', month: 'long', timeZone: 'UTC'},
  day: {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'},
};

/** Creating a formatter is costly: one per locale and precision. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `2018`, `October 2018` or `October 11, 2018`, in the locale, as precise as the data. */
export function formatRelease(release: Release, locale: string): string {
  const parsed = parseDate(release.date)!;
  const key = `${locale}\0${release.precision}`;
  if (!dateFormats.has(key)) dateFormats.set(key, new Intl.DateTimeFormat(locale, DATE_OPTIONS[release.precision]));
  return dateFormats.get(key)!.format(new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1)));
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
