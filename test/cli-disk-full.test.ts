// A disk that fills part way through a write (ENOSPC from write()): the command ends with an I/O error, the
// file it was replacing keeps its old bytes (fix --force in place: the input is never truncated), and the
// temporary file is removed. The disk is simulated by failing node:fs's writeSync after a number of bytes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/run.js';
import { ROOT } from './support/paths.js';

const disk = vi.hoisted(() => ({ room: Infinity }));

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => {
    const wanted = length ?? buffer.length - (offset ?? 0);
    if (wanted > disk.room) {
      const part = Math.max(0, disk.room);
      if (part) real.writeSync(fd, buffer, offset ?? 0, part, position ?? null);
      disk.room = 0;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    disk.room -= wanted;
    return real.writeSync(fd, buffer, offset ?? 0, wanted, position ?? null);
  }) as typeof real.writeSync;
  return { ...real, default: { ...real, writeSync }, writeSync };
});

const PLAN = join(ROOT, 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdoutIsTTY: false, stderrIsTTY: false, env: {} });
  return { code, stdout, stderr };
}

describe('disk full while writing', () => {
  it('fix --force in place: an I/O error, the input keeps its bytes, no temporary file is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplan-diskfull-'));
    const file = join(dir, basename(PLAN));
    // LF line endings: fix rewrites the file.
    const input = Buffer.from(readFileSync(PLAN).toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    writeFileSync(file, input);
    disk.room = 1000;
    try {
      const r = run(['fix', file, '--out-dir', dir, '--force', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ENOSPC');
    } finally {
      disk.room = Infinity;
    }
    expect(fs.readFileSync(file).equals(input)).toBe(true);
    expect(readdirSync(dir)).toEqual([basename(PLAN)]);
  });
});
