// Synthetic, realistic records for tests. No real person's data: names, numbers and addresses are invented.
import { getCodeTable, type Field, type Layout } from '../../src/index.js';

/** A valid value of a field, chosen by its format; free text is realistic Japanese. */
export function sampleValue(field: Field, csvVersion: string): string {
  switch (field.format) {
    case 'csvVersion':
      return csvVersion;
    case 'date':
      return '20250401';
    case 'month':
      return '202504';
    case 'time':
      return '0930';
    case 'dayMask31':
      return '1'.repeat(30) + '0';
    case 'insurerNumber':
      return '131016';
    case 'insuredNumber':
      return '0000123456';
    case 'officeNumber':
      return '1370100008';
    case 'serviceTypeCode':
      return '11';
    case 'serviceCode':
      return '111111';
    case 'equipmentCode':
      return '00170-000123';
    case 'integer':
      return '1'.repeat(Math.min(field.length ?? 3, 2));
    case 'rate':
      return '11.40';
    case 'code':
      return getCodeTable(field.codeTable!)!.entries[0]![0];
    case 'postalCode':
      return '160-0023';
    case 'phone':
      return '03-1234-5678';
    case 'alphanumeric':
      return '1';
    case 'freeText':
      return field.length !== null ? '1' : '髙橋 﨑子（ﾀｶﾊｼ ｻｷｺ）"様", 東京都新宿区\r\n西新宿二丁目';
  }
}

export function validRecord(layout: Layout, overrides: Record<string, string> = {}): Record<string, string> {
  const record: Record<string, string> = {};
  for (const f of layout.fields) record[f.key] = sampleValue(f, layout.csvVersion);
  // Every field is filled, so a field the tables leave empty unless another holds a value gets that value
  // (相談方法 03:その他 for その他の内容, …).
  for (const f of layout.fields) {
    const values = f.emptyUnless?.values;
    if (values) record[f.emptyUnless!.field] = values[0]!;
  }
  // 利用者補足: each slot's 限度超単位数 is max(0, 合計 − 限度) = max(0, 11 − 11), and 合計限度超単位数 their sum.
  for (const f of layout.fields) if (/^(limit\dExcessUnits|totalExcessUnits)$/.test(f.key)) record[f.key] = '0';
  return { ...record, ...overrides };
}
