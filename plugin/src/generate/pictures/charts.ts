/**
 * The timeline and the scale-over-time chart, laid out at build time in SVG user units with d3-scale.
 * Pure: the theme only draws what these return.
 */
import {scaleLog, scaleUtc} from 'd3-scale';
import {formatParameterCount} from '../../data/values.js';
import {labelWidth} from './graph.js';

/** Width of both charts' viewBox; the SVG scales to the content column. */
export const CHART_WIDTH = 960;
/** Font size of model labels in the timeline, in SVG user units. */
export const TIMELINE_FONT_SIZE = 11;

export interface ChartModel {
  readonly id: string;
  readonly label: string;
  readonly permalink: string;
  /** ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  readonly date: string;
}

export interface Tick {
  readonly position: number;
  readonly label: string;
}

export interface PlacedModel extends ChartModel {
  readonly x: number;
  readonly y: number;
  /** The label sits left of the dot (near the right edge) instead of right of it. */
  readonly labelLeft: boolean;
}

export interface TimelineLane {
  readonly id: string;
  readonly label: string;
  readonly permalink: string;
  readonly models: readonly ChartModel[];
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly years: readonly Tick[];
  readonly lanes: readonly {readonly id: string; readonly label: string; readonly permalink: string; readonly y: number; readonly height: number}[];
  /** `lane` is the index of the model's lane. */
  readonly models: readonly (PlacedModel & {readonly lane: number})[];
}

const round = (value: number) => Math.round(value * 10) / 10;
const toDate = (iso: string) => new Date(`${iso.length === 4 ? `${iso}-07` : iso}${iso.length <= 7 ? '-01' : ''}T00:00:00Z`);

function timeScale(dates: readonly string[], range: [number, number]) {
  const years = dates.map((date) => Number(date.slice(0, 4)));
  const [first, last] = [Math.min(...years), Math.max(...years) + 1];
  const scale = scaleUtc().domain([new Date(Date.UTC(first, 0, 1)), new Date(Date.UTC(last, 0, 1))]).range(range);
  const ticks = Array.from({length: last - first + 1}, (_, i): Tick => ({position: round(scale(new Date(Date.UTC(first + i, 0, 1)))), label: String(first + i)}));
  return {x: (date: string) => round(scale(toDate(date))), ticks};
}

const LANE = {header: 22, row: 16, gap: 10, axis: 24, dot: 3.5, labelGap: 6};

/**
 * One lane per domain, years on a shared axis. Within a lane, each model is a dot at its date with its name
 * beside it; names go to the first row where they overlap no other (greedy interval packing).
 */
export function layoutTimeline(lanes: readonly TimelineLane[]): TimelineLayout {
  const margin = 8;
  const {x, ticks} = timeScale(
    lanes.flatMap((lane) => lane.models.map((model) => model.date)),
    [margin, CHART_WIDTH - margin],
  );
  let y = LANE.axis;
  const placedLanes: TimelineLayout['lanes'][number][] = [];
  const models: (PlacedModel & {lane: number})[] = [];
  for (const [index, lane] of lanes.entries()) {
    const rowEnds: number[] = [];
    const top = y + LANE.header;
    for (const model of [...lane.models].sort((a, b) => a.date.localeCompare(b.date))) {
      const position = x(model.date);
      const width = labelWidth(model.label, TIMELINE_FONT_SIZE) + LANE.labelGap;
      const labelLeft = position + width > CHART_WIDTH;
      const [start, end] = labelLeft ? [position - width, position + LANE.dot] : [position - LANE.dot, position + width];
      let row = rowEnds.findIndex((rowEnd) => rowEnd + 4 <= start);
      if (row === -1) row = rowEnds.push(end) - 1;
      else rowEnds[row] = end;
      models.push({...model, x: position, y: top + row * LANE.row + LANE.row / 2, labelLeft, lane: index});
    }
    const height = LANE.header + Math.max(1, rowEnds.length) * LANE.row + LANE.gap;
    placedLanes.push({id: lane.id, label: lane.label, permalink: lane.permalink, y, height});
    y += height;
  }
  return {width: CHART_WIDTH, height: Math.ceil(y + LANE.axis), years: ticks, lanes: placedLanes, models};
}

export interface ScaleModel extends ChartModel {
  readonly parameters: number;
  /** Index of the model's domain in `domains`, for its colour. */
  readonly domain: number;
}

/** Size of a scale chart's viewBox, and the room left of the plot for the parameter labels. */
export interface ScaleSize {
  readonly width: number;
  readonly height: number;
  readonly left: number;
}

