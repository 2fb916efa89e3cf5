// Writes are whole or absent: every file the command writes goes through a temporary file in the same folder,
// fsync and rename (or link, without --force). The kill tests kill a child process (SIGKILL) at many points of a
// write of several MB — at chosen byte counts through the test-only hook CAREPLAN_CSV_TEST_KILL_AT, and after a
// range of delays — and assert after each that the target holds the old bytes (or is absent) or exactly the
// whole new bytes. No assertion depends on when the kill landed. A run also plans all its outputs first: two
// inputs on one output name, or one existing target, refuse the run before anything is written.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { temporaryName, writeFileAtomic } from '../src/cli/atomic-file.js';
import { CLI, ROOT } from './support/paths.js';

vi.setConfig({ testTimeout: 240_000 });

const ATOMIC = join(ROOT, 'dist/src/cli/atomic-file.js');
const PLAN = join(ROOT, 'samples/4.1/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');
const PLAN_NAME = basename(PLAN);

const tmp = (label: string) => mkdtempSync(join(tmpdir(), `careplan-atomic-${label}-`));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A child process (it kills itself at a write point when CAREPLAN_CSV_TEST_KILL_AT says so: no timing). */
function run(args: string[], options: { env?: Record<string, string> } = {}): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => {
      done({ code, signal, stdout, stderr });
    });
  });
}

/** At most `limit` at a time (a 2-core box runs the suite alongside). */
async function inTurn<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

/** The files of a folder other than the temporary files a killed write may leave (hidden, ending .tmp). */
const visibleFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => !(n.startsWith('.') && n.endsWith('.tmp'))) : []);

/** The sample plan's records repeated to about `size` bytes with LF line endings: fix rewrites every line end. */
function bigPlanWithLf(size: number): Buffer {
  const lines = readFileSync(PLAN).toString('latin1').split('\r\n').filter(Boolean);
  const out: string[] = [];
  for (let n = 0; n < size; ) for (const l of lines) (out.push(l), (n += l.length + 1));
  return Buffer.from(`${out.join('\n')}\n`, 'latin1');
}

