// "What to do" about each rule's issues (src/messages/advice-*.ts): every code the library can report has a real
// sentence in Japanese and in English, which the print view and the problems CSV show beside the message.
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/index.js';
import { ADVICE, adviceOf } from '../src/messages/advice.js';

const CODES = RULES.map((r) => r.code);
/** What a sentence written to be filled in later looks like. */
const PLACEHOLDER = /TODO|TBD|FIXME|XXX|placeholder|lorem|\?\?|未定|あとで/i;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('advice: what to do about each rule code', () => {
  it('every rule code has advice in every language, and no language advises on a code the rules lack', () => {
    for (const [lang, advice] of Object.entries(ADVICE)) expect(Object.keys(advice).sort(), lang).toEqual([...CODES].sort());
  });

  it.each(CODES)('%s: a finished sentence in Japanese and in English, not the rule’s description again', (code) => {
    const rule = RULES.find((r) => r.code === code)!;
    const ja = adviceOf(code, 'ja');
    const en = adviceOf(code, 'en');
    expect(ja).not.toMatch(PLACEHOLDER);
    expect(en).not.toMatch(PLACEHOLDER);
    // Japanese advice is a Japanese sentence; the English one is English (spec names such as 第7表 may stay).
    expect(ja).toMatch(JAPANESE);
    expect(ja).toMatch(/。$/);
    expect(en).toMatch(/^[A-Z][\s\S]*\.$/);
    expect(en.replace(/[\u3040-\u30ff\u4e00-\u9fff（）]+/g, '').length).toBeGreaterThan(en.length / 2);
    // Advice says what to do, so it is not what the rule checks, said again.
    expect(ja).not.toBe(rule.ja);
    expect(en).not.toBe(rule.en);
    // Advice is for the page as much as the command: it names no option the page lacks.
    expect(`${ja} ${en}`).not.toMatch(/--kind|kind オプション|kind option/);
    expect(ja.length).toBeGreaterThan(10);
    expect(en.length).toBeGreaterThan(15);
  });

  it('names the fix a vendor or clerk makes for the common file problems', () => {
    expect(adviceOf('CSV_NOT_MS932', 'ja')).toContain('Shift_JIS（MS932）');
    expect(adviceOf('CSV_NOT_MS932', 'en')).toContain('Shift_JIS (MS932)');
    expect(adviceOf('CSV_LF_LINE_ENDINGS', 'ja')).toContain('CRLF');
    expect(adviceOf('CSV_HEADER_ROW', 'ja')).toContain('見出し行を削除');
    expect(adviceOf('FIELD_LENGTH', 'ja')).toContain('先頭の0');
  });

  it('gives no advice, rather than throwing, for a code of no rule (a report read back from JSON may hold anything)', () => {
    expect(adviceOf('NO_SUCH_CODE', 'ja')).toBe('');
    expect(adviceOf('__proto__', 'en')).toBe('');
    expect(adviceOf('toString')).toBe('');
  });
});
