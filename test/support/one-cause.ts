// The four shapes of "one cause, many issues" found on another writer's files, as realistic synthetic files:
// each written by writeCsvFile (Japanese free text with quotes, commas and line breaks), then damaged the way
// that writer damaged them. No real person's data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvFile, writeCsvFile, type InputFile } from '../../src/index.js';
import { fileName, visit } from './builders.js';

/** A file's bytes as one byte per character (MS932 bytes survive a round trip), to damage its ASCII parts. */
const asLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** A 訪問介護 plan of `n` visits, written by writeCsvFile (free text with `"`, a comma and a line break). */
export function planFile(n = 4, name = fileName('UPPLAN', '202504')): InputFile {
  const records = Array.from({ length: n }, (_, i) =>
    visit({ serviceDate: `202504${String(7 + i).padStart(2, '0')}`, serviceOfficeName: i % 2 ? 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿\r\n西口' : 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ "さくら", 新宿' }),
  );
  const { bytes, issues } = writeCsvFile('UPPLAN', records, { csvVersion: '202407' });
  if (issues.length) throw new Error(JSON.stringify(issues));
  return { name, bytes };
}

/** Case 1: every record's CSVバージョン is one the spec never defined (202410). */
export function unknownVersionFile(n = 4): InputFile {
  const plan = planFile(n);
  return { name: plan.name, bytes: fromLatin1(asLatin1(plan.bytes).replace(/(^|\r\n)202407,/g, '$1202410,')) };
}

/** Case 2: the file written in UTF-8 with a BOM (or, `utf8: false`, a BOM before MS932 bytes). */
export function bomFile(utf8 = true): InputFile {
  const plan = planFile(3);
  const body = utf8 ? new TextEncoder().encode(new TextDecoder('shift_jis').decode(plan.bytes)) : plan.bytes;
  return { name: plan.name, bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) };
}

/** Case 3: a kind the spec does not have in the name (UPXPLAN_…). */
export function unknownKindFile(): InputFile {
  const plan = planFile(2);
  return { name: plan.name.replace(/^UPPLAN_/, 'UPXPLAN_'), bytes: plan.bytes };
}

const SAMPLES = 'samples/4.1';
const UNIT = /_1370100008_43_1370200006_11_20250325100000\.CSV$/;

/**
 * Case 4: the bundled 4.1 schedule send unit (第6表, 第7表, 利用者補足), each file read and written again by
 * writeCsvFile, with `shifted` records of the 第7表 given one field too many after the CSVバージョン: every
 * column of those records moves one place right, so its field checks and its send-unit keys read garbage.
 */
export function shiftedUnit(shifted: readonly number[] = [2]): InputFile[] {
  const names = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => `${k}_202504_1370100008_43_1370200006_11_20250325100000.CSV`);
  return names.map((name) => {
    if (!UNIT.test(name)) throw new Error(name);
    const read = readCsvFile({ name, bytes: new Uint8Array(readFileSync(join(SAMPLES, name))) });
    const { bytes, issues } = writeCsvFile(read.kind!, read.records, { csvVersion: read.csvVersion! });
    if (issues.length) throw new Error(JSON.stringify(issues));
    if (!name.startsWith('UPSIKYU')) return { name, bytes };
    const lines = asLatin1(bytes).split('\r\n');
    for (const n of shifted) lines[n - 1] = lines[n - 1]!.replace(/^(\d{6}),/, '$1,0000999999,');
    return { name, bytes: fromLatin1(lines.join('\r\n')) };
  });
}