describe('writeFileAtomic', () => {
  it('without replace: an existing file is EEXIST and left as it was; no temporary file stays', () => {
    const dir = tmp('exists');
    const target = join(dir, 'A.CSV');
    writeFileSync(target, 'old');
    expect(() => writeFileAtomic(target, new TextEncoder().encode('new'), false)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['A.CSV']);
  });

  it('replace: swaps the content, keeps the old permissions, leaves no temporary file', () => {
    const dir = tmp('replace');
    const target = join(dir, 'A.CSV');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    writeFileAtomic(target, new TextEncoder().encode('new'), true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['A.CSV']);
  });

  it('an error after the temporary file was written removes it (a folder in the way)', () => {
    const dir = tmp('error');
    mkdirSync(join(dir, 'A.CSV'));
    writeFileSync(join(dir, 'A.CSV', 'inside'), 'x');
    expect(() => writeFileAtomic(join(dir, 'A.CSV'), new Uint8Array(200_000), true)).toThrow();
    expect(readdirSync(dir)).toEqual(['A.CSV']);
  });

  it('the temporary name is hidden, ends in .tmp and is never a spec file name', () => {
    const name = temporaryName(`/x/${PLAN_NAME}`);
    expect(name.startsWith(`.${PLAN_NAME}.`) && name.endsWith('.tmp')).toBe(true);
    expect(Buffer.byteLength(temporaryName(`/x/${'A'.repeat(250)}.CSV`))).toBeLessThanOrEqual(255);
  });

  it('a process killed at any byte of the write leaves the old file or the whole new one', async () => {
    const dir = tmp('killbytes');
    const size = 3 * (1 << 20) + 12_345;
    const fresh = Buffer.alloc(size);
    for (let i = 0; i < size; i++) fresh[i] = (i * 7 + 3) & 0xff;
    const old = Buffer.from('the old bytes\r\n');
    writeFileSync(join(dir, 'new.bin'), fresh);
    const script = `import { writeFileAtomic } from ${JSON.stringify(ATOMIC)};
import { readFileSync } from 'node:fs';
const [target, replace] = process.argv.slice(2);
writeFileAtomic(target, readFileSync(${JSON.stringify(join(dir, 'new.bin'))}), replace === 'replace');`;
    writeFileSync(join(dir, 'child.mjs'), script);
    // Every fourth 64 KiB chunk boundary of the write (and its first and last byte), then the steps after it.
    const points = [1, ...Array.from({ length: Math.ceil(size / 262_144) }, (_, i) => (i + 1) * 262_144 + 65_536).filter((n) => n < size), size - 1, size].map((n) => `bytes:${n}`);
    const cases = [...points.map((p) => ({ point: p, replace: true })), ...['synced', 'renamed'].map((p) => ({ point: p, replace: true })), ...[`bytes:${size >> 1}`, 'synced', 'linked'].map((p) => ({ point: p, replace: false }))];
    const outcomes = await inTurn(cases, 2, async ({ point, replace }) => {
      const folder = mkdtempSync(join(dir, 'case-'));
      const target = join(folder, 'T.CSV');
      if (replace) writeFileSync(target, old);
      const r = await run([join(dir, 'child.mjs'), target, replace ? 'replace' : 'new'], { env: { CAREPLAN_CSV_TEST_KILL_AT: point } });
      const after = existsSync(target) ? readFileSync(target) : undefined;
      return { point, replace, signal: r.signal, stderr: r.stderr, after, files: visibleFiles(folder) };
    });
    for (const o of outcomes) {
      expect(o.signal, `${o.point}: ${o.stderr}`).toBe('SIGKILL');
      const whole = o.after !== undefined && o.after.equals(fresh);
      const untouched = o.replace ? o.after !== undefined && o.after.equals(old) : o.after === undefined;
      expect(whole || untouched, `${o.point} (${o.replace ? 'replace' : 'new'}): ${o.after?.length} bytes`).toBe(true);
      expect(o.files).toEqual(o.after === undefined ? [] : ['T.CSV']);
    }
    // The kill before the last step leaves the old bytes, after it the new: both ends are reached.
    expect(outcomes.find((o) => o.point === 'synced' && o.replace)!.after!.equals(old)).toBe(true);
    expect(outcomes.find((o) => o.point === 'renamed')!.after!.equals(fresh)).toBe(true);
    expect(outcomes.find((o) => o.point === 'linked')!.after!.equals(fresh)).toBe(true);
  });
});

