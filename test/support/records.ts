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
      return '1370100001';
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
  return { ...record, ...overrides };
}
