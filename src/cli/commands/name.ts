// careplan-csv name: what a file name says (kind, edition, month, sender, receiver, ファイル連番) or precisely
// what is wrong with it; `name --build` makes the name the spec prescribes.
import { basename } from 'node:path';
import { buildFileName, getServiceType, isFileNameKind, parseFileName, sendUnitKey, type FileNameInfo, type FileNameKind, type FileNameParts, type Issue, type OfficeRef } from '../../core.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, type Ctx } from '../context.js';
import { namingEdition, parseEdition } from '../editions.js';
import { issueLines } from '../../report/text.js';
import { displayWidth, padEnd, visible } from '../../report/style.js';
import { formatTimestamp, nameSpecOf, nowTimestamp, parseOfficeRef } from '../name-parts.js';
import { positionalsOf, required } from '../options.js';
import { formatOption, printJson } from '../output-formats.js';
import { EDITION, FROM, KIND, TIMESTAMP, TO } from '../shared-options.js';

/** What each name-part option holds, for the message when a value cannot be one. */
const PART_SHAPE: Record<string, { ja: string; en: string }> = {
  timestamp: { ja: '14桁の数字（YYYYMMDDHHMMSS）', en: '14 digits (YYYYMMDDHHMMSS)' },
  month: { ja: '6桁の数字（YYYYMM）', en: '6 digits (YYYYMM)' },
  branch: { ja: '4桁の数字（枝番）', en: '4 digits (branch number)' },
  from: { ja: '事業所番号/サービス種類コード', en: 'OFFICE/SERVICE_TYPE' },
  to: { ja: '事業所番号/サービス種類コード', en: 'OFFICE/SERVICE_TYPE' },
};

/**
 * Refuse a name-part option value holding "_" (the name's separator), "." or a path separator: the name built
 * from it would be read back as other segments, and the message would be about a part the user never gave.
 * The rest (length, real dates) is buildFileName's business.
 */
export function checkNamePart(command: string, option: keyof typeof PART_SHAPE | string, value: string | undefined): void {
  if (value === undefined || !/[_.\\/]/.test(option === 'from' || option === 'to' ? value.replace('/', '') : value)) return;
  const shape = PART_SHAPE[option] ?? { ja: 'ファイル名の一部', en: 'a file-name part' };
  throw new CliError(
    `--${option} ${JSON.stringify(value)} は${shape.ja}ではありません（「_」「.」「/」「\\」はファイル名を別の区切りにします）`,
    `--${option} ${JSON.stringify(value)} is not ${shape.en} ("_", ".", "/" and "\\" would split the file name differently)`,
    command,
  );
}

function officeText(ctx: Ctx, ref: OfficeRef): string {
  if (!ref.serviceType) return ref.office;
  const type = getServiceType(ref.serviceType);
  const what = type ? ` ${type.name}` : '';
  return ctx.lang === 'en' ? `${ref.office} (service type ${ref.serviceType}${what})` : `${ref.office}（サービス種類 ${ref.serviceType}${what}）`;
}

