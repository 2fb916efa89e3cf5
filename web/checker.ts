// The page's side of its worker (web/worker.ts): one worker per job, started from the worker's code that the
// build writes into the page (a blob: URL, the one way a page opened from file:// can start a worker). A job is
// cancelled by ending its worker: nothing of it runs on, and nothing it held stays in memory.
import type { ValidationRun } from '../src/report/issues.ts';
import type { FromWorker, PickedFile, Progress, RecordsPage, ToWorker } from './protocol.ts';
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

/** A slot runs one job at a time: a new job cancels the one running. */
class Slot {
  private running: { worker: Worker; reject: (e: Error) => void } | undefined;

  run<T>(message: ToWorker, take: (m: FromWorker) => T | undefined, onProgress?: (p: Progress) => void): Promise<T> {
    this.cancel();
    return new Promise<T>((resolve, reject) => {
      const worker = startWorker();
      const issues = new IssueBatches();
      const job = { worker, reject };
      this.running = job;
      const end = () => {
        worker.terminate();
        if (this.running === job) this.running = undefined;
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
        end();
        if (m.type === 'failed') reject(new Error(m.message));
        else {
          const result = take(m.type === 'validated' ? { ...m, run: issues.into(m.run) } : m);
          if (result === undefined) reject(new Error(`unexpected message ${m.type}`));
          else resolve(result);
        }
      };
      worker.onerror = (e) => {
        end();
        reject(new Error(e.message || 'worker error'));
      };
      worker.postMessage(message);
    });
  }

  cancel(): void {
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

const validation = new Slot();
const records = new Slot();

/** Validate the files in a worker, as `careplan-csv validate` does; progress as the files are read. */
export function validateInWorker(files: readonly PickedFile[], profile: Profile, onProgress: (p: Progress) => void): Promise<ValidationRun> {
  return validation.run({ type: 'validate', files, profile }, (m) => (m.type === 'validated' ? m.run : undefined), onProgress);
}

/** Cancel the validation running, if any (its promise rejects with Cancelled). */
export function cancelValidation(): void {
  validation.cancel();
}

/** One page of a file's records, read in a worker. */
export function recordsInWorker(file: PickedFile, profile: Profile, page: number, pageSize: number): Promise<RecordsPage> {
  return records.run({ type: 'records', file, profile, page, pageSize }, (m) => (m.type === 'records' ? m.records : undefined));
}

export function cancelRecords(): void {
  records.cancel();
}
