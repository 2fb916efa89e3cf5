// The grid of 第3表 週間サービス計画表: hours down (the form's bands 深夜・早朝・午前・午後・夜間・深夜 on the left),
// the days of the week across, then 主な日常生活上の活動; each entry a block placed by its times (absolute, in
// millimetres: the grid's height is known). Entries that overlap in a column stand side by side. A block too
// small for its text shows a mark (①) and the text goes to the notes under the grid — never cut off.
import { h, type Html } from '../html.js';
import { textLines } from '../measure.js';

/** An entry of a column: a weekly service on a day, or an activity. Minutes from 0:00 (24:00 = 1440). */
export interface WeekEntry {
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 10:00～10:45 (or 6:30 for an activity at one time). */
  readonly times: string;
  /** Entries with the same key share a mark (the same service at the same times on several days). */
  readonly key: string;
  /** The day's label for the notes (月), or the activity column's. */
  readonly where: string;
}

export interface GridFrame {
  readonly widthMm: number;
  readonly bands: readonly { readonly label: string; readonly from: number; readonly to: number }[];
  readonly columns: readonly { readonly label: string; readonly activity?: boolean }[];
}

/** The grid's fixed parts, in millimetres. */
export const GRID = { bandMm: 7, timeMm: 10, activityMm: 50, headMm: 6 } as const;
/** Blocks' type: 6.5pt, line height 1.2. */
const BLOCK_PT = 6.5;
const BLOCK_LINE_MM = BLOCK_PT * (25.4 / 72) * 1.2;
const BLOCK_PAD_MM = 0.8;
/** The smallest a block is drawn: one line (a 15-minute visit still shows its mark). */
const MIN_BLOCK_MM = BLOCK_LINE_MM + BLOCK_PAD_MM;
const WIDTH_SLACK = 0.92;

export interface Placed {
  readonly entry: WeekEntry;
  readonly top: number;
  readonly height: number;
  readonly left: number;
  readonly width: number;
  /** What the block prints: the whole text, the mark and the text, or the mark alone. */
  readonly show: 'full' | 'markText' | 'mark';
}

/** Left edge and width of each column. */
export function columnBoxes(frame: GridFrame): { x: number; width: number }[] {
  const x0 = GRID.bandMm + GRID.timeMm;
  const days = frame.columns.filter((c) => !c.activity).length;
  const dayMm = (frame.widthMm - x0 - GRID.activityMm) / Math.max(1, days);
  let x = x0;
  return frame.columns.map((c) => {
    const width = c.activity ? GRID.activityMm : dayMm;
    const box = { x, width };
    x += width;
    return box;
  });
}

/** Lanes for overlapping entries of one column: each gets a lane, and a cluster of overlaps shares its width. */
function lanes(entries: readonly { top: number; bottom: number }[]): { lane: number; lanes: number }[] {
  const order = entries.map((_, i) => i).sort((a, b) => entries[a]!.top - entries[b]!.top || entries[a]!.bottom - entries[b]!.bottom);
  const result: { lane: number; lanes: number }[] = entries.map(() => ({ lane: 0, lanes: 1 }));
  let cluster: number[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    for (const i of cluster) result[i]!.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
    clusterEnd = -Infinity;
  };
  for (const i of order) {
    const e = entries[i]!;
    if (cluster.length > 0 && e.top >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= e.top);
    if (lane < 0) lane = laneEnds.push(e.bottom) - 1;
    else laneEnds[lane] = e.bottom;
    result[i]!.lane = lane;
    cluster.push(i);
    clusterEnd = Math.max(clusterEnd, e.bottom);
  }
  close();
  return result;
}

const fits = (text: string, widthMm: number, heightMm: number): boolean =>
  textLines(text, Math.max(1, (widthMm - 1.8) * WIDTH_SLACK), BLOCK_PT) * BLOCK_LINE_MM + BLOCK_PAD_MM <= heightMm + 0.01;

/** Every entry placed in its column at this grid height: position, lane and whether its text fits. */
export function placeEntries(frame: GridFrame, entries: readonly WeekEntry[], gridMm: number): Placed[] {
  const hourMm = gridMm / 24;
  const boxes = columnBoxes(frame);
  const placed: Placed[] = [];
  for (let column = 0; column < frame.columns.length; column++) {
    const own = entries.filter((e) => e.column === column);
    const spans = own.map((e) => {
      const top = Math.min((e.start / 60) * hourMm, gridMm - MIN_BLOCK_MM);
      const height = Math.max(((e.end - e.start) / 60) * hourMm, MIN_BLOCK_MM);
      return { top, bottom: top + height };
    });
    const laneOf = lanes(spans);
    own.forEach((entry, i) => {
      const { top, bottom } = spans[i]!;
      const { lane, lanes: count } = laneOf[i]!;
      const width = boxes[column]!.width / count;
      const height = bottom - top;
      placed.push({ entry, top, height, left: boxes[column]!.x + lane * width, width, show: fits(`${entry.times} ${entry.text}`, width, height) ? 'full' : 'mark' });
    });
  }
  return placed;
}

