// Memory bounded by the longest record, not by the chunk, the file or its users (issue 13): the tokenizer hands
// out rows as they complete, the reader and the command hold one row at a time, and a file keeps only the
// summaries its send unit will read. Counted (rows scanned, summaries kept) or run under a small heap limit
// in a child process: never timed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvItems } from '../src/codec/read.js';
import { CsvTokenizer } from '../src/codec/tokenizer.js';
import { parseFileName, validateFiles, validateFileStreams, type CsvRecord } from '../src/index.js';
import { FileValidator } from '../src/validate/file-validator.js';
import { PackedMap } from '../src/validate/packed-summaries.js';
import { factNeedsOf } from '../src/validate/send-units.js';
import { careWorkerBonus, helperAnnex, homeVisits, largeAnnex, scheduleUnit, supplement } from './support/annex.js';
import { file, fileName, visit } from './support/builders.js';
import { CLI, ROOT } from './support/paths.js';
import { splitBytes } from './support/streams.js';

const tmp = mkdtempSync(join(tmpdir(), 'careplan-memory-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `n` blank lines (CRLF), as one string. */
const blankLines = (n: number) => '\r\n'.repeat(n);

describe('the tokenizer yields each row as it completes', () => {
  it('one 20 MB chunk of blank lines: the first row comes out after its own line is read, not the whole chunk', () => {
    const text = blankLines(10_000_000);
    const tokenizer = new CsvTokenizer(1_000_000);
    const rows = tokenizer.push(text)[Symbol.iterator]();
    const first = rows.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ line: 1, terminator: 'CRLF', raw: '' });
    // Only the first line was scanned (the old tokenizer read all 20 M characters, 10 M rows, before the first).
    expect(tokenizer.examined).toBeLessThan(100);
    const second = rows.next();
    expect(second.value).toMatchObject({ line: 2 });
    expect(tokenizer.examined).toBeLessThan(100);
  });

  it('pulled to the end, never more than two rows wait, and every row is there in order', () => {
    // Blank lines, records, an oversized record (reported, then its text skipped) and a quoted line break.
    const long = 'x'.repeat(300);
    const parts = ['a,b\r\n\r\n', `"q\r\nq",${long.slice(0, 100)}`, `${long}\r\nc,d\r\n`, '\r\n'.repeat(1000), 'e'];
    const tokenizer = new CsvTokenizer(200);
    const lines: number[] = [];
    let most = 0;
    for (const part of parts) {
      for (const row of tokenizer.push(part)) {
        most = Math.max(most, tokenizer.waiting);
        lines.push(row.line);
      }
    }
    for (const row of tokenizer.end()) lines.push(row.line);
    expect(most).toBeLessThanOrEqual(2);
    expect(lines.slice(0, 5)).toEqual([1, 2, 3, 5, 6]);
    expect(lines).toHaveLength(4 + 1000 + 1);
    expect(lines.at(-1)).toBe(1006);
  });
});

/** Run node with a small heap; the result of a script or of the command. */
function limitedNode(heapMb: number, args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe('bounded by the longest record, under a small heap limit', () => {
  it('readCsvStream given one 20 MB chunk of blank lines finishes within a 256 MB heap (it needed 4.5 GB)', () => {
    const script = `
      import { readCsvStream } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};
      const chunk = new Uint8Array(20_000_000);
      for (let i = 0; i < chunk.length; i += 2) { chunk[i] = 13; chunk[i + 1] = 10; }
      const counts = {};
      for await (const item of readCsvStream([chunk], { kind: 'UPPLAN' })) {
        const key = item.type === 'issue' ? item.issue.code + (item.issue.code === 'FILE_ISSUES_TRUNCATED' ? ':' + item.issue.value : '') : 'record';
        counts[key] = (counts[key] ?? 0) + 1;
      }
      console.log(JSON.stringify(counts));`;
    const r = limitedNode(256, ['--input-type=module', '-e', script]);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.status).toBe(0);
    const counts = JSON.parse(r.stdout) as Record<string, number>;
    // 10 M empty lines: the first 10,000 reported, the rest counted; no record.
    expect(counts['CSV_EMPTY_LINE']).toBe(10000);
    expect(counts['record']).toBeUndefined();
    expect(counts['CSV_EMPTY_FILE']).toBe(1);
  }, 300_000);

  it('careplan-csv validate on 5 million blank lines finishes within a 128 MB heap (it peaked at 1.1 GB)', () => {
    const path = join(tmp, 'UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV');
    writeFileSync(path, blankLines(5_000_000));
    const r = limitedNode(128, [CLI, 'validate', path, '--format', 'json']);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { issues: { code: string; value?: string }[] }[] };
    const issues = report.files[0]!.issues;
    // The validator keeps 10,000 issues of a code per file and counts the rest.
    expect(issues.filter((i) => i.code === 'CSV_EMPTY_LINE')).toHaveLength(10_000);
    expect(issues.find((i) => i.code === 'FILE_ISSUES_TRUNCATED')?.value).toBe('CSV_EMPTY_LINE');
    expect(issues.some((i) => i.code === 'CSV_EMPTY_FILE')).toBe(true);
  }, 300_000);
});

