// The page's worker: reads the files the user gave and validates them with the library, off the page's
// thread, so that the page stays responsive and can show progress (and cancel, by ending the worker). Each file
// is read as a stream: a file of any size is checked with bounded memory, and a records page keeps only its
// own records.
import {
  editionOfCsvVersion,
  getLayout,
  isFileKind,
  parseFileName,
  readCsvStream,
  validateFileStreams,
  type FileReport,
  type Issue,
  type Profile,
  type ServiceCodeMaster,
  type StreamProgress,
} from '../src/core.ts';
import { isServiceCodeCsvHead } from '../src/service-codes/load-csv.ts';
import { masterFileReports, withMasterReports } from '../src/report/service-code-files.ts';
import { renderUnitForms } from './forms-render.ts';
import { jsonReport, pageRun, problemsCsv, sarifReport } from './report.ts';
import type { ValidationRun } from '../src/report/issues.ts';
import { ISSUES_PER_MESSAGE, PROGRESS_INTERVAL_MS, type FromWorker, type PickedFile, type Progress, type RecordsPage, type ReportFormat, type ToWorker } from './protocol.ts';

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const post = (message: FromWorker) => scope.postMessage(message);

/** A blob's bytes, chunk by chunk. */
async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The first bytes read of a file not named as a spec file, to tell a service-code master by its header row. */
const MASTER_HEAD_BYTES = 4096;

/**
 * The picked files apart: service-code masters (a name that is no spec file name, and a master's header row:
 * docs/service-codes.md) and the files to validate. The masters are loaded as one, each with its report.
 */
async function splitMasters(files: readonly PickedFile[]): Promise<{ files: PickedFile[]; master: ServiceCodeMaster | undefined; reports: FileReport[] }> {
  const rest: PickedFile[] = [];
  const masters: { name: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    const head = parseFileName(f.name).info ? undefined : new Uint8Array(await f.file.slice(0, MASTER_HEAD_BYTES).arrayBuffer());
    if (head && isServiceCodeCsvHead(head)) masters.push({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) });
    else rest.push(f);
  }
  if (!masters.length) return { files: rest, master: undefined, reports: [] };
  return { files: rest, ...masterFileReports(masters) };
}

async function validate(picked: readonly PickedFile[], profile: Profile): Promise<void> {
  const { files, master, reports } = await splitMasters(picked);
  const totalSize = files.reduce((n, f) => n + f.file.size, 0);
  // Bytes of the files before each one: the bytes read of all files, from those of the file being read.
  const before = files.map((_, i) => files.slice(0, i).reduce((n, f) => n + f.file.size, 0));
  let last = 0;
  const send = (p: Progress) => {
    last = Date.now();
    post({ type: 'progress', progress: p });
  };
  const progressOf = (index: number, bytes: number, records: number): Progress => {
    const f = files[index]!;
    return { index, files: files.length, name: f.name, bytes, size: f.file.size, records, totalBytes: before[index]! + bytes, totalSize };
  };
  const streams = files.map((f, index) => ({
    name: f.name,
    chunks: (async function* () {
      // The file's turn has come: shown before its first chunk is checked (many small files: not each one).
      if (index === 0 || Date.now() - last >= PROGRESS_INTERVAL_MS) send(progressOf(index, 0, 0));
      yield* chunksOf(f.file);
    })(),
  }));
  const onProgress = (p: StreamProgress) => {
    if (p.done || Date.now() - last >= PROGRESS_INTERVAL_MS) send(progressOf(p.file, p.bytes, p.records));
  };
  const report = withMasterReports(await validateFileStreams(streams, { profile, onProgress, ...(master ? { serviceCodes: master } : {}) }), reports);
  validated = pageRun(report, profile);
  postRun(validated);
}

/** The run this worker made: the page asks for its reports while it shows it (checker.ts keeps this worker). */
let validated: ValidationRun | undefined;

