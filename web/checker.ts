// The page's side of its worker (web/worker.ts): one worker per job, started from the worker's code that the
// build writes into the page (a blob: URL, the one way a page opened from file:// can start a worker). A job is
// cancelled by ending its worker: nothing of it runs on, and nothing it held stays in memory. The worker of the
// run shown stays until the next run (or a cancel or clear): it builds that run's reports.
import type { ValidationRun } from '../src/report/issues.ts';
import type { FormsRequest, FormsResult, FromWorker, PickedFile, Progress, RecordsPage, ReportFormat, ToWorker } from './protocol.ts';
import type { Issue, Profile } from '../src/core.ts';

declare const __WORKER_SOURCE__: string;

/** The rejection of a job that was cancelled (by the user, or by a newer job of the same slot). */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

let workerUrl: string | undefined;
function startWorker(): Worker {
  workerUrl ??= URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' }));
  return new Worker(workerUrl, { name: 'careplan-csv' });
}

/** A run's issues as they arrive in batches, put back into the run when it comes (see FromWorker). */
class IssueBatches {
  private readonly files = new Map<number, Issue[]>();
  private readonly units = new Map<number, Issue[]>();

  take(m: Extract<FromWorker, { type: 'issues' }>): void {
    const lists = m.of === 'file' ? this.files : this.units;
    let list = lists.get(m.index);
    if (!list) lists.set(m.index, (list = []));
    for (const issue of m.issues) list.push(issue);
  }

  /** The run with its issues: each file's and unit's, and the report's (files' then units', as the library lists them). */
  into(run: ValidationRun): ValidationRun {
    const files = run.report.files.map((f, i) => ({ ...f, issues: this.files.get(i) ?? [] }));
    const units = run.report.units.map((u, i) => ({ ...u, issues: this.units.get(i) ?? [] }));
    const issues = [...files.flatMap((f) => f.issues), ...units.flatMap((u) => u.issues)];
    return { ...run, report: { ...run.report, files, units, issues } };
  }
}

/** A request to a kept worker, waiting for its answer (answers come in the order asked). */
interface Ask {
  take(m: FromWorker): unknown;
  resolve(value: unknown): void;
  reject(e: Error): void;
}

/**
 * A slot runs one job at a time: a new job cancels the one running. A slot that keeps its worker leaves the worker
 * of its last finished job alive until the next job or a cancel, to be asked for more about that job (the
 * validation's worker holds its run, and builds the run's reports off the page's thread).
 */
class Slot {
  private running: { worker: Worker; reject: (e: Error) => void } | undefined;
  private kept: Worker | undefined;
  private asks: Ask[] = [];

  constructor(private readonly keeps = false) {}

  run<T>(message: ToWorker, take: (m: FromWorker) => T | undefined, onProgress?: (p: Progress) => void): Promise<T> {
    this.cancel();
    return new Promise<T>((resolve, reject) => {
      const worker = startWorker();
      const issues = new IssueBatches();
      const job = { worker, reject };
      this.running = job;
      const end = (keep: boolean) => {
        if (this.running === job) this.running = undefined;
        if (keep && this.keeps) this.keep(worker);
        else worker.terminate();
      };
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'progress') {
          onProgress?.(m.progress);
          return;
        }
        if (m.type === 'issues') {
          issues.take(m);
          return;
        }
        end(m.type !== 'failed');
        if (m.type === 'failed') reject(new Error(m.message));
        else {
          const result = take(m.type === 'validated' ? { ...m, run: issues.into(m.run) } : m);
          if (result === undefined) reject(new Error(`unexpected message ${m.type}`));
          else resolve(result);
        }
      };
      worker.onerror = (e) => {
        end(false);
        reject(new Error(e.message || 'worker error'));
      };
      worker.postMessage(message);
    });
  }

  /** Ask the worker kept from the last job. */
  ask<T>(message: ToWorker, take: (m: FromWorker) => T | undefined): Promise<T> {
    const worker = this.kept;
    if (!worker) return Promise.reject(new Error('no finished job to ask about'));
    return new Promise<T>((resolve, reject) => {
      this.asks.push({ take, resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(message);
    });
  }

  private keep(worker: Worker): void {
    this.kept = worker;
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const ask = this.asks.shift();
      if (!ask) return;
      const m = e.data;
      const result = m.type === 'failed' ? undefined : ask.take(m);
      if (result === undefined) ask.reject(new Error(m.type === 'failed' ? m.message : `unexpected message ${m.type}`));
      else ask.resolve(result);
    };
    worker.onerror = (e) => {
      // What was asked fails with the worker's error (letGo would reject it as Cancelled, which the page says nothing of).
      for (const ask of this.asks.splice(0)) ask.reject(new Error(e.message || 'worker error'));
      this.letGo();
    };
  }

  /** End the kept worker; what was asked of it is cancelled. */
  private letGo(): void {
    this.kept?.terminate();
    this.kept = undefined;
    for (const ask of this.asks.splice(0)) ask.reject(new Cancelled());
  }

  cancel(): void {
    this.letGo();
    const job = this.running;
    if (!job) return;
    this.running = undefined;
    job.worker.terminate();
    job.reject(new Cancelled());
  }

  get busy(): boolean {
    return this.running !== undefined;
  }
}

const validation = new Slot(true);
const records = new Slot();

/** Validate the files in a worker, as `careplan-csv validate` does; progress as the files are read. */
export function validateInWorker(files: readonly PickedFile[], profile: Profile, onProgress: (p: Progress) => void): Promise<ValidationRun> {
  return validation.run({ type: 'validate', files, profile }, (m) => (m.type === 'validated' ? m.run : undefined), onProgress);
}

/** Cancel the validation running, if any (its promise rejects with Cancelled), and let go of the last run's worker. */
export function cancelValidation(): void {
  validation.cancel();
}

/** A report of the last validation, built by its worker (which holds the run): the report's text as a Blob. */
export function reportInWorker(format: ReportFormat): Promise<Blob> {
  return validation.ask({ type: 'report', format }, (m) => (m.type === 'report' && m.format === format ? m.text : undefined));
}

/** One page of a file's records, read in a worker. */
export function recordsInWorker(file: PickedFile, profile: Profile, page: number, pageSize: number, total?: number): Promise<RecordsPage> {
  return records.run({ type: 'records', file, profile, page, pageSize, total }, (m) => (m.type === 'records' ? m.records : undefined));
}

export function cancelRecords(): void {
  records.cancel();
}

const forms = new Slot();

/** A send unit's forms, rendered in a worker (which reads the unit's files and those of the 実績 units given). */
export function formsInWorker(request: FormsRequest): Promise<FormsResult> {
  return forms.run({ type: 'forms', request }, (m) => (m.type === 'forms' ? m.forms : undefined));
}

export function cancelForms(): void {
  forms.cancel();
}