/** The explanation of a recognised name, one labelled line per part. */
function explain(ctx: Ctx, info: FileNameInfo): string[] {
  const en = ctx.lang === 'en';
  const spec = nameSpecOf(info.kind);
  const rows: [string, string, string][] = [
    ['種別', 'kind', `${info.kind} — ${en ? spec.nameEn : spec.nameJa}${info.deletion ? (en ? ' (withdrawal)' : '（削除）') : ''}`],
    ['版', 'edition', info.edition === 4 ? (en ? 'edition 4 (4.0/4.1) naming, with service type codes' : '第4版（4.0/4.1）の名前（サービス種類コードあり）') : en ? 'edition 3 (3.0–3.2) naming, without service type codes' : '第3版（3.0〜3.2）の名前（サービス種類コードなし）'],
  ];
  if (info.month !== undefined) {
    const m = spec.month;
    const label = m ? (en ? m.en : m.ja) : en ? 'month' : '年月';
    const when = /^\d{6}$/.test(info.month) && info.month !== '000000' ? (en ? `${info.month.slice(0, 4)}-${info.month.slice(4)}` : `${info.month.slice(0, 4)}年${Number(info.month.slice(4))}月`) : info.month;
    const zero = m?.zero && m.zero.value === info.month ? m.zero : undefined;
    const meaning = zero ? (en ? zero.whenEn : zero.whenJa) : m ? (en ? m.meaningEn : m.meaningJa) : '';
    rows.push([label, label, `${when}${when !== info.month ? ` (${info.month})` : ''}${meaning ? ` — ${meaning}` : ''}`]);
  }
  rows.push(['送信元', 'sender', officeText(ctx, info.sender)]);
  rows.push(['送信先', 'receiver', officeText(ctx, info.receiver)]);
  rows.push(['ファイル連番', 'file sequence', `${formatTimestamp(info.timestamp)} (${info.timestamp})`]);
  if (info.branch !== undefined) rows.push(['枝番', 'branch', info.branch]);
  rows.push(['送信単位', 'send unit', sendUnitKey(info)]);
  const width = Math.max(...rows.map(([ja, e]) => displayWidth(en ? e : ja)));
  return rows.map(([ja, e, value]) => `  ${padEnd(en ? e : ja, width)}  ${visible(value)}`);
}

function printIssues(ctx: Ctx, issues: readonly Issue[]): void {
  for (const issue of issues) for (const l of issueLines(ctx, issue)) ctx.out(l);
}

function explainNames(ctx: Ctx, names: string[], format: 'text' | 'json'): number {
  let errors = 0;
  const docs = names.map((name) => {
    const parsed = parseFileName(name);
    if (!parsed.ok) errors++;
    return { name, ...parsed, ...(parsed.info && parsed.ok ? { sendUnitKey: sendUnitKey(parsed.info) } : {}) };
  });
  if (format === 'json') {
    printJson(ctx, names.length === 1 ? docs[0] : docs);
    return errors ? EXIT.found : EXIT.ok;
  }
  for (const doc of docs) {
    ctx.out(`${doc.ok ? '✓' : '✗'} ${visible(basename(doc.name))}`);
    if (doc.info && doc.ok) for (const l of explain(ctx, doc.info)) ctx.out(l);
    else if (doc.info) {
      ctx.out(ctx.lang === 'en' ? '  read as (values kept as found):' : '  読み取れた内容（値は見つかったまま）:');
      for (const l of explain(ctx, doc.info)) ctx.out(`  ${l}`);
    }
    printIssues(ctx, doc.issues);
    if (!doc.issues.length) ctx.out(ctx.lang === 'en' ? '  The name follows the naming rules.' : '  ファイル名規約どおりです。 / The name follows the naming rules.');
  }
  return errors ? EXIT.found : EXIT.ok;
}

