// Builders of 介護予防 send units (edition 4, §3.4 (1)-(3)): 介護予防サービス・支援計画書 with its 別表, and
// 利用者基本情報 with 別表1, 別表2. Synthetic users and offices only.
import { getLayout, type CsvRecord } from '../../src/index.js';
import { file, fileName } from './builders.js';
import { validRecord } from './records.js';

/** 地域包括支援センター (介護予防支援 46) sending to a 通所型サービス (A6). */
export const CENTER = { office: '1370400002', serviceType: '46' };
export const DAY_CARE = { office: '1370500009', serviceType: 'A6' };
export const PREVENTION_TS = '20250415100000';

export type PreventionKind = 'UPYOBO' | 'UPYOBO_SUB' | 'UPKIHON' | 'UPKIHON_SUB1' | 'UPKIHON_SUB2';

/**
 * A record of a 介護予防 file for one user: 計画作成(変更)日 2025-04-15 for the plan, 相談日 2025-04-10 for
 * the basic information, and no family-diagram image (UPKIHON No.62 empty).
 */
export function preventionRecord(kind: PreventionKind, o: Record<string, string> = {}): CsvRecord {
  const base = validRecord(getLayout(kind, '202407')!);
  return {
    ...base,
    insurerNumber: '131016',
    insuredNumber: '0000234567',
    ...('planChangeDate' in base ? { planChangeDate: '20250415' } : {}),
    ...('consultationDate' in base ? { consultationDate: '20250410' } : {}),
    ...('familyDiagramFileName' in base ? { familyDiagramFileName: '' } : {}),
    ...o,
  };
}

/** The files of one 介護予防 send unit, one record each unless `records` gives others for a kind. */
export function preventionSendUnit(kinds: readonly PreventionKind[], records: Partial<Record<PreventionKind, CsvRecord[]>> = {}) {
  return kinds.map((kind) =>
    file(kind, records[kind] ?? [preventionRecord(kind)], fileName(kind, undefined, CENTER, DAY_CARE, 4, PREVENTION_TS)),
  );
}
