// careplan-csv print: the forms of the send units named, as one printable HTML file — run as users run it (the
// built command as a child process). What a clerk relies on: every user of every unit is on a sheet, --user picks,
// --mask leaves no full 被保険者番号, name, birth date or address on the paper, files with problems still print
// (with a summary line on stderr), and the HTML is written whole or not at all.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceCodeCsv, readSendUnits, renderSendUnitForms, type InputFile } from '../src/index.js';
import { runBuiltCommand } from './support/built-command.js';
import { runCommand } from './support/command.js';
import { ROOT } from './support/paths.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'careplan-print-'));
const SAMPLES = 'samples/4.1';

/** The sample files as the command names them (relative to the package root, where the tests run it). */
const sampleFiles = (): InputFile[] =>
  readdirSync(join(ROOT, SAMPLES))
    .filter((n) => /\.(CSV|jpg)$/i.test(n))
    .sort()
    .map((n) => ({ name: `${SAMPLES}/${n}`, bytes: new Uint8Array(readFileSync(join(ROOT, SAMPLES, n))) }));

/** The sheets of an HTML file: each `section.sheet` with its form and user. */
function sheetsOf(html: string): { form: string; user: string }[] {
  return [...html.matchAll(/<section class="sheet [a-z]+" data-form="([^"]+)" data-user="([^"]+)"/g)].map((m) => ({ form: m[1]!, user: m[2]! }));
}

const print = (args: string[], env?: Record<string, string>) => runBuiltCommand(['print', ...args], env ? { env } : {});

/** A master in the vendor layout, with a name for a code of the samples' 第6表 and a bad row (MASTER_* issue). */
const MASTER_CSV = '種類,項目,開始年月,終了年月,名称,単位数\r\n11,1111,202404,999912,身体介護１（試験用）,250\r\n11,1211,202404,999912,身体介護２（試験用）,387\r\n11,1311,202404,999912,壊れた行,abc\r\n';