export const nameCommand = defineCommand({
  name: 'name',
  usage: [
    'name <file name…> [--format text|json]',
    'name --build --kind KIND --edition 4|3 [--month YYYYMM] --from OFFICE[/TYPE] --to OFFICE[/TYPE] [--timestamp YYYYMMDDHHMMSS] [--branch NNNN]',
  ],
  summary: { ja: 'ファイル名の意味を説明する（誤りがあれば正確に指摘）／規約どおりの名前を作る', en: 'explain a file name (or say precisely what is wrong with it); build one' },
  details: [
    {
      ja: 'ファイル名だけを見ます（ファイルを開きません）。パスを渡すとフォルダ部分は無視します。\n--build: 第4版は --from 1370100008/43 のように 事業所番号/サービス種類コード、第3版は事業所番号だけ。\n--timestamp を省くと現在時刻（ローカル時刻）です。',
      en: 'Only the name is looked at (the file is not opened); folders in a path are ignored.\n--build: edition 4 takes --from 1370100008/43 (OFFICE/SERVICE_TYPE), edition 3 the office number alone.\nWithout --timestamp the current local time is used.',
    },
  ],
  options: [
    formatOption(['text', 'json']),
    { name: 'build', kind: 'flag', help: { ja: '名前を作る', en: 'build a name' } },
    { ...KIND, help: { ja: '種別（UPPLAN、UPHOSOKU、UPKIHON_IMAGE …）', en: 'kind (UPPLAN, UPHOSOKU, UPKIHON_IMAGE …)' } },
    { ...EDITION, help: { ja: '4（4.0/4.1）か 3（3.x）', en: '4 (4.0/4.1) or 3 (3.x)' } },
    { name: 'month', kind: 'text', value: 'YYYYMM', help: { ja: '提供年月／対象年月（その種別の名前にある場合）', en: 'service month (kinds whose names carry one)' } },
    { ...FROM, help: { ja: '送信元', en: 'sender' } },
    TO,
    TIMESTAMP,
    { name: 'branch', kind: 'text', value: 'NNNN', help: { ja: '枝番（UPKIHON_IMAGE）', en: 'branch number (UPKIHON_IMAGE)' } },
  ],
  // File names to explain, or none with --build.
  positionals: { min: 0, max: Infinity, what: { ja: 'ファイル名', en: 'a file name' } },
  exit: [
    [0, '規約どおり（警告はあり得る）', 'the name follows the rules (warnings possible)'],
    [1, '名前に誤りがある', 'the name breaks a rule'],
    [2, '使い方のエラー', 'usage error'],
  ],
  examples: [
    'careplan-csv name UPPLAN_202504_1370100008_43_1370200006_11_20250325100000.CSV',
    'careplan-csv name --build --kind UPPLAN --edition 4 --month 202504 --from 1370100008/43 --to 1370200006/11 --timestamp 20250325100000',
  ],
  run(ctx, { values, positionals }) {
    const command = 'name';
    const format = values.format;
    if (!values.build) {
      for (const o of ['kind', 'edition', 'month', 'from', 'to', 'timestamp', 'branch'] as const) {
        if (values[o] !== undefined) throw new CliError(`--${o} は --build と使います`, `--${o} goes with --build`, command);
      }
      const names = positionalsOf(command, positionals, { min: 1, max: Infinity, what: { ja: 'ファイル名', en: 'a file name' } });
      return explainNames(ctx, names, format);
    }
    positionalsOf(command, positionals, { min: 0, max: 0, what: { ja: '', en: '' } });
    const kind = required(command, 'kind', values.kind);
    const edition = namingEdition(parseEdition(command, required(command, 'edition', values.edition)));
    const monthSpec = isFileNameKind(kind) ? nameSpecOf(kind).month : undefined;
    if (monthSpec && values.month === undefined) {
      throw new CliError(`${kind} の名前には${monthSpec.ja}があります。--month を指定してください`, `${kind} names carry a ${monthSpec.en}: --month is required`, command);
    }
    for (const o of ['timestamp', 'month', 'branch', 'from', 'to'] as const) checkNamePart(command, o, values[o]);
    const parts = {
      kind: kind as FileNameKind,
      edition,
      ...(values.month !== undefined ? { month: values.month } : {}),
      sender: parseOfficeRef(command, 'from', required(command, 'from', values.from)),
      receiver: parseOfficeRef(command, 'to', required(command, 'to', values.to)),
      timestamp: values.timestamp ?? nowTimestamp(),
      ...(values.branch !== undefined ? { branch: values.branch } : {}),
    } satisfies FileNameParts;
    const built = buildFileName(parts);
    if (format === 'json') {
      printJson(ctx, built);
      return built.ok ? EXIT.ok : EXIT.found;
    }
    if (built.ok && built.name) {
      ctx.out(built.name);
      // Warnings (e.g. a direction the kind does not flow in) go to stderr so the name can be captured alone.
      for (const issue of built.issues) for (const l of issueLines(ctx, issue)) ctx.warn(l);
      return EXIT.ok;
    }
    ctx.warn(ctx.t('名前を作れません:', 'cannot build the name:'));
    for (const issue of built.issues) for (const l of issueLines(ctx, issue)) ctx.warn(l);
    return EXIT.found;
  },
});
