// Who the data of a file is for, as data: which field of each kind must name the sender or the receiver of the
// file name (FILE_RECORD_NOT_FOR_RECEIVER, FILE_SERVICE_TYPE_NOT_SENDER), and which kinds need each user to have
// a row of the receiving provider. FileValidator applies them record by record.
import type { FileNameInfo } from '../filenames/index.js';
import type { RuleCode } from '../rules/index.js';
import { getServiceType } from '../service-types.js';
import type { FileKind } from '../spec.js';
import type { LayoutFieldKey } from './text-record.js';

/** One end of the exchange, as the file name gives it (office number, and サービス種類コード in edition 4). */
export type Party = 'sender' | 'receiver';

/** Whether the party of the name is a service provider (unknown in edition-3 names: assumed so). */
export function isProvider(info: FileNameInfo, party: Party): boolean {
  const type = info[party].serviceType;
  return type === undefined || getServiceType(type)?.group !== 'careManagement';
}

/**
 * What a field of each record must name, by kind: a record that names another office is someone else's
 * data, a delivery record of another service type belongs in another file (one file per office and サービス種類).
 * `providerOnly`: the rule holds only when that party is a provider — a care-management office that forwards
 * 実績 to a 地域包括支援センター (委託, §3.1) sends other offices' records.
 */
export const RECEIVER_RULES: readonly {
  kind: FileKind;
  key: LayoutFieldKey;
  party: Party;
  /** What the field names: the party's office number, or its サービス種類 (a service code's first 2 characters). */
  part: 'office' | 'serviceType';
  providerOnly?: Party;
  code: RuleCode;
  ja: (value: string, expected: string) => string;
  en: (value: string, expected: string) => string;
}[] = [
  {
    kind: 'UPJSK',
    key: 'careManagementOfficeNumber',
    party: 'receiver',
    part: 'office',
    providerOnly: 'sender',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    ja: (v, e) => `プラン担当業者コード ${v} が送信先 ${e} と違います。別の居宅介護支援事業所の利用者の実績を送っていませんか。`,
    en: (v, e) => `Plan office ${v} is not the receiver ${e}: is this another care-management office's user?`,
  },
  {
    kind: 'UPJSK',
    key: 'serviceOfficeNumber',
    party: 'sender',
    part: 'office',
    providerOnly: 'sender',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    ja: (v, e) => `サービス事業者コード ${v} が送信元 ${e} と違います。実績は自事業所の分だけを送ります。`,
    en: (v, e) => `Service office ${v} is not the sender ${e}: a provider sends only its own deliveries.`,
  },
  {
    kind: 'UPJSK',
    key: 'serviceCode',
    party: 'sender',
    part: 'serviceType',
    providerOnly: 'sender',
    code: 'FILE_SERVICE_TYPE_NOT_SENDER',
    ja: (v, e) => `サービスコード ${v} のサービス種類 ${v.slice(0, 2)} が送信元のサービス種類 ${e} と違います。実績は事業所番号・サービス種類ごとのファイルで送ります。`,
    en: (v, e) => `Service code ${v} is of service type ${v.slice(0, 2)}, the sender's is ${e}: each office and service type sends its own file.`,
  },
  {
    kind: 'DLTJSK',
    key: 'serviceOfficeNumber',
    party: 'sender',
    part: 'office',
    providerOnly: 'sender',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    ja: (v, e) => `サービス事業者コード ${v} が送信元 ${e} と違います。`,
    en: (v, e) => `Service office ${v} is not the sender ${e}.`,
  },
  {
    kind: 'DLTJSK',
    key: 'serviceTypeCode',
    party: 'sender',
    part: 'serviceType',
    providerOnly: 'sender',
    code: 'FILE_SERVICE_TYPE_NOT_SENDER',
    ja: (v, e) => `サービス種類コード ${v} が送信元のサービス種類 ${e} と違います。`,
    en: (v, e) => `Service type ${v} is not the sender's service type ${e}.`,
  },
  {
    kind: 'UPPLAN',
    key: 'careManagementOfficeNumber',
    party: 'sender',
    part: 'office',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    ja: (v, e) => `プラン担当業者コード ${v} が送信元 ${e} と違います。`,
    en: (v, e) => `Plan office ${v} is not the sender ${e}.`,
  },
];

/**
 * Per user rather than per record (spec §2.6, §3.6: 送信先事業所に関係ない利用者は送信しない): a user of a
 * 第6/7表 sent to a provider needs at least one row of that provider; the rows of the user's other offices
 * travel along (the whole 第6/7表 goes to every office concerned). Not when the receiver is a
 * care-management office (委託: the plan is shared with the 地域包括支援センター).
 */
export const RECEIVER_USER_RULES: readonly { kind: FileKind; key: LayoutFieldKey }[] = [
  { kind: 'UPPLAN', key: 'serviceOfficeNumber' },
  { kind: 'UPSIKYU', key: 'serviceOfficeNumber' },
];
