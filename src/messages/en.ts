// English messages, one per rule code, with the params the Japanese catalogue gives each code.
import type { Catalogue } from './catalogue.js';
import type { FileNameKind } from '../../spec-tables/index.js';
import {
  directionText,
  EDITION_40,
  editionsOf,
  FILE_NAME_KINDS,
  fileNameSpec,
  kindText,
  lengthOf,
  monthOf,
  nameEn,
  OFFICE_NUMBER,
  officeFault,
  ruleText,
  serviceTypeOf,
  zeroMonthKinds,
} from './names.js';
import { FORMATS } from '../../spec-tables/formats.js';
import { VALUE_CODECS } from '../schemas/value-codecs.js';
import { codeTableOf, controlLabel, count, exampleOf, fieldEn, kindLabel, lineRuns, quoted, sendUnitName } from './labels.js';
import { refusalReason } from './refusals.js';

/** A kind in a message: table 7 (UPSIKYU). */
const K = (kind: string): string => kindLabel(kind).en;
import type { BadSubstitutionParams, ConditionParams, PlanPathParams, ServiceCodePeriod, ServiceCodeRecords, SubtotalParams } from './ja-words.js';
import type { BadValueExpected } from '../service-codes/load-csv.js';
import type { NotPrintedReason } from './ja-words.js';
const planPathEn = (p: PlanPathParams): string => p.path.map((n) => `${n.field.name} ${n.value}`).join(', ');
const planUserEn = (p: PlanPathParams): string => `user ${p.user}, plan of ${p.plan}`;

/** A wrong 検証番号, as the Japanese message says it. */
const checkDigitEn = (p: { readonly value: string; readonly expected: string }): string =>
  `the check digit (10th character) of office number ${p.value} should be ${p.expected} (a likely typing error)`;