/** The scale chart at desktop widths. */
export const SCALE_WIDE: ScaleSize = {width: CHART_WIDTH, height: 480, left: 56};
/** The scale chart on a phone: drawn at about its own size in a 360 px column, so its 12-unit text stays 12 px. */
export const SCALE_NARROW: ScaleSize = {width: 360, height: 400, left: 40};
/** Font size of the scale chart's text, in SVG user units. */
export const SCALE_FONT_SIZE = 12;

export interface ScaleLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {readonly left: number; readonly top: number; readonly right: number; readonly bottom: number};
  /** One tick a year; `labelled` ticks show their year (every year when there is room, else every other or fewer). */
  readonly years: readonly (Tick & {readonly labelled: boolean})[];
  readonly parameters: readonly Tick[];
  /**
   * `size` is the parameter count as people write it (340M, 1.5B); the name and size sit above the dot,
   * anchored at `anchor` so they stay inside the picture. `landmark` marks the largest model of a year whose
   * name is always shown: of each year's largest, those whose names overlap a bigger one's are left out.
   */
  readonly models: readonly (ScaleModel & {readonly x: number; readonly y: number; readonly size: string; readonly anchor: 'start' | 'middle' | 'end'; readonly landmark: boolean})[];
}

export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const boxesOverlap = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where the theme draws a dot's name and size: its baseline 9 units above the dot, anchored at `anchor`
 * (with room below the baseline for descenders).
 */
export function scaleLabelBox(model: Pick<ScaleLayout['models'][number], 'label' | 'size' | 'x' | 'y' | 'anchor'>): LabelBox {
  const width = labelWidth(`${model.label} · ${model.size}`, SCALE_FONT_SIZE);
  const x = model.anchor === 'start' ? model.x : model.anchor === 'end' ? model.x - width : model.x - width / 2;
  return {x, y: model.y - 9 - SCALE_FONT_SIZE, width, height: SCALE_FONT_SIZE + 4};
}

/** Parameters on a log scale against release date; ticks at the powers of ten. */
export function layoutScale(models: readonly ScaleModel[], {width, height, left}: ScaleSize = SCALE_WIDE): ScaleLayout {
  const plot = {left, top: 12, right: width - 12, bottom: height - 28};
  const {x, ticks} = timeScale(
    models.map((model) => model.date),
    [plot.left, plot.right],
  );
  // Year labels a label and a gap apart; the last one (closing the axis) ends at its tick, so needs half a label more.
  const spacing = (ticks[1]?.position ?? plot.right) - (ticks[0]?.position ?? plot.left);
  const yearLabel = labelWidth('2000', SCALE_FONT_SIZE);
  const step = Math.ceil((yearLabel + 8) / spacing);
  const labelled = (index: number) => index % step === 0 && (index < ticks.length - 1 || step * spacing >= yearLabel * 1.5 + 8);
  const counts = models.map((model) => model.parameters);
  const y = scaleLog()
    .domain([Math.min(...counts), Math.max(...counts)])
    .nice()
    .range([plot.bottom, plot.top]);
  const parameters = y
    .ticks()
    .filter((tick) => Number.isInteger(Math.log10(tick)))
    .map((tick): Tick => ({position: round(y(tick)), label: formatParameterCount(tick)}));
  const placed = [...models]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((model) => {
      const size = formatParameterCount(model.parameters);
      const position = x(model.date);
      const label = labelWidth(`${model.label} · ${size}`, SCALE_FONT_SIZE);
      const anchor = position - label / 2 < 0 ? 'start' : position + label / 2 > width ? 'end' : 'middle';
      return {...model, x: position, y: round(y(model.parameters)), size, anchor} as const;
    });
  const largest = new Map<string, (typeof placed)[number]>();
  for (const model of placed) {
    const year = model.date.slice(0, 4);
    if ((largest.get(year)?.parameters ?? 0) < model.parameters) largest.set(year, model);
  }
  // Bigger models first: a year's name that would overlap a bigger one's stays hidden (hover or focus shows it).
  const named: LabelBox[] = [];
  const landmarks = new Set<string>();
  for (const model of [...largest.values()].sort((a, b) => b.parameters - a.parameters)) {
    const box = scaleLabelBox(model);
    if (named.some((other) => boxesOverlap(box, other))) continue;
    named.push(box);
    landmarks.add(model.id);
  }
  return {
    width,
    height,
    plot,
    years: ticks.map((tick, index) => ({...tick, labelled: labelled(index)})),
    parameters,
    models: placed.map((model) => ({...model, landmark: landmarks.has(model.id)})),
  };
}