describe('careplan-csv print', () => {
  const units = readSendUnits(sampleFiles()).units;

  it('prints every user of every sample unit: one HTML file of A4 sheets, a summary on stdout, exit 0', () => {
    const dir = tmp();
    const out = join(dir, '帳票.html');
    const r = print([SAMPLES, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|https?:\/\//i);
    const sheets = sheetsOf(html);
    const printedUsers = new Set(sheets.map((s) => s.user));
    expect(units.length).toBeGreaterThanOrEqual(10);
    for (const unit of units) for (const user of unit.users) expect(printedUsers, `${unit.key} ${user.insuredNumber}`).toContain(`${user.insurerNumber}-${user.insuredNumber}`);
    // The schedule units give 第6表 and 第7表 sheets for both sample users.
    for (const user of ['131016-0000123456', '131016-H123456789']) {
      expect(sheets.some((s) => s.form === 'table6' && s.user === user)).toBe(true);
      expect(sheets.some((s) => s.form === 'table7' && s.user === user)).toBe(true);
    }
    expect(r.stdout).toContain(`送信単位 ${units.length}、利用者 ${printedUsers.size}人、A4 ${sheets.length}枚`);
    expect(r.stdout).toContain(`${units.length} send unit(s), ${printedUsers.size} user(s), ${sheets.length} A4 page(s)`);
  });

  it('writes what the library renders for the same files and options (--mask, --era, --service-codes, --user reach renderSendUnitForms)', () => {
    const dir = tmp();
    const master = join(dir, 'codes.csv');
    writeFileSync(master, MASTER_CSV);
    const out = join(dir, 'forms.html');
    const r = print([SAMPLES, '--out', out, '--mask', '--era', 'western', '--service-codes', master, '--user', 'H123456789', '--lang', 'en']);
    expect(r.code).toBe(0);
    // The master's bad row is said (a MASTER_* issue), the good rows are used.
    expect(r.stderr).toMatch(/\[MASTER_BAD_VALUE\]/);
    // The master names services; codes it lacks are not reported here (validate --service-codes does).
    expect(r.stderr).not.toMatch(/RECORD_SERVICE_CODE_UNKNOWN/);
    const loaded = loadServiceCodeCsv({ name: master, bytes: new Uint8Array(readFileSync(master)) });
    const expected = renderSendUnitForms(readSendUnits(sampleFiles()).units, { serviceCodes: loaded.master, mask: true, era: 'western', users: ['H123456789'] });
    expect(readFileSync(out, 'utf8')).toBe(expected.html);
    expect(r.stdout).toContain(`${expected.pages.length} A4 page(s)`);
  });

  it('--user picks users (repeatable); one not found in any unit is said once and exits 1, the others still written', () => {
    const dir = tmp();
    const one = join(dir, 'one.html');
    const r = print([SAMPLES, '--out', one, '--user', 'H123456789']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const users = new Set(sheetsOf(readFileSync(one, 'utf8')).map((s) => s.user));
    expect([...users]).toEqual(['131016-H123456789']);

    const some = join(dir, 'some.html');
    const missing = print([SAMPLES, '--out', some, '--user', '0000123456', '--user', '0000234567', '--user', '9999999999']);
    expect(missing.code).toBe(1);
    expect(new Set(sheetsOf(readFileSync(some, 'utf8')).map((s) => s.user))).toEqual(new Set(['131016-0000123456', '131016-0000234567']));
    expect(missing.stderr.match(/\[FORMS_USER_NOT_FOUND\]/g)).toHaveLength(1);
    expect(missing.stderr).toContain('9999999999');
    expect(missing.stderr).not.toMatch(/FORMS_NO_USERS/);

    const none = join(dir, 'none.html');
    const nobody = print([SAMPLES, '--out', none, '--user', '9999999999']);
    expect(nobody.code).toBe(1);
    expect(existsSync(none)).toBe(false);
    expect(nobody.stdout).toContain('何も書き出していません / no forms to print');
  });

  it('--mask leaves no full 被保険者番号, name, kana, birth date, address or phone on the sheets', () => {
    const dir = tmp();
    const out = join(dir, 'copy.html');
    const r = print([SAMPLES, '--out', out, '--mask']);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const secret of ['0000123456', 'H123456789', '0000234567', '0000345678', '髙橋 﨑子', 'ﾀｶﾊｼ ｻｷｺ', '山﨑 髙志', '中﨑 和子', '19380615', '神田須田町', '03-5555-0101']) {
      expect(html, secret).not.toContain(secret);
    }
    // A masked copy still says whose it is: the last four digits and the first character of the name.
    expect(html).toContain('******3456');
    expect(html).toContain('髙＊ ＊＊');
    expect(sheetsOf(html).some((s) => s.user === '131016-******3456')).toBe(true);
  });

  it('prints dates in 和暦 by default and in 西暦 with --era western', () => {
    const dir = tmp();
    expect(print([SAMPLES, '--out', join(dir, 'j.html'), '--user', '0000123456']).code).toBe(0);
    expect(print([SAMPLES, '--out', join(dir, 'w.html'), '--user', '0000123456', '--era', 'western']).code).toBe(0);
    expect(readFileSync(join(dir, 'j.html'), 'utf8')).toContain('令和');
    expect(readFileSync(join(dir, 'w.html'), 'utf8')).not.toContain('令和');
  });

  it('prints a unit whose file has an error from what could be read, and says so on stderr (exit 0)', () => {
    const dir = tmp();
    const input = join(dir, 'in');
    mkdirSync(input);
    const schedule = readdirSync(join(ROOT, SAMPLES)).filter((n) => n.endsWith('_1370100008_43_1370200006_11_20250325100000.CSV'));
    expect(schedule).toHaveLength(3);
    for (const n of schedule) copyFileSync(join(ROOT, SAMPLES, n), join(input, n));
    // A record with too few fields at the end of the 第6表 file: an error, that record left out.
    const plan = join(input, schedule.find((n) => n.startsWith('UPPLAN'))!);
    writeFileSync(plan, Buffer.concat([readFileSync(plan), Buffer.from('202407,131016,0000123456\r\n')]));
    const out = join(dir, 'forms.html');
    const r = print([input, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/エラー [1-9]\d*件・警告 \d+件。帳票は読めた内容から印刷しました/);
    expect(r.stderr).toContain('The forms show what could be read');
    expect(r.stderr).toMatch(/\[CSV_FIELD_COUNT\]/);
    const sheets = sheetsOf(readFileSync(out, 'utf8'));
    expect(sheets.some((s) => s.form === 'table6' && s.user === '131016-0000123456')).toBe(true);
    expect(sheets.some((s) => s.form === 'table7' && s.user === '131016-H123456789')).toBe(true);
  });

  it('prints the files it can read when one named cannot be read, reports it, and exits 2', () => {
    const dir = tmp();
    const input = join(dir, 'in');
    mkdirSync(input);
    for (const n of readdirSync(join(ROOT, SAMPLES)).filter((n) => n.includes('_1370100008_43_1370200006_11_20250325100000'))) copyFileSync(join(ROOT, SAMPLES, n), join(input, n));
    symlinkSync(join(dir, 'gone.CSV'), join(input, 'UPJSK_202504_1370200006_11_1370100008_43_20250501090000.CSV'));
    const out = join(dir, 'forms.html');
    const r = print([input, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[FILE_UNREADABLE\]/);
    expect(r.stderr).toContain('1 file(s) could not be read (not on the forms)');
    expect(sheetsOf(readFileSync(out, 'utf8')).some((s) => s.form === 'table6')).toBe(true);
  });

  describe('writes whole or not at all', () => {
    it('keeps an existing file without --force, and replaces it with --force', () => {
      const dir = tmp();
      const out = join(dir, 'forms.html');
      writeFileSync(out, 'old');
      const r = print([SAMPLES, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('already exists; pass --force to overwrite');
      expect(readFileSync(out, 'utf8')).toBe('old');
      expect(print([SAMPLES, '--out', out, '--force', '--user', '0000123456']).code).toBe(0);
      expect(sheetsOf(readFileSync(out, 'utf8')).length).toBeGreaterThan(0);
      expect(readdirSync(dir)).toEqual(['forms.html']);
    });

    it('leaves an existing file as it was when nothing could be printed', () => {
      const dir = tmp();
      const out = join(dir, 'forms.html');
      writeFileSync(out, 'old');
      expect(print([SAMPLES, '--out', out, '--force', '--user', '9999999999']).code).toBe(1);
      expect(readFileSync(out, 'utf8')).toBe('old');
    });

    it.each(['bytes:65536', 'synced'])('leaves no partial file and the old one untouched when the run is killed while writing (%s)', (point) => {
      const dir = tmp();
      const fresh = join(dir, 'fresh.html');
      const killed = print([SAMPLES, '--out', fresh], { CAREPLAN_CSV_TEST_KILL_AT: point });
      expect(killed.code).not.toBe(0);
      expect(existsSync(fresh)).toBe(false);
      const old = join(dir, 'old.html');
      writeFileSync(old, 'old');
      print([SAMPLES, '--out', old, '--force'], { CAREPLAN_CSV_TEST_KILL_AT: point });
      expect(readFileSync(old, 'utf8')).toBe('old');
      // Only the hidden temporary file of a killed run can be left (never under the target's name).
      expect(readdirSync(dir).filter((n) => !n.startsWith('.'))).toEqual(['old.html']);
    });

    it('refuses an --out in a folder that is a file (exit 2), writing nothing', () => {
      const dir = tmp();
      writeFileSync(join(dir, 'file'), 'x');
      const r = print([SAMPLES, '--out', join(dir, 'file', 'forms.html')]);
      expect(r.code).toBe(2);
      expect(readdirSync(dir)).toEqual(['file']);
    });
  });

  it.each([
    [['--out', 'x.html'], 'missing files or folders to print'],
    [[SAMPLES], '--out is required'],
    [[join(ROOT, SAMPLES), '--out', 'x.html', '--era', 'showa'], '--era must be one of japanese, western'],
    [[join(ROOT, SAMPLES), '--out', 'x.html', '--colour'], 'invalid arguments'],
    [[join(ROOT, SAMPLES), '--out', 'x.html', '--user', ''], '--user needs a 被保険者番号'],
    [['no-such-folder', '--out', 'x.html'], 'no-such-folder'],
    [[join(ROOT, SAMPLES), '--out', 'x.html', '--service-codes', 'no-such-master.csv'], 'no-such-master.csv'],
  ])('exits 2 on bad arguments: %j', (args, message) => {
    const dir = tmp();
    const r = runBuiltCommand(['print', ...args, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('has --help in Japanese and English, and is listed in the main help', () => {
    const help = runCommand(['print', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('careplan-csv print <file or folder…> --out <FILE.html>');
    expect(help.stdout).toContain('--mask');
    expect(help.stdout).toContain('Exit codes:');
    expect(runCommand(['--help']).stdout).toMatch(/\n {2}print +送信単位のファイルを標準様式の帳票/);
  });
});