/** ① … ⑳, ㉑ … ㊿, then (51) …: the marks of blocks whose text is in the notes. */
export function markOf(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

/** Marks for the blocks that need one (numbered by column, then time), and a block that can show its text beside its mark does. */
export function assignMarks(placed: Placed[]): { placed: Placed[]; marks: Map<string, string> } {
  const marks = new Map<string, string>();
  const needing = placed.filter((p) => p.show !== 'full').sort((a, b) => a.entry.column - b.entry.column || a.entry.start - b.entry.start);
  for (const p of needing) if (!marks.has(p.entry.key)) marks.set(p.entry.key, markOf(marks.size + 1));
  return {
    marks,
    placed: placed.map((p) => (p.show === 'full' ? p : { ...p, show: fits(`${marks.get(p.entry.key)}${p.entry.text}`, p.width, p.height) ? 'markText' : 'mark' })),
  };
}

const mm = (n: number): string => `${n.toFixed(2)}mm`;
const abs = (left: number, top: number, width: number, height: number, extra = ''): string =>
  `position:absolute;left:${mm(left)};top:${mm(top)};width:${mm(width)};height:${mm(height)};${extra}`;

/** The grid drawn: header row, bands, hour rules, column rules, and the blocks. */
export function drawGrid(frame: GridFrame, placed: readonly Placed[], marks: ReadonlyMap<string, string>, gridMm: number): Html {
  const hourMm = gridMm / 24;
  const head = GRID.headMm;
  const boxes = columnBoxes(frame);
  const x0 = GRID.bandMm + GRID.timeMm;
  const parts: Html[] = [];
  const line = 'border-top:0.2mm solid #000;';
  parts.push(h('div', { style: abs(0, 0, x0, head, 'border:0.2mm solid #000;background:#f0f0f0;font-size:6.5pt;text-align:center;line-height:6mm') }, '時間'));
  frame.columns.forEach((c, i) => {
    const b = boxes[i]!;
    parts.push(h('div', { class: 'week-head', style: abs(b.x, 0, b.width, head, `border:0.2mm solid #000;border-left:none;background:#f0f0f0;text-align:center;font-size:${c.activity ? 6.5 : 8}pt;line-height:6mm`) }, c.label));
  });
  // Hour rules: solid at the bands' edges, dotted between; a time printed every two hours (every hour when there is room).
  const every = hourMm >= 5.5 ? 1 : 2;
  const edges = new Set(frame.bands.flatMap((b) => [b.from, b.to]));
  for (let hour = 0; hour <= 24; hour++) {
    const y = head + hour * hourMm;
    parts.push(h('div', { style: abs(edges.has(hour) ? GRID.bandMm : x0, y, frame.widthMm - (edges.has(hour) ? GRID.bandMm : x0), 0, edges.has(hour) ? line : 'border-top:0.1mm dotted #777;') }));
    if (hour % every === 0) {
      const top = Math.min(Math.max(y - 1.3, head + 0.2), head + gridMm - 2.8);
      parts.push(h('div', { class: 'week-time', style: abs(GRID.bandMm, top, GRID.timeMm - 0.8, 2.6, 'font-size:6pt;text-align:right;line-height:2.6mm') }, `${hour}:00`));
    }
  }
  for (const band of frame.bands) {
    parts.push(
      h('div', { class: 'week-band', style: abs(0, head + band.from * hourMm, GRID.bandMm, (band.to - band.from) * hourMm, 'border:0.2mm solid #000;border-top:none;display:flex;align-items:center;justify-content:center;writing-mode:vertical-rl;font-size:7pt;letter-spacing:0.2em') }, band.label),
    );
  }
  // Column rules.
  for (const x of [x0, ...boxes.map((b) => b.x + b.width)]) parts.push(h('div', { style: abs(x, head, 0, gridMm, 'border-left:0.2mm solid #000;') }));
  for (const p of placed) {
    const activity = frame.columns[p.entry.column]?.activity === true;
    const mark = marks.get(p.entry.key);
    const text = p.show === 'full' ? `${p.entry.times} ${p.entry.text}` : p.show === 'markText' ? `${mark}${p.entry.text}` : mark ?? '';
    parts.push(
      h(
        'div',
        {
          class: activity ? 'week-block activity' : 'week-block',
          'data-column': frame.columns[p.entry.column]?.label,
          'data-times': p.entry.times,
          'data-mark': p.show === 'full' ? undefined : mark,
          style: abs(
            p.left + 0.3,
            head + p.top,
            p.width - 0.6,
            p.height,
            `padding:0.2mm 0.4mm;font-size:${BLOCK_PT}pt;line-height:1.2;white-space:pre-wrap;overflow-wrap:anywhere;` +
              (activity ? 'border-left:0.5mm solid #555;' : 'border:0.2mm solid #000;background:#f2f2f2;'),
          ),
        },
        text,
      ),
    );
  }
  return h('div', { class: 'week-grid', style: `position:relative;width:${mm(frame.widthMm)};height:${mm(head + gridMm)}` }, ...parts);
}
