// The forms of one send unit, in the worker (where the files' bytes are): the unit's files read as documents
// (readSendUnits, the same reading as `careplan-csv print`), the 実績 units picked with it printed beneath its
// 第6表 予定 — only those of its own users, so that a unit's view shows that unit's people — and the service
// names from the masters picked with the files.
import { loadServiceCodeCsv, readSendUnits, renderSendUnitForms, SEND_UNITS, type InputFile, type SendUnitDocument } from '../src/core.ts';
import type { FormsRequest, FormsResult, PickedFile } from './protocol.ts';

const bytesOf = async (files: readonly PickedFile[]): Promise<InputFile[]> =>
  Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) })));

const isActual = (unit: SendUnitDocument) => SEND_UNITS.find((u) => u.id === unit.type)?.base === 'UPJSK';

/** 実績 units cut down to the users of `unit` (their other users belong to other units' views). */
function actualFor(unit: SendUnitDocument, all: readonly SendUnitDocument[]): SendUnitDocument[] {
  const users = new Set(unit.users.map((u) => `${u.insurerNumber}|${u.insuredNumber}`));
  return all
    .filter((d) => d !== unit && isActual(d))
    .map((d) => ({ ...d, users: d.users.filter((u) => users.has(`${u.insurerNumber}|${u.insuredNumber}`)) }))
    .filter((d) => d.users.length > 0);
}

export async function renderUnitForms(request: FormsRequest): Promise<FormsResult> {
  const files = await bytesOf(request.files);
  const masters = request.masters.length ? loadServiceCodeCsv(await bytesOf(request.masters)).master : undefined;
  const read = readSendUnits(files, { profile: request.profile });
  const unit = read.units.find((u) => u.key === request.unit);
  // Errors in the files read (the unit's and its 実績's): what they hold beyond it is not on the forms.
  const errors = read.issues.filter((i) => i.severity === 'error').length;
  if (!unit) return { unit: request.unit, html: '', sheets: 0, users: 0, issues: [], errors };
  // A 実績 unit's own view: its records as 第6表 of 実績 alone; any other unit with the 実績 of its users.
  const actual = isActual(unit) ? [] : actualFor(unit, read.units);
  const rendered = renderSendUnitForms([unit], { ...(masters ? { serviceCodes: masters } : {}), ...(actual.length ? { actual } : {}) });
  const users = new Set(rendered.pages.map((p) => `${p.insurerNumber}|${p.insuredNumber}`)).size;
  return { unit: unit.key, html: rendered.html, sheets: rendered.pages.length, users, issues: rendered.issues, errors };
}
