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

export interface ScaleLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {readonly left: number; readonly top: number; readonly right: number; readonly bottom: number};
  readonly years: readonly Tick[];
  readonly parameters: readonly Tick[];
  /**
   * `size` is the parameter count as people write it (340M, 1.5B); `landmark` marks the largest model of
   * each year, whose name is always shown.
   */
  readonly models: readonly (ScaleModel & {readonly x: number; readonly y: number; readonly size: string; readonly landmark: boolean})[];
}

/** Parameters on a log scale against release date; ticks at the powers of ten. */
export function layoutScale(models: readonly ScaleModel[]): ScaleLayout {
  const height = 480;
  const plot = {left: 56, top: 12, right: CHART_WIDTH - 12, bottom: height - 28};
  const {x, ticks} = timeScale(
    models.map((model) => model.date),
    [plot.left, plot.right],
  );
  const counts = models.map((model) => model.parameters);
  const y = scaleLog()
    .domain([Math.min(...counts), Math.max(...counts)])
    .nice()
    .range([plot.bottom, plot.top]);
  const parameters = y
    .ticks()
    .filter((tick) => Number.isInteger(Math.log10(tick)))
    .map((tick): Tick => ({position: round(y(tick)), label: formatParameterCount(tick)}));
  const largest = new Map<string, ScaleModel>();
  for (const model of models) {
    const year = model.date.slice(0, 4);
    if ((largest.get(year)?.parameters ?? 0) < model.parameters) largest.set(year, model);
  }
  const landmarks = new Set(largest.values());
  return {
    width: CHART_WIDTH,
    height,
    plot,
    years: ticks,
    parameters,
    models: [...models]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((model) => ({...model, x: x(model.date), y: round(y(model.parameters)), size: formatParameterCount(model.parameters), landmark: landmarks.has(model)})),
  };
}