/** Each saved report's builder: the command's, through web/report.ts. */
const REPORT_BUILDERS: Record<ReportFormat, (run: ValidationRun) => string> = { json: jsonReport, sarif: sarifReport, csv: problemsCsv };

function buildReport(format: ReportFormat): void {
  if (!validated) throw new Error('no run to report');
  // A Blob crosses to the page without a copy of its text on the page's thread.
  post({ type: 'report', format, text: new Blob([REPORT_BUILDERS[format](validated)]) });
}

/** A run for the page: its issues in batches, then the run without them (the page puts them back, checker.ts). */
function postRun(run: ValidationRun): void {
  const { report } = run;
  const batches = (of: 'file' | 'unit', lists: readonly (readonly Issue[])[]) =>
    lists.forEach((issues, index) => {
      for (let at = 0; at < issues.length; at += ISSUES_PER_MESSAGE) post({ type: 'issues', of, index, issues: issues.slice(at, at + ISSUES_PER_MESSAGE) });
    });
  batches('file', report.files.map((f) => f.issues));
  batches('unit', report.units.map((u) => u.issues));
  const bare = {
    ...report,
    files: report.files.map((f) => ({ ...f, issues: [] })),
    units: report.units.map((u) => ({ ...u, issues: [] })),
    issues: [],
  };
  post({ type: 'validated', run: { ...run, report: bare } });
}

/**
 * A page of a file's records. The first page a view reads counts the file's records to its end; the view then
 * gives that count with the next pages (`known`), which are read only as far as they reach.
 */
async function recordsPage(picked: PickedFile, profile: Profile, page: number, pageSize: number, known: number | undefined): Promise<void> {
  const lenient = profile === 'lenient';
  const first = page * pageSize;
  const rows: string[][] = [];
  const lines: number[] = [];
  let total = 0;
  let csvVersion: string | undefined;
  let utf8 = false;
  let unknownVersion = false;
  // The kind as the reader takes it: from the file name (its base name, for a folder's file).
  const base = picked.name.slice(picked.name.lastIndexOf('/') + 1);
  for await (const item of readCsvStream(chunksOf(picked.file), { name: base, lenient })) {
    if (item.type === 'record') {
      csvVersion ??= item.csvVersion;
      if (total >= first && total < first + pageSize) {
        rows.push([...item.values]);
        lines.push(item.line);
      }
      total++;
      if (known !== undefined && total >= first + pageSize) break;
    } else if (item.issue.code === 'CSV_NOT_MS932') utf8 = true;
    else if (item.issue.code === 'CSV_UNKNOWN_VERSION' || item.issue.code === 'CSV_UNSUPPORTED_VERSION') unknownVersion = true;
  }
  const named = parseFileName(base).info?.kind;
  const kind = named && isFileKind(named) ? named : undefined;
  const layout = kind && csvVersion ? getLayout(kind, csvVersion) : undefined;
  const why: RecordsPage['why'] = total
    ? undefined
    : !lenient && utf8
      ? 'utf8Strict'
      : !kind
        ? 'noKind'
        : !csvVersion && unknownVersion
          ? 'noVersion'
          : 'none';
  const records: RecordsPage = {
    name: picked.name,
    kind,
    csvVersion,
    edition: csvVersion ? editionOfCsvVersion(csvVersion)?.id : undefined,
    fields: layout ? layout.fields.map((f) => ({ no: f.no, key: f.key, name: f.name })) : [],
    rows,
    lines,
    page,
    pageSize,
    total: known ?? total,
    ...(why ? { why } : {}),
  };
  post({ type: 'records', records });
}

scope.onmessage = (e) => {
  const m = e.data;
  const done =
    m.type === 'validate'
      ? validate(m.files, m.profile)
      : m.type === 'report'
        ? Promise.resolve().then(() => buildReport(m.format))
        : m.type === 'forms'
          ? renderUnitForms(m.request).then((forms) => post({ type: 'forms', forms }))
          : recordsPage(m.file, m.profile, m.page, m.pageSize, m.total);
  done.catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
