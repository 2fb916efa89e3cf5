// Property: for generated send-unit documents of EVERY unit type of both editions (3.2 = CSVバージョン 202208, no
// 第3表 and no 予防 units; 4.1 = 202407), writeSendUnit gives files that validateFiles passes with no error,
// readSendUnits of those files gives back exactly the document writeSendUnit says it wrote, and that document is
// the one given when it was complete. Documents are generated from each type's sample unit: 1–3 users with new
// 被保険者番号 (10 digits or 生保単独 H + 9), free text replaced by realistic Japanese (髙, 﨑, ｶﾀｶﾅ, quotes, commas,
// line breaks), a new ファイル連番, and any of the derivable parts left out for the writer to fill in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getLayout,
  readSendUnits,
  SEND_UNITS,
  sendUnitKey,
  validateFiles,
  writeSendUnit,
  type SendUnitDocument,
  type SendUnitDocumentInput,
} from '../src/index.js';
import { TEXT_PIECES } from './support/arbitraries.js';
import { copy, sampleSendUnits } from './support/send-units.js';
import { digits } from './support/arbitraries.js';

type Loose = Record<string, unknown>;

const text = fc.array(fc.constantFrom(...TEXT_PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const insured = fc.oneof(digits(10), digits(9).map((d) => `H${d}`));
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map((t) => t.map((n) => String(n).padStart(2, '0')).join(''));

/** What the writer may be left to fill in. */
const omissions = fc.record({
  versions: fc.boolean(),
  userNumbers: fc.boolean(),
  unitParts: fc.boolean(),
  relationKeys: fc.boolean(),
  annexSums: fc.boolean(),
});
type Omissions = { versions: boolean; userNumbers: boolean; unitParts: boolean; relationKeys: boolean; annexSums: boolean };

/** Free-text fields of unbounded length the record holds: the ones whose text may be replaced. */
function freeTextKeys(kind: string, csvVersion: string, record: Loose): string[] {
  return (getLayout(kind, csvVersion)?.fields ?? []).filter((f) => f.format === 'freeText' && f.length === null && typeof record[f.key] === 'string').map((f) => f.key);
}

/** The template with its users re-numbered and its free text rewritten (still a complete, valid document). */
function vary(template: SendUnitDocument, numbers: readonly string[], texts: readonly string[], time: string): SendUnitDocument {
  const doc = copy(template);
  doc.timestamp = `${template.timestamp.slice(0, 8)}${time}`;
  doc.key = sendUnitKey(doc);
  let t = 0;
  doc.users = numbers.map((insuredNumber, i) => {
    const user = copy(template.users[i % template.users.length]!);
    user.insuredNumber = insuredNumber;
    for (const [kind, rows] of Object.entries(user.records) as [string, Loose[]][]) {
      for (const r of rows) {
        r['insuredNumber'] = insuredNumber;
        for (const key of freeTextKeys(kind, doc.csvVersion, r)) r[key] = texts[t++ % texts.length];
      }
    }
    return user;
  });
  return doc;
}

/** The same document with the chosen derivable parts left out. */
function omit(doc: SendUnitDocument, o: Omissions): SendUnitDocumentInput {
  const out = copy(doc) as SendUnitDocumentInput & Loose;
  const spec = SEND_UNITS.find((u) => u.id === doc.type)!;
  if (o.unitParts) {
    delete out.key;
    delete out.csvVersion;
    delete out.month;
  }
  for (const user of out.users) {
    for (const [kind, rows] of Object.entries(user.records) as [string, Loose[]][]) {
      const member = (spec.members as readonly { kind: string; key?: readonly string[] }[]).find((m) => m.kind === kind);
      const kept = o.annexSums && kind === 'UPSIKYU' ? rows.filter((r) => !/AAAA$|^999999$/.test(String(r['serviceCode']))) : rows;
      (user.records as Record<string, Loose[]>)[kind] = kept.map((r) => {
        const c = { ...r };
        if (o.versions) delete c['csvVersion'];
        if (o.userNumbers) {
          delete c['insurerNumber'];
          delete c['insuredNumber'];
        }
        if (o.relationKeys) for (const key of member?.key ?? []) if (key !== 'insurerNumber' && key !== 'insuredNumber') delete c[key];
        // The 利用者補足's pairing: 00000000 / 000000 (null) are the writer's to set.
        if (o.relationKeys && kind === 'UPHOSOKU') for (const key of ['planChangeDate', 'serviceMonth']) if (c[key] === null) delete c[key];
        return c;
      });
    }
  }
  return out;
}

const templates = (['4.1', '3.2'] as const).flatMap((edition) => {
  const { documents } = sampleSendUnits(edition);
  const types = [...new Set(documents.map((u) => u.type))];
  return types.map((type) => [edition, type, documents.find((u) => u.type === type)!] as const);
});

describe('generated documents of every unit type, both editions', () => {
  it('covers every unit type of each edition', () => {
    const covered = templates.map(([edition, type]) => `${edition}:${type}`).sort();
    const expected = SEND_UNITS.flatMap((u) => [...(u.editions as readonly number[])].map((e) => `${e === 3 ? '3.2' : '4.1'}:${u.id}`)).sort();
    expect(covered).toEqual(expected);
  });

  it.each(templates)('%s %s: read(write(doc)) is the written document; it is doc when doc was complete', (_edition, _type, template) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(insured, { minLength: 1, maxLength: 3 }),
        fc.array(text, { minLength: 1, maxLength: 5 }),
        clock,
        fc.option(omissions, { nil: undefined }),
        (numbers, texts, time, omitted) => {
          const complete = vary(template, numbers, texts, time);
          const doc = omitted ? omit(complete, omitted) : complete;
          const written = writeSendUnit(doc);
          expect(written.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(written.files.length).toBeGreaterThan(0);
          expect(validateFiles(written.files).summary.errors).toBe(0);
          const read = readSendUnits(written.files);
          expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(read.units).toHaveLength(1);
          expect(read.units[0]).toEqual(written.document);
          // A complete document is written as it is; one with parts left out gets exactly them back.
          if (!omitted || !omitted.annexSums) expect(written.document).toEqual(complete);
        },
      ),
      { numRuns: Number(process.env['UNIT_RUNS'] ?? 25) },
    );
  });
});

describe('junk in a document', () => {
  const kinds = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU', 'UP1KYO', 'UPKIHON', 'DLTJSK', '__proto__', 'constructor'];
  const template = templates.find(([edition, type]) => edition === '4.1' && type === 'schedule')![2];
  it('never throws; whatever files it gives pass validateFiles with no error', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...kinds), fc.array(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())), { maxLength: 3 })),
        fc.option(fc.array(fc.anything(), { maxLength: 2 }), { nil: undefined }),
        (records, images) => {
          const doc = { ...copy(template), users: [{ ...copy(template.users[0]!), records: { ...copy(template.users[0]!.records), ...records } }], ...(images ? { images } : {}) } as SendUnitDocumentInput;
          const written = writeSendUnit(doc);
          if (written.files.length > 0) expect(validateFiles(written.files).summary.errors).toBe(0);
          else expect(written.issues.some((i) => i.code === 'UNITDOC_NOT_WRITTEN')).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
