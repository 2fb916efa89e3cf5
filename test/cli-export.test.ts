// careplan-csv export: send-unit documents as JSON written as the files of their units — the same bytes as the
// bundled samples, all or nothing, never overwriting without --force.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendUnitDocumentToJson, validateFiles, type SendUnitDocument } from '../src/index.js';
import { runCommand, runCommandAsync } from './support/command.js';
import { sampleSendUnits } from './support/send-units.js';

/** A document's JSON form, as a file would give it (a copy: the tests change it). */
const jsonOf = (u: SendUnitDocument) => JSON.parse(JSON.stringify(sendUnitDocumentToJson(u))) as Record<string, any>;
const tmp = () => mkdtempSync(join(tmpdir(), 'careplan-export-'));
const samples41 = sampleSendUnits('4.1');
const samples32 = sampleSendUnits('3.2');

function jsonFile(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** The sample files of a unit (same ファイル連番 and parties). */
function sampleFilesOf(unit: SendUnitDocument, files: { name: string; bytes: Uint8Array }[]) {
  const parties = (o: { office: string; serviceType?: string }) => (o.serviceType ? `${o.office}_${o.serviceType}` : o.office);
  return files.filter((f) => f.name.includes(`${parties(unit.sender)}_${parties(unit.receiver)}_${unit.timestamp}`));
}

describe('careplan-csv export', () => {
  it('writes sample units from their JSON form: the same files, the same bytes (both editions, an array of documents)', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const schedule = samples41.documents.find((u) => u.type === 'schedule')!;
    const basicInfo = samples41.documents.find((u) => u.type === 'basicInfo')!;
    const actual32 = samples32.documents.find((u) => u.type === 'actual')!;
    const many = jsonFile(dir, 'units.json', [schedule, basicInfo].map(sendUnitDocumentToJson));
    const one = jsonFile(dir, 'actual.json', sendUnitDocumentToJson(actual32));
    const r = await runCommandAsync(['export', many, one, '--out-dir', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = [...sampleFilesOf(schedule, samples41.files), ...sampleFilesOf(basicInfo, samples41.files), ...sampleFilesOf(actual32, samples32.files)];
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(readdirSync(out).sort()).toEqual(expected.map((f) => f.name).sort());
    for (const f of expected) expect(Buffer.compare(readFileSync(join(out, f.name)), Buffer.from(f.bytes)), f.name).toBe(0);
    expect(r.stdout).toContain(`書き出しました: ${out.replaceAll('\\', '/')}/UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV`);
    expect(r.stdout).toContain(`(${many}[0])`);
  });

  it('fills in what the document leaves out (csvVersion, user numbers, month fields) and honours --timestamp', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const actual = jsonOf(samples41.documents.find((u) => u.type === 'actual')!);
    delete actual['key'];
    delete actual['csvVersion'];
    for (const r of actual['users'][0].records.UPJSK) {
      delete r.csvVersion;
      delete r.insurerNumber;
      delete r.insuredNumber;
      delete r.serviceMonth;
    }
    const r = await runCommandAsync(['export', jsonFile(dir, 'a.json', actual), '--out-dir', out, '--timestamp', '20250601090000', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { written: boolean; files: { file: string }[] };
    expect(report.written).toBe(true);
    const names = readdirSync(out);
    expect(names).toEqual(['UPJSK_202504_1370200006_11_1370100008_43_20250601090000.CSV']);
    const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(out, name))) }));
    expect(validateFiles(files).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('writes nothing when any document has an error, and says where (path, field No. and name) in Japanese and English', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const good = sendUnitDocumentToJson(samples41.documents.find((u) => u.type === 'carePlan')!);
    const bad = jsonOf(samples41.documents.find((u) => u.type === 'schedule')!);
    bad['users'][0].records.UPPLAN[1].serviceDate = '2025-02-30';
    bad['users'][0].records.UPPLAN[2].units = '387';
    const r = await runCommandAsync(['export', jsonFile(dir, 'docs.json', [good, bad]), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain('UNITDOC_JSON_SHAPE');
    expect(r.stdout).toContain('users[0].records.UPPLAN[1].serviceDate（No.10 サービス利用日）');
    expect(r.stdout).toContain('users[0].records.UPPLAN[2].units (No.');
    expect(r.stdout).toMatch(/無効なISO日付\n.*Invalid ISO date/);
    expect(r.stdout).toMatch(/何も書き出しませんでした（.*docs\.json\[1\]） \/ documents with errors: nothing written/);
    const json = await runCommandAsync(['export', join(dir, 'docs.json'), '--out-dir', out, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { written: boolean; documents: { issues: { code: string; record?: number; field?: { no: number } }[] }[] };
    expect(report.written).toBe(false);
    expect(report.documents[0]!.issues).toEqual([]);
    expect(report.documents[1]!.issues.map((i) => [i.code, i.record, i.field?.no])).toEqual([
      ['UNITDOC_JSON_SHAPE', 2, 10],
      ['UNITDOC_JSON_SHAPE', 3, expect.any(Number)],
    ]);
  });

  it('writes nothing when a document is well-formed but its unit does not validate (writeSendUnit all or nothing)', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const doc = jsonOf(samples41.documents.find((u) => u.type === 'schedule')!);
    doc['users'][0].records.UPPLAN[0].careManagerName = '髙田〜﨑子'; // WAVE DASH: not in MS932 (its ～ is)
    const r = await runCommandAsync(['export', jsonFile(dir, 'd.json', doc), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain('UNITDOC_NOT_WRITTEN');
    // With --unmappable substitute the character is replaced from the table and listed.
    const s = await runCommandAsync(['export', join(dir, 'd.json'), '--out-dir', out, '--unmappable', 'substitute']);
    expect(s.stdout + s.stderr).toContain('WRITE_SUBSTITUTED');
    expect(s.code).toBe(0);
    expect(readdirSync(out).length).toBe(3);
  });

  it('never overwrites without --force, and checks every name before writing any', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const doc = jsonFile(dir, 'd.json', sendUnitDocumentToJson(samples41.documents.find((u) => u.type === 'schedule')!));
    expect((await runCommandAsync(['export', doc, '--out-dir', out])).code).toBe(0);
    const existing = readdirSync(out).sort();
    writeFileSync(join(out, existing[1]!), 'mine');
    const again = await runCommandAsync(['export', doc, '--out-dir', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('はすでにあります。上書きするには --force を付けてください / ');
    expect(readFileSync(join(out, existing[1]!), 'utf8')).toBe('mine');
    expect(readdirSync(out).sort()).toEqual(existing);
    // Two documents that would give one name: refused before anything is written.
    const twice = jsonFile(dir, 'twice.json', [JSON.parse(readFileSync(doc, 'utf8')), JSON.parse(readFileSync(doc, 'utf8'))]);
    const other = join(dir, 'other');
    expect((await runCommandAsync(['export', twice, '--out-dir', other])).code).toBe(2);
    expect(existsSync(other)).toBe(false);
    const forced = await runCommandAsync(['export', doc, '--out-dir', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, existing[1]!), 'utf8')).not.toBe('mine');
  });

  it('refuses input that is not a document as a usage error (exit 2)', async () => {
    const dir = tmp();
    const cases: [string, string][] = [
      ['not JSON', '{ "type": '],
      ['a number', '42'],
      ['an empty array', '[]'],
    ];
    for (const [what, text] of cases) {
      writeFileSync(join(dir, 'x.json'), text);
      const r = await runCommandAsync(['export', join(dir, 'x.json'), '--out-dir', join(dir, 'out')]);
      expect(r.code, what).toBe(2);
      expect(r.stderr, what).toMatch(/careplan-csv: .+ \/ .+/);
    }
    expect((await runCommandAsync(['export', '--out-dir', dir])).code).toBe(2);
    expect((await runCommandAsync(['export', join(dir, 'x.json'), '--timestamp', '2025'])).code).toBe(2);
    // An element that is not an object is a document error (exit 1), located.
    writeFileSync(join(dir, 'y.json'), '[1]');
    const r = await runCommandAsync(['export', join(dir, 'y.json'), '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('UNITDOC_JSON_SHAPE');
  });

  it('has help in Japanese and English and is listed', () => {
    const help = runCommand(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('送信単位の文書（JSON）から送信単位のファイル一式を書き出す');
    expect(help.stdout).toContain('write the files of send units from send-unit documents (JSON)');
    expect(runCommand(['--help']).stdout).toMatch(/export +送信単位の文書/);
  });

});