export const en: Catalogue = {
  // Field rules (src/schemas/field-rules.ts).
  FIELD_REQUIRED: (p) => `${fieldEn(p.field)} is required but empty.`,
  FIELD_LENGTH: (p) => `${fieldEn(p.field)} must be ${p.length} characters; ${quoted(p.value)} has ${p.actual} (${FORMATS[p.format].en}).`,
  FIELD_TOO_LONG: (p) => `${fieldEn(p.field)} allows at most ${p.length} characters; ${quoted(p.value)} has ${p.actual}.`,
  FIELD_FORMAT: (p) => {
    if ('readAs' in p) return `${fieldEn(p.field)}: ${JSON.stringify(p.value)} cannot be read as ${VALUE_CODECS[p.readAs].en}.`;
    const example = exampleOf(p.format);
    const allowed = p.sentinels.length ? `, or ${p.sentinels.join(' / ')}` : '';
    const exampleEn = example !== undefined ? ` (the spec's example: ${example})` : '';
    const why = p.uncertain ? ' A warning only: the spec gives this field no more than a length and an example.' : '';
    return `${fieldEn(p.field)}: ${quoted(p.value)} is not ${FORMATS[p.format].en}${allowed}${exampleEn}.${why}`;
  },
  FIELD_INVALID_DATE: (p) => `${fieldEn(p.field)}: ${quoted(p.value)} is not a real date (YYYYMMDD).`,
  FIELD_INVALID_MONTH: (p) => `${fieldEn(p.field)}: ${quoted(p.value)} is not a real month (YYYYMM).`,
  FIELD_INVALID_TIME: (p) => `${fieldEn(p.field)}: ${quoted(p.value)} is not a valid time (HHMM, 00:00-23:59).`,
  FIELD_UNKNOWN_CODE: (p) => {
    const table = codeTableOf(p.codeTable);
    return `${fieldEn(p.field)}: ${quoted(p.value)} is not in the code table ${table.name} (${table.entries.map(([c]) => c).join(', ')}).`;
  },
  FIELD_UNKNOWN_SERVICE_TYPE: (p) => `${fieldEn(p.field)}: ${quoted(p.value)} is not a service type code listed by the spec (§1.3, §1.4).`,
  FIELD_FORMULA_PREFIX: (p) => `${fieldEn(p.field)} starts with '${p.prefix}': spreadsheet software may treat it as a formula.`,
  FIELD_CONTROL_CHAR: (p) =>
    `${fieldEn(p.field)}: control character ${controlLabel(p.char).en} at character ${p.at} of the value${p.count > 1 ? ` (and ${p.count - 1} more)` : ''}. ` +
    (p.freeText ? 'Free text allows line breaks (CR, LF) and no other control characters.' : 'Control characters are not allowed.'),
  FIELD_CSV_VERSION_MISMATCH: (p) => `${fieldEn(p.field)}: ${quoted(p.value)} does not match this layout's CSV version ${p.csvVersion}.`,
  // Check digits (検証番号).
  FIELD_OFFICE_CHECK_DIGIT: (p) => `${fieldEn(p.field)}: ${checkDigitEn(p)}.`,
  // Record rules (src/validate/record-rules.ts, supplement-rules.ts).
  RECORD_DATE_OUTSIDE_MONTH: (p) => `Service date ${p.date} is outside the service month ${p.month}.`,
  RECORD_TIME_PAIR: (p) => `Start ${p.start} and end ${p.end}: a service without times has 9999 in both.`,
  RECORD_TIME_ORDER: (p) => `End time ${p.end} is before start time ${p.start} (wrong unless the service runs past midnight).`,
  RECORD_PRORATED_PAST_MONTH_END: (p) => `Prorated-day mask has 1 after day ${p.days} (${p.month} has ${p.days} days).`,
  RECORD_EQUIPMENT_CODE_MISSING: (p) => `福祉用具貸与 (service code ${p.serviceCode}) needs a TAIS code or an equipment notification code.`,
  RECORD_DETAIL_CODE_NOT_RENTAL: (p) => `明細判別コード is only for 17 福祉用具貸与 (service code ${p.serviceCode}); leave it empty otherwise.`,
  RECORD_SUBTOTAL_FIXED_VALUE: (p) =>
    p.fixed === 'zero' ? `${fieldEn(p.field)} of a ${p.row} row is fixed at 0.` : `A ${p.row} row leaves ${fieldEn(p.field)} empty.`,
  RECORD_TOTAL_OFFICE: (p) => (p.total ? 'The total row (999999) has office 9999999999.' : 'Office 9999999999 is only for the total row (999999).'),
  RECORD_HOSOKU_PAIRING: (p) => {
    const d = fieldEn(p.date);
    const m = fieldEn(p.month);
    const tie = `The file name's month ${p.nameMonth ?? ''} ties this supplement to ${p.case.startsWith('plan') ? '第1/2表' : '第6/7表'}`;
    switch (p.case) {
      case 'both':
        return `${d} ${p.dateSentinel} and ${m} ${p.monthSentinel} cannot both be set.`;
      case 'neither':
        return `Tied to 第1/2表, ${m} is ${p.monthSentinel}; tied to 第6/7表, ${d} is ${p.dateSentinel} (neither is).`;
      case 'planDate':
        return `${tie}: ${d} holds the 第1表 plan date (${p.dateSentinel} only when tied to 第6/7表).`;
      case 'planMonth':
        return `${tie}: ${m} must be ${p.monthSentinel} (it is ${p.value}).`;
      case 'scheduleMonth':
        return `${tie}: ${m} holds the 第6/7表 service month (${p.monthSentinel} only when tied to 第1/2表).`;
      case 'scheduleDate':
        return `${tie}: ${d} must be ${p.dateSentinel} (it is ${p.value}).`;
    }
  },
  RECORD_HOSOKU_LIMIT_ORDER: (p) => `Type limits fill slots from 1 (slot ${p.empty} is empty, slot ${p.slot} is set).`,
  RECORD_NO_RANGE: (p) => `${fieldEn(p.field)} must be 1 to 99.`,
  RECORD_CONDITIONAL_REQUIRED: (p) => `${fieldEn(p.field)} is required when ${conditionEn(p)}, but it is empty.${uncertainEn(p)}`,
  RECORD_CONDITIONAL_EMPTY: (p) =>
    `${fieldEn(p.field)} is only set when ${conditionEn(p)}, and left empty otherwise; it has a value (${fieldEn(p.other)}: ${p.actual === '' ? 'empty' : p.actual}).${uncertainEn(p)}`,
  RECORD_SUBSTITUTE_VALUE: (p) => `${fieldEn(p.field)}: write ${p.use}, not ${p.value} (the note: 「${p.note}」).${uncertainEn(p)}`,
  RECORD_DATE_ORDER: (p) => `${fieldEn(p.field)} ${p.value} is ${p.after ? 'after' : 'before'} ${fieldEn(p.other)} ${p.otherValue}.${uncertainEn(p)}`,
  RECORD_HOSOKU_LIMIT_EXCESS: (p) => `${fieldEn(p.field)} ${p.excess}: slot ${p.slot}'s total ${p.total} − limit ${p.limit} gives ${p.expected}.`,
  RECORD_HOSOKU_TOTAL_EXCESS: (p) => `Total excess ${p.total} differs from the sum of the slots' excess, ${p.sum}.`,
  // Send units (src/validate/units.ts, cross-checks.ts).
  UNIT_NO_BASE: (p) => `The send unit has no base file (table 1, table 6, basic information …): ${p.kinds.map((k) => K(k)).join(', ')}.`,
  UNIT_MISSING_FILE: (p) => `The ${sendUnitName(p.type).en} send unit lacks ${K(p.kind)}.`,
  UNIT_MISSING_ANNEX: (p) => `${K(p.owner)} is sent without its ${K(p.kind)} (sent together as a rule).`,
  UNIT_MISSING_IMAGE: (p) => `Basic information names family diagram ${p.image}, which the send unit lacks.`,
  UNIT_SURPLUS_FILE: (p) => `${K(p.kind)} does not belong in a ${sendUnitName(p.type).en} send unit.`,
  UNIT_DUPLICATE_KIND: (p) => `${p.count} ${K(p.kind)} files in one send unit.`,
  UNIT_DELETION_NOT_ALONE: (p) => `A withdrawal (${p.kinds.map((k) => K(k)).join(', ')}) travels alone (other files share its sequence).`,
  UNIT_MIXED_EDITIONS: () => 'One send unit mixes edition-3 and edition-4 names.',
  UNIT_MIXED_VERSIONS: (p) => `One send unit mixes CSV versions (${p.versions.join(', ')}).`,
  UNIT_MIXED_PARTIES: (p) => `Service type codes differ within one send unit (${p.types.join(', ')}).`,
  UNIT_SUPPLEMENT_MONTH: (p) => `${K(p.kind)} carries month ${p.month}; in this send unit it is ${p.expected}.`,
  UNIT_KEY_NOT_IN_BASE: (p) => `The user ${p.user} of ${K(p.kind)} (line ${p.line}) is not in ${K(p.base)}.`,
  UNIT_KEY_NOT_IN_DEPENDENT: (p) => `The user ${p.user} of ${K(p.kind)} (line ${p.line}) is not in ${K(p.dependent)}.`,
  UNIT_ANNEX_NOT_IN_PLAN: (p) =>
    `第7表 line ${p.line} (user ${p.user}, office ${p.office}, service ${p.code}${p.equipment ? `, product ${p.equipment}` : ''}) is not in 第6表.`,
  UNIT_PLAN_NOT_IN_ANNEX: (p) =>
    'code' in p
      ? `第6表 line ${p.line} (user ${p.user}, office ${p.office}, service ${p.code}${p.equipment ? `, product ${p.equipment}` : ''}) is not in 第7表.`
      : `第6表 user ${p.user} (from line ${p.line}) is not in 第7表.`,
  UNIT_ANNEX_COUNT_MISMATCH: (p) =>
    `第7表 line ${p.line}: times ${p.times}, but the 第6表 rows (from line ${p.planLine}) add up to ${p.count}${p.prorated !== 0 ? ` (${p.prorated} prorated days)` : ''} (service ${p.code}).`,
  UNIT_ANNEX_UNITS_MISMATCH: (p) =>
    `第7表 line ${p.line}: ${p.discounted ? 'discounted units' : 'units'} ${p.units}, 第6表 (from line ${p.planLine}) has ${p.planUnits} (service ${p.code}).`,
  UNIT_ANNEX_AMOUNT: (p) => `第7表 line ${p.line}: amount ${p.amount} is not units ${p.base} × times ${p.times} = ${p.base * p.times}.`,
  UNIT_ANNEX_SUBTOTAL_MISMATCH: (p) => subtotalEn(p, 'with'),
  UNIT_ANNEX_COUNT_ONCE_A_MONTH: (p) =>
    `第7表 line ${p.line} counts 1, the 第6表 rows (from line ${p.planLine}) add up to ${p.count} (service ${p.code}): right for a monthly (包括) service or a monthly add-on, which is imported once; the spec leaves it to the vendor.`,
  UNIT_ANNEX_EXCLUDED_SUBTOTAL_MISMATCH: (p) => subtotalEn(p, 'without'),
  UNIT_ANNEX_TOTAL_MISMATCH: (p) => `第7表 line ${p.line}: the total row amount ${p.amount}, the user's rows add up to ${p.rows} (user ${p.user}).`,
  UNIT_ANNEX_TOTAL_BENEFIT_MISMATCH: (p) =>
    `第7表 line ${p.line}: the total row 給付管理単位数 ${p.benefit}, the user's rows add up to ${p.rows}${p.typeExcess !== 0 ? ` (${p.rows - p.typeExcess} less the type-limit excess ${p.typeExcess})` : ''} (user ${p.user}).`,
  UNIT_LIMIT_EXCESS_MISMATCH: (p) =>
    p.part === 'excess'
      ? `Total row: excess ${p.value}; 給付管理単位数 ${p.benefit} − limit ${p.limit} (user supplement) gives ${p.excess}.`
      : `Total row: within-limit units ${p.value} should be ${p.benefit - p.excess} (${p.benefit} − excess ${p.excess}).`,
  // Plan vs delivery (src/validate/compare.ts).
  COMPARE_WRONG_KIND: (p) => `${p.file} is not a ${p.kind} file (${p.found ?? 'unknown'}).`,
  COMPARE_MONTH_MISMATCH: (p) => `Plan and delivery cover different months (${p.months.join(', ')}).`,
  // The reader (src/codec/byte-decoder.ts, rows.ts, read.ts).
  CSV_NOT_MS932: (p) =>
    `The file is UTF-8 (byte offset ${p.offset}${p.bom ? ', with a UTF-8 byte order mark EF BB BF' : ''}); the spec requires Shift_JIS (MS932). ` +
    (p.lenient ? 'Reading on as UTF-8.' : 'Reading stopped (the lenient profile, --profile lenient, reads it as UTF-8).'),
  CSV_NOT_MS932_LATE: (p) =>
    `Only its end showed that the file is UTF-8 (${p.long ? 'a 3- or 4-byte UTF-8 sequence (Japanese, say)' : 'bytes invalid in MS932 and valid in UTF-8'} at byte offset ${p.offset}); the spec requires Shift_JIS (MS932). ` +
    'Its first bytes did not tell, so it was read as MS932: the text of the records already read may be garbled ' +
    '("あい" read as "縺ゅ＞"). readCsvFile / validateFile, which take the whole file at once, treat it as UTF-8 from the start.',
  CSV_AMBIGUOUS_ENCODING: (p) =>
    `The whole file is valid MS932 and valid UTF-8 as well. Its first non-ASCII character (${p.bytes} at byte offset ${p.offset}) ` +
    `reads "${p.asMs932}" as MS932 and "${p.asUtf8}" (${p.codePoint}) as UTF-8. It was read as MS932, as the spec requires; ` +
    'if the file was written in UTF-8, this text is garbled. Check which encoding the sending software writes (it must be Shift_JIS / MS932). ' +
    '(An MS932 file whose only non-ASCII text is half-width katakana can read both ways like this.)',
  CSV_BOM: () => 'The file starts with a UTF-8 byte order mark (EF BB BF); MS932 files have none.',
  CSV_INVALID_BYTES: (p) => `Bytes ${p.bytes} at byte offset ${p.offset}${p.atEnd ? ' (at the end)' : ''} are not valid Shift_JIS (MS932).`,
  CSV_GAIJI: (p) => `A user-defined character (gaiji, ${p.bytes}) at byte offset ${p.offset}; the spec forbids gaiji.`,
  CSV_NONCANONICAL_MS932: (p) =>
    `${p.bytes} at byte offset ${p.offset} is a duplicate MS932 code; Windows writes the same character as ${p.canonical}, so rewriting changes these bytes.`,
  CSV_UNMAPPABLE_CHAR: (p) => `${fieldEn(p.field)}: '${p.char}' (${p.codePoint}) cannot be written in MS932.`,
  CSV_LF_LINE_ENDINGS: () => 'Records end with LF; use CRLF.',
  CSV_CR_LINE_ENDINGS: () => 'Records end with CR; use CRLF.',
  CSV_MIXED_LINE_ENDINGS: (p) => `Mixed record endings (${p.endings.join(', ')}); the first one that is not CRLF is on line ${p.firstLine}.`,
  CSV_NO_FINAL_NEWLINE: () => 'The last record has no line break (CRLF) after it.',
  CSV_HEADER_ROW: (p) => `Line ${p.line} is a header row; spec files have none (the line was skipped).`,
  CSV_EMPTY_LINE: (p) => `Line ${p.line} is empty; an empty line is not a record.`,
  CSV_EMPTY_FILE: () => 'The file has no records.',
  CSV_FIELD_COUNT: (p) =>
    `${p.count} fields; ${p.kind} (CSV version ${p.csvVersion}, edition ${p.edition}) has ${p.expected}` +
    `${p.other ? ` (${p.count} fields is the layout of CSV version ${p.other.csvVersion}, edition ${p.other.edition})` : ''}.`,
  CSV_UNTERMINATED_QUOTE: (p) => `Line ${p.line} (field ${p.field}): a quote is never closed (to the end of the file); this record could not be read.`,
  CSV_BAD_QUOTE: (p) => `Line ${p.line} (field ${p.field}): a stray quote: text after a closing quote, or an undoubled quote inside an unquoted field; this record could not be read.`,
  CSV_UNQUOTED_FREE_TEXT: (p) => `${fieldEn(p.field)} is free text but not enclosed in double quotes.`,
  CSV_QUOTED_NON_FREE_TEXT: (p) => `${fieldEn(p.field)} is not free text but is enclosed in double quotes.`,
  CSV_UNKNOWN_VERSION: (p) =>
    `CSV version ${JSON.stringify(p.version)}, not defined by the spec, on ${count(p.records)} record${p.records === 1 ? '' : 's'} ` +
    `(line${p.records === 1 ? '' : 's'} ${lineRuns(p.lines, ', ', ' …')}${p.linesOmitted ? ` and ${count(p.linesOmitted)} more record${p.linesOmitted === 1 ? '' : 's'}` : ''}); the spec's CSV versions are ${p.defined.join(', ')}.`,
  CSV_UNSUPPORTED_VERSION: (p) =>
    `CSV version ${p.version} (${p.edition}) of ${p.kind} is not supported by this library (${count(p.records)} record${p.records === 1 ? '' : 's'}, ` +
    `line${p.records === 1 ? '' : 's'} ${lineRuns(p.lines, ', ', ' …')}${p.linesOmitted ? ` and ${count(p.linesOmitted)} more record${p.linesOmitted === 1 ? '' : 's'}` : ''}).`,
  CSV_MIXED_VERSIONS: (p) => `CSV version ${p.version} differs from this file's ${p.fileVersion}; one file cannot mix CSV versions.`,
  CSV_RECORD_TOO_LONG: (p) => `Line ${p.line} (field ${p.field}): the record is longer than the limit (${count(p.limit)} characters); this record could not be read.`,
  CSV_FIELD_TOO_LARGE: (p) => `Line ${p.line}, field ${p.field} is longer than the limit (${count(p.limit)} characters); the record was not read.`,
  CSV_TOO_MANY_RECORDS: (p) => `More records than the limit (${count(p.limit)}): nothing from line ${p.line} on was read.`,
  CSV_UNKNOWN_KIND: (p) =>
    'rewrite' in p
      ? 'The kind or CSV version cannot be told, so the file cannot be rewritten (--kind gives the kind).'
      : `Cannot tell the file kind from the name ${JSON.stringify(p.name)}; pass the kind option.`,
  // Typed records (src/documents/record-issues.ts).
  DECODE_NORMALISED: (p) =>
    `${fieldEn(p.field)}: ${JSON.stringify(p.value)} was read as ${p.canonical}; it is written back as ${JSON.stringify(p.canonical)} (the same value, spelt canonically).`,
  DECODE_NOT_TEXT: (p) => `${fieldEn(p.field)}: the value is not a string (${p.shown}); a text record holds each field's text as in the file.`,
  DOCUMENT_UNKNOWN_FIELD: (p) => `${p.key} is not a field of the ${p.kind} layout (CSV version ${p.csvVersion}).`,
  DOCUMENT_NO_LAYOUT: (p) =>
    `${p.kind} has no layout for CSV version ${p.csvVersion === undefined ? '(none)' : JSON.stringify(p.csvVersion)} (served: ${p.served.join(', ')}).`,
  ENCODE_BAD_VALUE: (p) => {
    const codes = p.codeTable !== undefined ? ` (${codeTableOf(p.codeTable).entries.map(([c]) => c).join(', ')})` : '';
    const nullable = p.nullText !== undefined ? `, or null (${p.nullText})` : '';
    return `${fieldEn(p.field)}: ${p.shown} cannot be written; it must be ${VALUE_CODECS[p.format].en}${codes}${nullable} (leave the property out for an empty field).`;
  },
  // File names (src/filenames/checks.ts, format.ts); the segment, its value and the kind come first (names.ts).
  NAME_UNKNOWN_PREFIX: (p) => {
    if (p.built) return `"${p.value}" is not a file kind of the spec.`;
    const upper = p.value.toUpperCase();
    return FILE_NAME_KINDS.includes(upper as FileNameKind)
      ? nameEn(p, `must be written in upper case: ${upper}.`)
      : nameEn(p, `is not a file kind of the spec. Names start with one of ${FILE_NAME_KINDS.join(', ')}.`);
  },
  NAME_SEGMENT_COUNT: (p) => {
    if ('name' in p) return `${p.name} does not read back to the given parts (does a value contain "_"?).`;
    const counts = editionsOf(p.kind!).counts;
    return nameEn(p, `: ${p.count} segments after the prefix; ${kindText(p.kind).en} has ${counts.map((x) => `${x.n} in edition ${x.e} (${x.rule.en})`).join(', ')}.`);
  },
  NAME_KIND_NOT_IN_EDITION: (p) => {
    const { editions, rules } = editionsOf(p.kind!);
    return nameEn(p, `follows the edition-${p.edition} rule, but ${kindText(p.kind).en} exists in edition ${editions.join('/')} only. Rule: ${rules.map((r) => r.en).join(' / ')}`);
  },
  NAME_UNEXPECTED_MONTH: (p) => nameEn(p, `: ${kindText(p.kind).en} names carry no month (rule: ${ruleText(p.kind!, 4).en}).`),
  NAME_MISSING_MONTH: (p) => {
    const month = monthOf(p.kind)!;
    return nameEn(p, `stands where the ${month.en} belongs: ${kindText(p.kind).en} names carry the ${month.en} (YYYYMM, ${month.meaningEn}) right after the prefix.`);
  },
  NAME_BAD_MONTH: (p) => {
    const month = monthOf(p.kind)!;
    const zero = month.zero ? `, or ${month.zero.value} ${month.zero.whenEn}` : '';
    return nameEn(p, `is not a real month (YYYYMM). For ${kindText(p.kind).en} it is ${month.meaningEn}, written YYYYMM${zero}.`);
  },
  NAME_ZERO_MONTH_NOT_ALLOWED: (p) => {
    const month = monthOf(p.kind)!;
    return nameEn(p, `is not allowed for ${kindText(p.kind).en}: only ${zeroMonthKinds(p.value).map((a) => a.en).join(', ')} may carry ${p.value}. Here it is ${month.meaningEn} (YYYYMM).`);
  },
  NAME_BAD_OFFICE: (p) => nameEn(p, `${officeFault(p.value).en}. Expected: ${OFFICE_NUMBER.en}.`),
  NAME_BAD_SERVICE_TYPE: (p) => nameEn(p, 'is not a service type code (2 upper-case letters or digits, e.g. 11, 2A, A1).'),
  NAME_EDITION_40_SERVICE_SEGMENT: (p) =>
    nameEn(p, `has 3 characters: this is the edition-4.0 rule (${EDITION_40.en}). Edition 4.1 replaced it with the 2-character service type code (e.g. 11, 2A, A1).`),
  NAME_UNKNOWN_SERVICE_TYPE: (p) => nameEn(p, 'is not a service type code listed by the spec (§1.3, §1.4).'),
  NAME_SERVICE_TYPE_OUT_OF_SCOPE: (p) => {
    const type = serviceTypeOf(p.value);
    return nameEn(p, `(${type.name}) is a service type outside the scope of the exchange (${type.source}).`);
  },
  NAME_BAD_TIMESTAMP: (p) => nameEn(p, p.digits ? 'is not a real date and time (YYYYMMDDHHMMSS).' : `is not 14 digits (YYYYMMDDHHMMSS) (${lengthOf(p.value).en}).`),
  NAME_BAD_BRANCH: (p) => nameEn(p, `is not ${fileNameSpec(p.kind!).branch?.length ?? 4} digits (e.g. 0001).`),
  NAME_EXTENSION_CASE: (p) => nameEn(p, `differs in letter case from the rule: ${kindText(p.kind).en} files end in "${fileNameSpec(p.kind!).extension.canonical}".`),
  NAME_BAD_EXTENSION: (p) => {
    const canonical = fileNameSpec(p.kind!).extension.canonical;
    return nameEn(p, p.value === '' ? `: the extension is missing; ${kindText(p.kind).en} files end in "${canonical}".` : `is not allowed: ${kindText(p.kind).en} files end in "${canonical}".`);
  },
  NAME_DIRECTION: (p) => {
    const d = directionText(p.kind!, p.senderType, p.receiverType);
    return nameEn(p, `: ${kindText(p.kind).en} is sent ${d.found.en}. This kind flows ${d.allowed.en}. Check that sender and receiver are not swapped.`);
  },
  NAME_UNUSED_PART: (p) => nameEn(p, `: edition-${p.edition} ${kindText(p.kind).en} names have no such segment.`),
  NAME_DELETION_MISMATCH: (p) => `deletion: ${p.deletion} does not match ${kindText(p.kind).en} (${fileNameSpec(p.kind).deletion ? 'a' : 'not a'} withdrawal file).`,
  // Check digits (検証番号).
  NAME_OFFICE_CHECK_DIGIT: (p) => nameEn(p, `: ${checkDigitEn(p)}.`),
  // The writer (src/codec/write.ts, substitutions.ts); a refused record's message says which and that it was not written.
  WRITE_UNMAPPABLE_CHAR: (p) =>
    refusedEn(p, `${fieldEn(p.field)}: '${p.char}' (${p.codePoint}) cannot be written in MS932${p.table ? ' (not in the substitution table)' : ' (unmappable: "substitute" applies the substitution table)'}`),
  WRITE_SUBSTITUTED: (p) => `Record ${p.record}: ${fieldEn(p.field)}: replaced '${p.from}' (${p.codePoint}) with '${p.to}' (${p.count}×).`,
  WRITE_BAD_SUBSTITUTION: (p) => `Substitution '${p.from}' → '${p.to}' ignored: ${substitutionProblemEn(p)}.`,
  WRITE_MISSING_FIELD: (p) => refusedEn(p, `${fieldEn(p.field)} is missing or not a string (use "" for an empty field)`),
  WRITE_UNKNOWN_FIELD: (p) => refusedEn(p, p.inherited ? `inherited property ${p.key} (only a record's own properties are written)` : `field ${p.key} is not in the layout`),
  WRITE_NOT_A_RECORD: (p) => refusedEn(p, 'not an object'),
  WRITE_CONTROL_CHAR: (p) => refusedEn(p, `${fieldEn(p.field)} holds the control character ${controlLabel(p.char).en}`),
  WRITE_UNSAFE_VALUE: (p) =>
    refusedEn(
      p,
      p.substituted === undefined
        ? `${fieldEn(p.field)} cannot contain a quote, comma or line break (only free text is quoted)`
        : `${fieldEn(p.field)}: the value after substitution, ${JSON.stringify(p.substituted)}, would change the fields or records written`,
    ),
  WRITE_CSV_VERSION_MISMATCH: (p) => refusedEn(p, `${fieldEn(p.field)} ${JSON.stringify(p.value)} differs from the CSV version being written, ${p.csvVersion}`),
  WRITE_NO_LAYOUT: (p) => `The spec defines no layout of ${p.kind} for CSV version ${p.csvVersion}.`,
  // Send-unit documents (src/documents/check-document.ts, read-units.ts, write-unit.ts, document-json.ts).
  UNITDOC_UNKNOWN_TYPE: (p) => `type "${p.type}" is not a send-unit type.`,
  UNITDOC_TYPE_NOT_IN_EDITION: (p) => `There is no ${sendUnitName(p.type).en} send unit in edition ${p.edition} (CSV version ${p.csvVersion}).`,
  UNITDOC_BAD_VERSION: (p) => `Files of CSV version ${p.version} cannot be written.`,
  UNITDOC_BAD_PART: (p) => {
    switch (p.part) {
      case 'monthNotCarried':
        return `${sendUnitName(p.type).en} file names carry no month (month ${p.value} cannot be written).`;
      case 'month':
        return `month is the file names' month ('YYYY-MM'): ${p.value ?? '(none)'}.`;
      case 'name':
        return `The file-name parts ${p.value} make no conformant name.`;
    }
  },
  UNITDOC_SURPLUS_KIND: (p) => `${p.path}: ${p.kind} does not belong in a ${sendUnitName(p.type).en} send unit.`,
  UNITDOC_NO_USERS: () => 'The document has no users (users is empty).',
  UNITDOC_USER_MISMATCH: (p) =>
    'user' in p ? `${p.path}: user ${p.user} appears twice (one entry per user).` : `${p.path}.${p.key} ${p.value} differs from the user's ${p.expected}.`,
  UNITDOC_NOT_A_RECORD: (p) => (p.array ? `${p.path} is not an array of records.` : `${p.path} is not an object.`),
  UNITDOC_BAD_IMAGE: (p) => ('type' in p ? `A ${sendUnitName(p.type).en} send unit carries no family-diagram images.` : `${p.path} is not { branch: string, jpeg: Uint8Array }.`),
  UNITDOC_RECORD_LEFT_OUT: (p) => `Record ${p.record} of ${p.file} (line ${p.line}) could not be decoded and is left out of the document (see the issues of that line).`,
  UNITDOC_NOT_WRITTEN: () => 'The document has errors: no file was written.',
  // The command (src/cli/input.ts, src/cli/commands/fix.ts).
  FILE_UNREADABLE: (p) => `${p.file} cannot be read (${p.reason.en}${p.errno ? ` (${p.errno})` : ''}); it was not validated.`,
  FIX_VERIFY_FAILED: () => 'The rewritten file does not read back to the same values; nothing written (please report this as a bug).',
  // The file rules (src/validate/rules/*).
  FILE_VERSION_EDITION_MISMATCH: (p) => `CSV version ${p.version} does not match the file name (edition-${p.edition} form).`,
  FILE_VERSION_NOT_IN_FORCE: (p) => `The CSV version in force for service month ${p.month} is ${p.inForce} (the file has ${p.version}).`,
  FILE_SUPERSEDED_VERSION: (p) => `CSV version ${p.version} is the edition-${p.edition} value; edition ${p.replacedIn} changed it to ${p.replacedBy}.`,
  FILE_MONTH_MISMATCH: (p) => `${fieldEn(p.field)} ${p.value} differs from the file name's month ${p.nameMonth}.`,
  FILE_MULTIPLE_MONTHS: (p) => `Several service months in one file (${p.months.join(', ')}); one file holds one month.`,
  FILE_DUPLICATE_KEY: (p) => `Same key (${p.fields.map(fieldEn).join(' + ')}) as the record on line ${p.firstLine}.`,
  FILE_DUPLICATE_RECORD: (p) => `Identical to the record on line ${p.firstLine}.`,
  FILE_ISSUES_TRUNCATED: (p) => `${p.more} more ${p.code} issues were not listed (limit ${p.limit} per file).`,
  FILE_TOTAL_MISSING: (p) => `User ${p.user} has no total (999999) row (required).`,
  FILE_SUBTOTAL_MISSING: (p) => `User ${p.user}, office ${p.office}, type ${p.type} has several rows: the ${p.type}AAAA subtotal is required.`,
  RECORD_SUBTOTAL_TYPE: (p) => `Subtotal ${p.code}: office ${p.office} has no rows of service type ${p.type}.`,
  FILE_RECORD_NOT_FOR_RECEIVER: (p) => {
    if ('user' in p) return `User ${p.user} (from line ${p.line}) has no service of the receiving office ${p.office}: users that are not the receiver's business are not sent.`;
    switch (p.rule) {
      case 'UPJSK.careManagementOfficeNumber':
        return `Plan office ${p.value} is not the receiver ${p.expected}: is this another care-management office's user?`;
      case 'UPJSK.serviceOfficeNumber':
        return `Service office ${p.value} is not the sender ${p.expected}: a provider sends only its own deliveries.`;
      case 'DLTJSK.serviceOfficeNumber':
        return `Service office ${p.value} is not the sender ${p.expected}.`;
      case 'UPPLAN.careManagementOfficeNumber':
        return `Plan office ${p.value} is not the sender ${p.expected}.`;
    }
  },
  FILE_SERVICE_TYPE_NOT_SENDER: (p) =>
    p.rule === 'UPJSK.serviceCode'
      ? `Service code ${p.value} is of service type ${p.value.slice(0, 2)}, the sender's is ${p.expected}: each office and service type sends its own file.`
      : `Service type ${p.value} is not the sender's service type ${p.expected}.`,
  // The 第2表 / 予防 別表 NO tree (src/validate/rules/plan-hierarchy.ts).
  FILE_PLAN_PATH_REPEATED: (p) => `${planPathEn(p)} is on line ${p.firstLine} and again on line ${p.line} (${planUserEn(p)}): the receiver keys rows on these numbers.`,
  FILE_PLAN_NEED_DIFFERS: (p) => `${fieldEn(p.field)} of ${planPathEn(p)} differs between lines ${p.firstLine} and ${p.line} (${planUserEn(p)}).`,
  FILE_PLAN_GOAL_DIFFERS: (p) => `${fieldEn(p.field)} of ${planPathEn(p)} differs between lines ${p.firstLine} and ${p.line} (${planUserEn(p)}).`,
  FILE_NOT_SPEC_FILE: (p) => refusalReason(p.file, p.type).en,
  IMAGE_NOT_JPEG: () => 'The file is not a JPEG image (it does not start with FF D8 FF).',
  UNIT_ISSUES_TRUNCATED: (p) => `${p.more} more ${p.code} issues were not listed (limit ${p.limit} per send unit).`,
  UNITDOC_JSON_SHAPE: (p) =>
    'path' in p ? `${p.path}${p.field ? ` (No.${p.field.no} ${p.field.name})` : ''}: ${p.problem.en}` : 'A send-unit document is a JSON object.',
  // The service-code master (src/validate/rules/service-codes.ts, src/service-codes/load-csv.ts).
  RECORD_SERVICE_CODE_UNKNOWN: (p) =>
    `Service code ${p.code} is not in the service-code master${p.insurer ? ` (insurer ${p.insurer})` : ''} (service month ${monthEn(p.month)}) ${serviceRecordsEn(p)}.`,
  RECORD_SERVICE_CODE_OUT_OF_PERIOD: (p) =>
    `Service code ${p.code} cannot be used in ${monthEn(p.month)} (${p.insurer ? `insurer ${p.insurer}, ` : ''}valid ${p.periods.map(periodEn).join(', ')}) ${serviceRecordsEn(p)}.`,
  RECORD_SERVICE_UNITS_DIFFER: (p) =>
    p.relation === 'equal'
      ? `${fieldEn(p.field)} ${p.value} differs from the master's ${p.units} units for service code ${p.code} ${serviceRecordsEn(p)}.`
      : `${fieldEn(p.field)} ${p.value} is above the master's ${p.units} units for service code ${p.code} ${serviceRecordsEn(p)}.`,
  MASTER_NOT_A_MASTER: (p) =>
    `Not a service-code master CSV: the header row (${p.header || 'empty'}) is neither the 保険者 layout (保険者番号,サービス種類コード,…) nor the vendor layout (種類,項目,開始年月,終了年月,名称,単位数). The file was not read.`,
  MASTER_ROW_SHAPE: (p) => (p.quoting ? 'A row with unbalanced quotes ("); the row was not read.' : `The row has ${p.cells} cells (the header ${p.expected}); the row was not read.`),
  MASTER_BAD_VALUE: (p) => `${p.column} is not ${MASTER_VALUE_EN[p.expected]}; the row was not read.`,
  MASTER_PERIOD_ORDER: (p) => `End month ${p.to} is before start month ${p.from}; the row was not read.`,
  MASTER_CONFLICT: (p) => `Service code ${p.code}: ${p.units} units, but ${p.other ? `the row at ${p.other}` : 'another row'} of an overlapping period says ${p.otherUnits}.`,
  // The forms renderer (src/forms/render-forms.ts).
  FORMS_USER_NOT_FOUND: (p) => `No user with 被保険者番号 ${p.insured} in ${p.run ? 'any of the send units printed' : 'this send unit'}: nothing printed for it.`,
  FORMS_NO_USERS: (p) =>
    p.asked
      ? `None of the users asked for is in ${p.run ? 'any of the send units printed' : 'this send unit'}: no form to print.`
      : `${p.run ? 'The send units printed have' : 'This send unit has'} no users: no form to print.`,
  FORMS_RECORDS_NOT_PRINTED: (p) =>
    `${p.count} ${K(p.kind)} record${p.count === 1 ? '' : 's'}${p.insured ? ` of 被保険者番号 ${p.insured}` : ''} not printed: ${NOT_PRINTED_EN[p.reason](p.edition)}.`,
  FORMS_ACTUAL_WITHOUT_PLAN: (p) => `The 実績 of 保険者番号 ${p.insurer}, 被保険者番号 ${p.insured} for ${p.month} has no 第6表 (予定) among the send units printed with it: printed as a 第6表 of 実績 alone.`,
};

