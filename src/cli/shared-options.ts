// Options several commands take, declared once: each command's table lists them (with its own help where the
// meaning differs, e.g. `{ ...KIND, help: … }`) beside its own.
import { CURRENT_CSV_VERSION } from '../core.js';
import type { OptionSpec } from './options.js';

export const PROFILE = {
  name: 'profile',
  kind: 'choice',
  value: 'PROFILE',
  choices: ['strict', 'lenient'],
  default: 'strict',
  help: { ja: '読み方。strict は CI向け、lenient は UTF-8・BOM・見出し行を警告にして読み進める', en: 'how files are read: strict for CI; lenient reads on, with UTF-8, a BOM and a header row as warnings' },
} as const satisfies OptionSpec;

export const KIND = {
  name: 'kind',
  kind: 'text',
  value: 'KIND',
  help: { ja: '名前から種別が分からないときの種別（UPPLAN、UPJSK …）', en: 'the kind, when the name does not give it (UPPLAN, UPJSK …)' },
} as const satisfies OptionSpec;

export const OUT_DIR = {
  name: 'out-dir',
  kind: 'text',
  value: 'DIR',
  help: { ja: '書き出し先フォルダ', en: 'output folder' },
} as const satisfies OptionSpec;

export const FORCE = { name: 'force', kind: 'flag', help: { ja: '既存のファイルを上書きする', en: 'overwrite an existing file' } } as const satisfies OptionSpec;

export const UNMAPPABLE = {
  name: 'unmappable',
  kind: 'choice',
  value: 'MODE',
  choices: ['error', 'substitute'],
  default: 'error',
  help: { ja: 'MS932で書けない文字: error は拒否、substitute は置換表で置換し一覧表示', en: 'characters MS932 cannot hold: error refuses, substitute replaces from the table and lists' },
} as const satisfies OptionSpec;

export const TIMESTAMP = {
  name: 'timestamp',
  kind: 'text',
  value: 'TS',
  defaultNote: { ja: '現在時刻', en: 'now' },
  help: { ja: 'ファイル連番（YYYYMMDDHHMMSS）', en: 'file sequence (YYYYMMDDHHMMSS)' },
} as const satisfies OptionSpec;

export const FROM = { name: 'from', kind: 'text', value: 'OFFICE[/TYPE]', help: { ja: '送信元（第4版は 事業所番号/サービス種類コード）', en: 'sender (edition 4: OFFICE/SERVICE_TYPE)' } } as const satisfies OptionSpec;
export const TO = { name: 'to', kind: 'text', value: 'OFFICE[/TYPE]', help: { ja: '送信先', en: 'receiver' } } as const satisfies OptionSpec;

export const CSV_VERSION = {
  name: 'csv-version',
  kind: 'text',
  value: 'V',
  defaultNote: { ja: CURRENT_CSV_VERSION, en: CURRENT_CSV_VERSION },
  help: { ja: 'CSVバージョン', en: 'CSV version' },
} as const satisfies OptionSpec;

export const EDITION = { name: 'edition', kind: 'text', value: 'E', help: { ja: '版', en: 'edition' } } as const satisfies OptionSpec;