describe('careplan-csv fix killed while writing', () => {
  const input = bigPlanWithLf(3_000_000);
  const work = tmp('fixkill');
  const source = join(work, 'src', PLAN_NAME);
  mkdirSync(dirname(source));
  writeFileSync(source, input);
  let expected: Buffer | undefined;
  const expectedBytes = async () => {
    if (!expected) {
      const out = join(work, 'expected');
      const r = await run([CLI, 'fix', source, '--out-dir', out]);
      expect(r.code, r.stderr).toBe(0);
      expected = readFileSync(join(out, PLAN_NAME));
      expect(expected.length).toBeGreaterThan(3_000_000);
    }
    return expected;
  };

  it('in place with --force: the input is never truncated — old bytes or the whole rewrite, at every kill point', async () => {
    const fixed = await expectedBytes();
    const points = ['bytes:1', `bytes:${fixed.length >> 1}`, `bytes:${fixed.length - 1}`, 'synced', 'renamed'];
    const outcomes = await inTurn(points, 1, async (point) => {
      const dir = mkdtempSync(join(work, 'inplace-'));
      const file = join(dir, PLAN_NAME);
      writeFileSync(file, input);
      const r = await run([CLI, 'fix', file, '--out-dir', dir, '--force'], { env: { CAREPLAN_CSV_TEST_KILL_AT: point } });
      return { point, r, after: readFileSync(file), files: visibleFiles(dir) };
    });
    for (const { point, r, after, files } of outcomes) {
      expect(r.signal, `${point}: ${r.stderr}`).toBe('SIGKILL');
      expect(after.equals(input) || after.equals(fixed), `${point}: ${after.length} bytes`).toBe(true);
      expect(files).toEqual([PLAN_NAME]);
    }
    expect(outcomes.find((o) => o.point === 'synced')!.after.equals(input)).toBe(true);
    expect(outcomes.find((o) => o.point === 'renamed')!.after.equals(fixed)).toBe(true);
  });

  it('into --out-dir without --force: no file or the whole file, and the next run is not blocked by a killed one', async () => {
    const fixed = await expectedBytes();
    const points = ['bytes:1', `bytes:${fixed.length >> 1}`, 'synced', 'linked'];
    const outcomes = await inTurn(points, 1, async (point) => {
      const out = mkdtempSync(join(work, 'new-'));
      const r = await run([CLI, 'fix', source, '--out-dir', out], { env: { CAREPLAN_CSV_TEST_KILL_AT: point } });
      const target = join(out, PLAN_NAME);
      return { point, r, out, after: existsSync(target) ? readFileSync(target) : undefined };
    });
    for (const { point, r, after } of outcomes) {
      expect(r.signal, `${point}: ${r.stderr}`).toBe('SIGKILL');
      expect(after === undefined || after.equals(fixed), `${point}: ${after?.length} bytes`).toBe(true);
    }
    // Killed after the temporary file was complete but before it took the name: no target, a leftover
    // temporary file. The rerun is not blocked by it, and validate does not take it for a spec file.
    const synced = outcomes.find((o) => o.point === 'synced')!;
    expect(synced.after).toBeUndefined();
    expect(readdirSync(synced.out).some((n) => n.startsWith('.') && n.endsWith('.tmp'))).toBe(true);
    const again = await run([CLI, 'fix', source, '--out-dir', synced.out]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(synced.out, PLAN_NAME)).equals(fixed)).toBe(true);
    const v = spawnSync(process.execPath, [CLI, 'validate', synced.out, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(JSON.parse(v.stdout).files.map((f: { file: string }) => basename(f.file))).toEqual([PLAN_NAME]);
    expect(outcomes.find((o) => o.point === 'linked')!.after!.equals(fixed)).toBe(true);
  });
});

describe('a run plans every output before writing any', () => {
  it('two inputs with one output name: refused before anything is written, naming both', async () => {
    const dir = tmp('collide');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      copyFileSync(PLAN, join(dir, sub, PLAN_NAME));
    }
    const out = join(dir, 'out');
    const r = await run([CLI, 'fix', join(dir, 'a', PLAN_NAME), join(dir, 'b', PLAN_NAME), '--out-dir', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'a', PLAN_NAME)} and ${join(dir, 'b', PLAN_NAME)} would both be written as`);
    expect(visibleFiles(out)).toEqual([]);
  });

  it('names that differ only in case are one name', async () => {
    const dir = tmp('case');
    const lower = PLAN_NAME.replace('.CSV', '.csv');
    copyFileSync(PLAN, join(dir, PLAN_NAME));
    mkdirSync(join(dir, 'b'));
    copyFileSync(PLAN, join(dir, 'b', lower));
    const r = await run([CLI, 'fix', join(dir, PLAN_NAME), join(dir, 'b', lower), '--out-dir', join(dir, 'out'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would both be written as');
    expect(visibleFiles(join(dir, 'out'))).toEqual([]);
  });

  it('the second input`s target exists: the first is not written either', async () => {
    const dir = tmp('exists2');
    const other = 'UPPLAN_202504_1370100008_43_1370300004_17_20250325100000.CSV';
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, other), 'keep me');
    const r = await run([CLI, 'fix', PLAN, join(ROOT, 'samples/4.1', other), '--out-dir', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(visibleFiles(out)).toEqual([other]);
    expect(readFileSync(join(out, other), 'utf8')).toBe('keep me');
  });

  it('an I/O error part way: every file written before it is reported, in text and in json', async () => {
    const dir = tmp('partway');
    const loop = join(dir, 'UPPLAN_202504_1370100008_43_1370300004_17_20250325100000.CSV');
    symlinkSync(loop, loop); // a link to itself: reading it fails (ELOOP), even as root
    for (const format of ['text', 'json']) {
      const out = join(dir, `out-${format}`);
      const r = await run([CLI, 'fix', PLAN, loop, '--out-dir', out, '--format', format, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(2);
      expect(visibleFiles(out)).toEqual([PLAN_NAME]);
      if (format === 'json') {
        const doc = JSON.parse(r.stdout);
        expect(doc).toEqual([expect.objectContaining({ output: `${out}/${PLAN_NAME}`, written: true })]);
      } else {
        expect(r.stdout).toContain(`written before the error: 1 file:\n  ${out}/${PLAN_NAME}`);
      }
    }
  });
});