/** 202504 → 2025-04. */
const monthEn = (m: string): string => `${m.slice(0, 4)}-${m.slice(4, 6)}`;
const periodEn = (p: ServiceCodePeriod): string => `${monthEn(p.from)} to ${p.to ? monthEn(p.to) : 'open'}`;
/** (12 records, lines 3–14, 20): the records one service-code issue stands for. */
const serviceRecordsEn = (p: ServiceCodeRecords): string =>
  `(${count(p.records)} record${p.records === 1 ? '' : 's'}, line${p.records === 1 ? '' : 's'} ${lineRuns(p.lines, ', ', ' …')}${p.linesOmitted ? ` and ${count(p.linesOmitted)} more record${p.linesOmitted === 1 ? '' : 's'}` : ''})`;
const NOT_PRINTED_EN: Readonly<Record<NotPrintedReason, (edition: string) => string>> = {
  unknownKind: () => 'the spec has no such kind',
  notInEdition: (edition) => `the layouts of this edition (${edition}) have no such kind`,
  notFirst: () => 'the forms show a user\'s first record of this kind only (the spec allows one)',
  images: () => 'images such as the family diagram are not on the forms',
};

const MASTER_VALUE_EN: Readonly<Record<BadValueExpected, string>> = {
  insurer: 'six digits (an insurer number)',
  type: 'two capital letters or digits (a service type code)',
  item: 'four capital letters or digits (a service item code)',
  month: 'a month (YYYYMM)',
  endMonth: 'a month (YYYYMM; 999999 or empty when open-ended)',
  units: 'an integer',
};

