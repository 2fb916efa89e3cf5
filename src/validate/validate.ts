// validateFile / validateFiles / validateStream: one call that tells everything wrong with files.
import { readCsvFile, readCsvStream } from '../codec/index.js';
import type { Issue } from '../issues.js';
import { FileValidator, type FileReport, type ValidateOptions } from './file-validator.js';

export interface ValidationReport {
  readonly files: FileReport[];
  /** Every issue of every file, file by file. */
  readonly issues: Issue[];
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function readerOptions(options: ValidateOptions) {
  return { lenient: options.profile === 'lenient', ...(options.kind ? { kind: options.kind } : {}) };
}

function validateOne(file: InputFile, options: ValidateOptions): FileReport {
  const validator = new FileValidator(file.name, options);
  const read = readCsvFile(file, readerOptions(options));
  validator.setKind(read.kind);
  for (const issue of read.issues) validator.add({ type: 'issue', issue });
  read.records.forEach((record, i) =>
    validator.add({ type: 'record', record, line: read.lines[i]!, index: i + 1, csvVersion: read.csvVersion ?? record.csvVersion ?? '' }),
  );
  return validator.finish();
}

export function report(files: FileReport[]): ValidationReport {
  const issues = files.flatMap((f) => f.issues);
  const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  return { files, issues, summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

/** Validate one file. Never throws on bad input. */
export function validateFile(file: InputFile, options: ValidateOptions = {}): ValidationReport {
  return report([validateOne(file, options)]);
}

/** Validate several files. Never throws on bad input. */
export function validateFiles(files: readonly InputFile[], options: ValidateOptions = {}): ValidationReport {
  return report(files.map((f) => validateOne(f, options)));
}

/**
 * Validate a file from a byte stream with bounded memory (records are checked as they arrive and not
 * kept). Gives the report validateFile gives for the same bytes.
 */
export async function validateStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  name: string,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const validator = new FileValidator(name, options);
  const stream = readCsvStream(source, { name, ...readerOptions(options) });
  let kindSet = false;
  for await (const item of stream) {
    if (!kindSet) {
      validator.setKind(options.kind ?? kindOfName(name));
      kindSet = true;
    }
    validator.add(item);
  }
  validator.setKind(options.kind ?? kindOfName(name));
  return report([validator.finish()]);
}

function kindOfName(name: string) {
  return readCsvFile({ name, bytes: new Uint8Array(0) }).kind;
}
