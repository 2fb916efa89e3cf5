// The peak resident memory of this process, from /proc VmHWM where Linux gives it. (resourceUsage().maxRSS is
// not it: a child started by fork counts its parent's resident pages until exec, so it reports the bench's own
// size.) Preloaded into a child (node --import ./scripts/peak-rss.mjs dist/src/cli/main.js …) by
// scripts/bench.mjs, it prints `peak-rss-mb N` on stderr when the process exits.
import { existsSync, readFileSync } from 'node:fs';

export function peakRssMb() {
  if (existsSync('/proc/self/status')) {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on('exit', () => {
  process.stderr.write(`\npeak-rss-mb ${peakRssMb().toFixed(0)}\n`);
});