const UNCERTAIN_EN = ' (a warning: the spec text does not settle this rule)';
const uncertainEn = (p: { readonly uncertain: boolean }): string => (p.uncertain ? UNCERTAIN_EN : '');
/** The condition in words: 'No.8 相談方法 is 03:その他'. */
const conditionEn = (p: ConditionParams): string => (p.values.length === 0 ? `${fieldEn(p.other)} is set` : `${fieldEn(p.other)} is ${p.values.join(' or ')}`);

function subtotalEn(p: SubtotalParams, which: 'with' | 'without'): string {
  return p.exceeds
    ? `第7表 line ${p.line}: subtotal ${p.code} amount ${p.amount} exceeds its rows' ${p.rows} (user ${p.user}).`
    : `第7表 line ${p.line}: subtotal ${p.code} amount ${p.amount}, its rows ${which} 給付管理単位数 add up to ${p.rows} (user ${p.user}).`;
}

const refusedEn = (p: { readonly record: number }, text: string): string => `Record ${p.record}: ${text} (record not written).`;

function substitutionProblemEn(p: BadSubstitutionParams): string {
  switch (p.problem) {
    case 'length':
      return 'the source must be one character';
    case 'control':
      return 'a control character is refused, never substituted';
    case 'empty':
      return 'the replacement is empty (the character would be deleted); give a character a reader takes for the same one';
    case 'unsafe':
      return 'the replacement must not hold a quote, comma, line break or control character (it would change the fields and records written)';
    case 'unmappable':
      return `'${p.char}' (${p.codePoint}) in the replacement cannot be written in MS932`;
  }
}
