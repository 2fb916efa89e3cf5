// A send unit in words (src/report/unit-label.ts): what the page, the print view and the CSV of problems show a
// clerk instead of the key — sender → receiver with their service types, and the moment the files were made.
import { describe, expect, it } from 'vitest';
import { unitLabel } from '../src/report/unit-label.js';
import { sendUnitKey } from '../src/index.js';

describe('unitLabel', () => {
  it('names sender, receiver and their service types, and the 連番 as a date-time', () => {
    const label = unitLabel('20250325130000:1370100008_43>1370200006_11');
    expect(label.ja).toBe('送信元 1370100008（居宅介護支援 43） → 送信先 1370200006（訪問介護 11）・作成 2025年3月25日 13:00:00');
    expect(label.en).toBe('from 1370100008 (居宅介護支援, service type 43) to 1370200006 (訪問介護, service type 11), made 2025-03-25 13:00:00');
  });

  it('reads a unit of a report the same as its key', () => {
    const unit = { timestamp: '20251231235959', sender: { office: '1370100008', serviceType: '43' }, receiver: { office: '13A0200009', serviceType: 'A1' } };
    expect(unitLabel(unit)).toEqual(unitLabel(sendUnitKey(unit)));
    expect(unitLabel(unit).ja).toContain('送信先 13A0200009（訪問型サービス（みなし） A1）');
  });

  it('edition-3 keys (no service type) and unknown service types still read', () => {
    expect(unitLabel('20250325130000:1370100008>1370200006').ja).toBe('送信元 1370100008 → 送信先 1370200006・作成 2025年3月25日 13:00:00');
    expect(unitLabel('20250325130000:1370100008_ZZ>1370200006_11').ja).toContain('1370100008（サービス種類 ZZ）');
  });

  it('a 連番 that is not a date-time, or text that is not a key, is shown as written (never a throw)', () => {
    expect(unitLabel('2025032513:1370100008_43>1370200006_11').ja).toContain('連番 2025032513');
    expect(() => unitLabel('not a key')).not.toThrow();
    expect(unitLabel('not a key').ja).toContain('not a key');
  });
});