/** A month of `users` users of the helper office: 8 visits and an add-on each, with their 第7表 and 利用者補足. */
function month(users: number, change: (u: number, plan: CsvRecord[], annex: CsvRecord[], hosoku: CsvRecord[]) => void = () => {}) {
  const plan: CsvRecord[] = [];
  const annex: CsvRecord[] = [];
  const hosoku: CsvRecord[] = [];
  for (let u = 0; u < users; u++) {
    const insuredNumber = String(2000000000 + u);
    const p = [...homeVisits({ insuredNumber }), careWorkerBonus({ insuredNumber })];
    const a = helperAnnex().map((r) => ({ ...r, insuredNumber }));
    const h = [supplement({ insuredNumber })];
    change(u, p, a, h);
    plan.push(...p);
    annex.push(...a);
    hosoku.push(...h);
  }
  return scheduleUnit(plan, annex, undefined, hosoku);
}


describe('send units keep what their checks read, and report as validateFiles does', () => {
  // Findings planted among 400 users: units that differ, a user missing from 第7表, a limit the total exceeds.
  const files = month(400, (u, _plan, annex, hosoku) => {
    if (u === 17) annex[0] = { ...annex[0]!, units: '390' };
    if (u === 42) annex.length = 0;
    if (u === 399) hosoku[0] = { ...hosoku[0]!, benefitLimitUnits: '3000' };
  });

  it('a generated multi-user unit: validateFileStreams gives validateFiles\' report at any chunk size, findings included', async () => {
    const expected = validateFiles(files);
    // Lines: user 17's first 第7表 row is line 86 (5 rows a user), user 42's 第6表 rows start at line 379 (9 a
    // user), user 399's total is line 1995 (one user fewer in 第7表).
    const unitCodes = expected.units.flatMap((u) => u.issues.map((i) => `${i.code}:${i.line ?? ''}`));
    expect(unitCodes.sort()).toEqual([
      'UNIT_ANNEX_AMOUNT:86',
      'UNIT_ANNEX_UNITS_MISMATCH:86',
      'UNIT_KEY_NOT_IN_DEPENDENT:',
      'UNIT_LIMIT_EXCESS_MISMATCH:1995',
      'UNIT_LIMIT_EXCESS_MISMATCH:1995',
      'UNIT_PLAN_NOT_IN_ANNEX:379',
    ]);
    for (const size of [4096, 1 << 20]) {
      expect(await validateFileStreams(files.map((f) => ({ name: f.name, chunks: splitBytes(f.bytes, size) })))).toEqual(expected);
    }
  });

  /** The summaries a validator kept for its unit's checks, by kind, after reading `file`. */
  function kept(all: readonly { name: string; bytes: Uint8Array }[], which: number) {
    const needs = factNeedsOf(all.map((f) => parseFileName(f.name).info));
    const f = all[which]!;
    const validator = new FileValidator(f.name);
    validator.keepFacts(needs[which]!);
    for (const item of readCsvItems(f, { kind: validator.kind! }).items) validator.add(item);
    validator.finish();
    const facts = validator.facts();
    return { keys: [...facts.keys.values()].reduce((n, m) => n + m.size, 0), schedule: facts.schedule.size, annexUsers: facts.annex.size, limits: facts.limits.size };
  }

  it('a 第6表 with its 第7表 keeps its users\' services; sent alone (nothing to compare it with) it keeps no per-user summary', () => {
    const withAnnex = kept(files, 0);
    expect(withAnnex.schedule).toBe(400);
    expect(withAnnex.keys).toBeGreaterThanOrEqual(400);
    expect(kept([files[0]!], 0)).toEqual({ keys: 0, schedule: 0, annexUsers: 0, limits: 0 });
    // 第6表 and 利用者補足 without 第7表: the relation keys only (UNIT_KEY_*), no services, no limits.
    const noAnnex = [files[0]!, files[2]!];
    expect(kept(noAnnex, 0)).toMatchObject({ schedule: 0 });
    expect(kept(noAnnex, 0).keys).toBeGreaterThanOrEqual(400);
    expect(kept(noAnnex, 1)).toMatchObject({ limits: 0 });
    expect(kept(files, 2).limits).toBe(400);
  });

  it('the unit without its 第7表 is still reported as validateFiles reports it', async () => {
    const noAnnex = [files[0]!, files[2]!];
    const expected = validateFiles(noAnnex);
    expect(expected.units.flatMap((u) => u.issues.map((i) => i.code))).toContain('UNIT_MISSING_FILE');
    expect(await validateFileStreams(noAnnex.map((f) => ({ name: f.name, chunks: splitBytes(f.bytes, 65536) })))).toEqual(expected);
  });
});

