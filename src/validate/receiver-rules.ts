// Who the data of a file is for, as data: which field of each kind must name the sender or the receiver of the
// file name (FILE_RECORD_NOT_FOR_RECEIVER, FILE_SERVICE_TYPE_NOT_SENDER), and which kinds need each user to have
// a row of the receiving provider. The receiver rules (rules/receiver.ts) apply them record by record.
import type { FileNameInfo } from '../filenames/index.js';
import type { MessageParams } from '../messages/catalogue.js';
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

/** A record rule's id, `${kind}.${key}`: the catalogues word each rule's message by it. */
type ReceiverRuleId = Extract<MessageParams['FILE_RECORD_NOT_FOR_RECEIVER'], { rule: string }>['rule'];
type SenderTypeRuleId = MessageParams['FILE_SERVICE_TYPE_NOT_SENDER']['rule'];

interface FieldRuleSpec<C extends RuleCode, R extends string> {
  readonly kind: FileKind;
  readonly key: LayoutFieldKey;
  readonly party: Party;
  /** What the field names: the party's office number, or its サービス種類 (a service code's first 2 characters). */
  readonly part: 'office' | 'serviceType';
  readonly providerOnly?: Party;
  readonly code: C;
  /** `${kind}.${key}`: names the rule's message in the catalogues (src/messages). */
  readonly rule: R;
}

/**
 * What a field of each record must name, by kind: a record that names another office is someone else's
 * data, a delivery record of another service type belongs in another file (one file per office and サービス種類).
 * `providerOnly`: the rule holds only when that party is a provider — a care-management office that forwards
 * 実績 to a 地域包括支援センター (委託, §3.1) sends other offices' records.
 */
export const RECEIVER_RULES: readonly (
  | FieldRuleSpec<'FILE_RECORD_NOT_FOR_RECEIVER', ReceiverRuleId>
  | FieldRuleSpec<'FILE_SERVICE_TYPE_NOT_SENDER', SenderTypeRuleId>
)[] = [
  {
    kind: 'UPJSK',
    key: 'careManagementOfficeNumber',
    party: 'receiver',
    part: 'office',
    providerOnly: 'sender',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    rule: 'UPJSK.careManagementOfficeNumber',
  },
  {
    kind: 'UPJSK',
    key: 'serviceOfficeNumber',
    party: 'sender',
    part: 'office',
    providerOnly: 'sender',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    rule: 'UPJSK.serviceOfficeNumber',
  },
  {
    kind: 'UPJSK',
    key: 'serviceCode',
    party: 'sender',
    part: 'serviceType',
    providerOnly: 'sender',
    code: 'FILE_SERVICE_TYPE_NOT_SENDER',
    rule: 'UPJSK.serviceCode',
  },
  {
    kind: 'DLTJSK',
    key: 'serviceOfficeNumber',
    party: 'sender',
    part: 'office',
    providerOnly: 'sender',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    rule: 'DLTJSK.serviceOfficeNumber',
  },
  {
    kind: 'DLTJSK',
    key: 'serviceTypeCode',
    party: 'sender',
    part: 'serviceType',
    providerOnly: 'sender',
    code: 'FILE_SERVICE_TYPE_NOT_SENDER',
    rule: 'DLTJSK.serviceTypeCode',
  },
  {
    kind: 'UPPLAN',
    key: 'careManagementOfficeNumber',
    party: 'sender',
    part: 'office',
    code: 'FILE_RECORD_NOT_FOR_RECEIVER',
    rule: 'UPPLAN.careManagementOfficeNumber',
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
