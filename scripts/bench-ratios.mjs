// Paired timing and the "ratios (targets)" block of scripts/bench.mjs (issue 16). On a shared machine a single
// timing says little: the candidates of a comparison run in turn, round after round (the first of a round rotates),
// a ratio is taken within each round and the median of those ratios is printed; MB/s figures are the best round.

/** The label of the ceiling: the platform's Shift_JIS decoder and a split on CRLF of the same bytes. */
export const CEILING = 'ceiling: TextDecoder(shift_jis) + split CRLF';

/** Seconds taken by fn, and its result. */
export function seconds(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/**
 * Runs every candidate ({ label: fn }) once as a warm-up, then `rounds` rounds of all of them in turn.
 * Returns { label: { times: number[] (one per round), best: number, result } }.
 */
export function paired(candidates, rounds) {
  const labels = Object.keys(candidates);
  const out = Object.fromEntries(labels.map((l) => [l, { times: [], best: Infinity, result: undefined }]));
  for (const l of labels) out[l].result = candidates[l]();
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < labels.length; k++) {
      const l = labels[(k + r) % labels.length];
      const t = seconds(candidates[l]);
      out[l].times.push(t.seconds);
      out[l].best = Math.min(out[l].best, t.seconds);
      out[l].result = t.result;
    }
  }
  return out;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median over rounds of a's speed relative to b's (b's time / a's time): > 1 when a is faster. */
export function speedRatio(a, b) {
  return median(a.times.map((t, i) => b.times[i] / t));
}

/** Median over rounds of a's time relative to b's (a's time / b's time): > 1 when a is slower. */
export function timeRatio(aTimes, bTimes) {
  return median(aTimes.map((t, i) => t / bTimes[i]));
}

const targets = [];

/**
 * Records a figure against its target for the final block. `op` is '>=', '<=' or '<'; `format` turns the
 * figure into text (two decimals by default).
 */
export function target(label, value, op, bound, format = (v) => v.toFixed(2)) {
  targets.push({ label, value, op, bound, format });
}

const MET = { '>=': (v, b) => v >= b, '<=': (v, b) => v <= b, '<': (v, b) => v < b };
const SIGN = { '>=': '≥', '<=': '≤', '<': '<' };

export function printTargets(heading) {
  console.log(`\n${heading}`);
  const width = Math.max(...targets.map((t) => t.label.length));
  for (const t of targets) {
    const ok = Number.isFinite(t.value) && MET[t.op](t.value, t.bound);
    const shown = Number.isFinite(t.value) ? t.format(t.value) : 'n/a';
    console.log(`  ${t.label.padEnd(width)}  ${shown.padStart(8)}  (${SIGN[t.op]} ${t.format(t.bound)})  ${ok ? 'met' : 'missed'}`);
  }
}