describe('a large 第7表 sent without its 第6表 lets its users go', () => {
  it('past 20,000 rows, its users are checked and let go: the same file report as when a 第6表 makes it keep every row', async () => {
    const records = largeAnnex();
    const sikyu = file('UPSIKYU', records, fileName('UPSIKYU', '202504'));
    const plan = file('UPPLAN', [visit()], fileName('UPPLAN', '202504'));
    const alone = await validateFileStreams([{ name: sikyu.name, chunks: splitBytes(sikyu.bytes, 65536) }]);
    const keptEvery = validateFiles([plan, sikyu]).files[1]!;
    expect(alone.files[0]).toEqual(keptEvery);
    expect(keptEvery.issues.filter((i) => i.code === 'FILE_TOTAL_MISSING').map((i) => i.value)).toEqual(['131016-1000010500']);
  }, 120_000);
});

describe('a 第6表 sent with its 第7表 and 利用者補足 keeps packed per-user summaries', () => {
  // Findings planted far apart, so that users packed long before the checks run are read back right.
  const users = 12_000;
  const files = month(users, (u, plan, annex, hosoku) => {
    if (u === 250) annex[0] = { ...annex[0]!, units: '0390', timesOrDays: '7' };
    if (u === 6_000) plan.push(careWorkerBonus({ insuredNumber: plan[0]!['insuredNumber'] ?? '', serviceCode: '116276', units: '0758' }));
    if (u === 11_999) hosoku[0] = { ...hosoku[0]!, benefitLimitUnits: '3000' };
  });

  it('the command validates a unit of 12,000 users within a 48 MB heap (it kept ≈5 KB a user and ran out)', () => {
    const paths = files.map((f) => join(tmp, f.name));
    for (const [i, f] of files.entries()) writeFileSync(paths[i]!, f.bytes);
    const r = limitedNode(48, [CLI, 'validate', ...paths, '--format', 'json']);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    const report = JSON.parse(r.stdout) as { units: { issues: { code: string; line?: number }[] }[] };
    expect(report.units.flatMap((u) => u.issues.map((i) => `${i.code}:${i.line ?? ''}`)).sort()).toEqual(
      validateFiles(files)
        .units.flatMap((u) => u.issues.map((i) => `${i.code}:${i.line ?? ''}`))
        .sort(),
    );
  }, 300_000);

  it('validateFileStreams reports the unit as validateFiles does, every finding with its line and value', async () => {
    const expected = validateFiles(files);
    const codes = expected.units.flatMap((u) => u.issues.map((i) => i.code));
    expect(codes).toEqual(['UNIT_ANNEX_COUNT_MISMATCH', 'UNIT_ANNEX_UNITS_MISMATCH', 'UNIT_ANNEX_AMOUNT', 'UNIT_PLAN_NOT_IN_ANNEX', 'UNIT_LIMIT_EXCESS_MISMATCH', 'UNIT_LIMIT_EXCESS_MISMATCH']);
    expect(await validateFileStreams(files.map((f) => ({ name: f.name, chunks: splitBytes(f.bytes, 65536) })))).toEqual(expected);
  }, 120_000);

  it('per user, the 第6表 keeps a few dozen characters of services and the 第7表 a few dozen a row, no row objects', () => {
    const needs = factNeedsOf(files.map((f) => parseFileName(f.name).info));
    const kept = files.map((f, i) => {
      const validator = new FileValidator(f.name);
      validator.keepFacts(needs[i]!);
      for (const item of readCsvItems(f, { kind: validator.kind! }).items) validator.add(item);
      validator.finish();
      return validator.facts();
    });
    const [plan, annex] = [kept[0]!, kept[1]!];
    expect(plan.schedule).toBeInstanceOf(PackedMap);
    expect(annex.annex).toBeInstanceOf(PackedMap);
    const schedule = plan.schedule as PackedMap<ReadonlyMap<string, unknown>>;
    const rows = annex.annex as PackedMap<readonly object[]>;
    expect(schedule.size).toBe(users);
    // Two services a user (visits, add-on): ≈13 characters each; five 第7表 rows a user: ≈35 characters each.
    expect(schedule.packedLength() / users).toBeLessThan(2 * 20);
    expect(rows.packedLength() / (users * 5)).toBeLessThan(40);
    // Read back as the checks read them: the rows as they were, with their lines.
    expect(rows.get('131016|2000000250|202504')![0]).toMatchObject({ row: 'detail', units: '0390', times: '7', line: 1251, record: 1251 });
    expect([...schedule.get('131016|2000006000|202504')!.keys()]).toHaveLength(3);
    // Each file keeps the one relation key the schedule unit matches its files by (it kept all it had: 2–3).
    expect(kept.map((f) => [...f.keys.keys()])).toEqual([0, 1, 2].map(() => ['insurerNumber+insuredNumber+serviceMonth']));
  }, 120_000);
});
