/** Parsers for the dataset's small value languages: parameter counts, dates, arXiv ids. */

const SUFFIXES: Record<string, number> = {K: 1e3, M: 1e6, B: 1e9, T: 1e12};

/**
 * `340M`, `1.5B`, `175e9`, `1.6T`, or a number; undefined when not a count.
 * A count is whole and at least 1: a bare number must be a whole number ≥ 1
 * (`0.4` and `2.5` are refused), a number with a unit must come to at least
 * one parameter and is rounded to a whole count (`0.4B` is 400,000,000).
 */
export function parseParameterCount(value: unknown): number | undefined {
  const match = typeof value === 'number' ? undefined : typeof value === 'string' ? /^(\d+(?:\.\d+)?(?:[eE]\+?\d+)?)\s*([KMBT])?$/i.exec(value.trim()) : null;
  if (match === null) return undefined;
  const number = match ? Number(match[1]) : (value as number);
  const unit = match?.[2];
  const count = unit ? Math.round(number * SUFFIXES[unit.toUpperCase()]!) : number;
  return Number.isSafeInteger(count) && count >= 1 ? count : undefined;
}

/** 175000000000 → `175B`; 1.5e9 → `1.5B`. */
export function formatParameterCount(count: number): string {
  for (const [suffix, scale] of Object.entries(SUFFIXES).reverse()) {
    if (count >= scale) return `${Number((count / scale).toPrecision(3))}${suffix}`;
  }
  return String(count);
}

export interface ParsedDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: 'year' | 'month' | 'day';
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when not a real calendar date. */
export function parseDate(value: string | number): ParsedDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value));
  if (!match) return undefined;
  const year = Number(match[1]);
  // Years 0000–0099 are refused: JavaScript dates read them as 1900–1999.
  if (year < 100) return undefined;
  if (match[2] === undefined) return {year, precision: 'year'};
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return {year, month, precision: 'month'};
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? {year, month, day, precision: 'day'} : undefined;
}

export interface ParsedArxiv {
  readonly year: number;
  readonly month: number;
}

/**
 * A new-style arXiv identifier (`1810.04805`, `0704.0001`), without version:
 * four-digit numbers until 2014, five from 2015 (`1501.00001`).
 */
export function parseArxivId(id: string): ParsedArxiv | undefined {
  const match = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!match) return undefined;
  const yy = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || yy * 100 + month < 704) return undefined;
  const digits = match[3]!.length;
  if ((yy < 15 && digits !== 4) || (yy >= 15 && digits !== 5)) return undefined;
  return {year: 2000 + yy, month};
}
