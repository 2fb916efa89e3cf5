// validateFile / validateFiles / validateStream / validateFileStreams: one call that tells everything wrong
// with files, from their bytes or streamed with bounded memory.
import { BYTES, checkedChunks, checkedStreams, expectArguments, INPUT_FILE, INPUT_FILES, STRING } from '../arguments.js';
import { VALIDATE_OPTIONS, VALIDATE_STREAMS_OPTIONS } from '../spec-arguments.js';
import { readCsvStream } from '../codec/index.js';
import { forEachCsvItemOf, forEachStreamItem } from '../codec/read.js';
import type { Issue } from '../issues.js';
import { resolvePolicy, withKind, type Policy } from '../policy.js';
import type { FileKind } from '../spec.js';
import type { FileFacts } from './file-facts.js';
import { FileValidator, type FileReport, type ValidateOptions } from './file-validator.js';
import { checkSendUnit, factNeedsOf, groupSendUnits, type SendUnitReport } from './send-units.js';
import { absorbUnitConsequences } from './unit-consequences.js';

export interface ValidationReport {
  readonly files: FileReport[];
  /** The send units of validateFiles (empty for validateFile and validateStream). */
  readonly units: SendUnitReport[];
  /** Every issue of every file, file by file, then those of the send units. */
  readonly issues: Issue[];
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file as a stream of byte chunks (of any size), read only when the file's turn comes. */
export interface InputStream {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** How validateFileStreams is getting on with one of its files (ValidateStreamsOptions.onProgress). */
export interface StreamProgress {
  /** The file's index in `files`, and its name. */
  readonly file: number;
  readonly name: string;
  /** Bytes of the file read so far. */
  readonly bytes: number;
  /** Records of the file read and checked so far: at the file's last call, its FileReport.records. */
  readonly records: number;
  /** The file has been read: this is its last call. */
  readonly done: boolean;
}

/** validateFileStreams' options: ValidateOptions, and a callback for its progress. */
export interface ValidateStreamsOptions extends ValidateOptions {
  /**
   * Called once for each chunk read, when the chunk's records have been checked (a record that goes on into the
   * next chunk is counted with that one); a file's last call has `done: true` and its final counts, and a file
   * of no chunks (or an image, of which only the first bytes are read) has that call only. Files whose chunks
   * are all at hand (arrays) are checked at once: one call each. An exception it throws rejects the validation.
   */
  readonly onProgress?: ((progress: StreamProgress) => void) | undefined;
}

type OnProgress = NonNullable<ValidateStreamsOptions['onProgress']>;

/** The reader reads by the validation's policy (its caps, limits and profile), with the kind the validator took. */
function readerOptions(options: ValidateOptions | Policy, kind: FileKind | undefined): Policy {
  return withKind(resolvePolicy(options), kind);
}

const JPEG = [0xff, 0xd8, 0xff];

/** File by file, a validator that keeps what the file's send unit will read of it (see FactNeeds). */
function validatorsFor(files: readonly { readonly name: string }[], options: ValidateOptions | Policy): FileValidator[] {
  const validators = files.map((f) => new FileValidator(f.name, options));
  factNeedsOf(validators.map((v) => v.nameInfo)).forEach((needs, i) => validators[i]!.keepFacts(needs));
  return validators;
}

function validateOne(file: InputFile, options: ValidateOptions | Policy, validator = new FileValidator(file.name, options)): FileValidator {
  if (validator.isImage) {
    if (!isJpeg([file.bytes])) validator.notJpeg();
    return validator;
  }
  // The validator has read the name already: the reader gets its kind rather than parse the name again.
  forEachCsvItemOf(file, readerOptions(options, validator.kind), (item) => validator.add(item));
  return validator;
}

/**
 * Files whose bytes are at hand, each read by `read` with its validator: each file's report and send-unit facts
 * taken as soon as it is read, and its validator let go (its rules' state would otherwise stay alive, with every
 * other file's, until the last file is read); then the send units.
 */
function validateAtHand<F extends { readonly name: string }>(
  files: readonly F[],
  policy: Policy,
  read: (file: F, validator: FileValidator) => void,
): { files: FileReport[]; units: SendUnitReport[] } {
  const validators: (FileValidator | undefined)[] = validatorsFor(files, policy);
  const reports: FileReport[] = [];
  const facts: FileFacts[] = [];
  for (let i = 0; i < files.length; i++) {
    const validator = validators[i]!;
    validators[i] = undefined;
    read(files[i]!, validator);
    reports.push(validator.finish());
    facts.push(validator.facts());
  }
  return { files: reports, units: groupSendUnits(facts).map((unit) => checkSendUnit(unit, policy)) };
}

/** A file's progress as validateOneStream reports it: bytes read, and whether the file is read. */
type FileProgress = (bytes: number, done: boolean) => void;

/**
 * A file's chunks, as the reader takes them, and `read(bytes)` once each chunk but the last has been read through:
 * the reader asks for the next chunk only when it has checked every record the previous one completed. The last
 * chunk's call is the caller's, once the reader has finished (a last record without a line end is then counted).
 */
async function* counted(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, read: FileProgress, total: { bytes: number }): AsyncGenerator<Uint8Array> {
  let previous: Uint8Array | undefined;
  for await (const chunk of chunks) {
    if (previous) read(total.bytes, false);
    total.bytes += chunk.length;
    previous = chunk;
    yield chunk;
  }
}

/** One file from a stream: a JPEG's first bytes only, a CSV file item by item as it arrives (the reader tells its first bytes first). */
async function validateOneStream(
  file: InputStream,
  options: ValidateOptions | Policy,
  validator = new FileValidator(file.name, options),
  progress?: FileProgress,
): Promise<FileValidator> {
  const total = { bytes: 0 };
  if (validator.isImage) {
    const head: number[] = [];
    for await (const chunk of file.chunks) {
      total.bytes += chunk.length;
      for (let i = 0; i < chunk.length && head.length < JPEG.length; i++) head.push(chunk[i]!);
      if (head.length >= JPEG.length) break; // the rest of the image is not needed (the source is closed)
    }
    if (!isJpeg([Uint8Array.from(head)])) validator.notJpeg();
  } else {
    const chunks = progress ? counted(file.chunks, progress, total) : file.chunks;
    for await (const item of readCsvStream(chunks, { name: file.name, ...readerOptions(options, validator.kind) })) validator.add(item);
  }
  progress?.(total.bytes, true);
  return validator;
}

/** The first bytes of an image's chunks are a JPEG signature. */
function isJpeg(chunks: Iterable<Uint8Array>): boolean {
  let n = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== JPEG[n]) return false;
      if (++n === JPEG.length) return true;
    }
  }
  return false;
}

/** A file whose bytes are at hand as chunks (the command's small files, each read whole as one chunk). */
interface ChunkedFile {
  readonly name: string;
  readonly chunks: readonly Uint8Array[];
}

/**
 * validateFileStreams' files when every one's chunks are an array of good chunks (the command's small files):
 * then nothing needs waiting for. Undefined otherwise (the files are then read as streams, and checked as such).
 */
function chunksAtHand(files: unknown): ChunkedFile[] | undefined {
  if (!Array.isArray(files)) return undefined;
  const out: ChunkedFile[] = [];
  for (const file of files as unknown[]) {
    if (typeof file !== 'object' || file === null) return undefined;
    const { name, chunks } = file as { name: unknown; chunks: unknown };
    if (typeof name !== 'string' || !Array.isArray(chunks)) return undefined;
    for (const chunk of chunks as unknown[]) if (BYTES.mismatch(chunk, '')) return undefined;
    out.push({ name, chunks: chunks as Uint8Array[] });
  }
  return out;
}

/**
 * validateFileStreams for files whose chunks are at hand, synchronously: the same reports (the same reader,
 * deciding the encoding as a stream does), without a promise or a generator per file and item. The policy is
 * resolved already and the files checked (chunksAtHand).
 */
function validateChunkedFiles(files: readonly ChunkedFile[], policy: Policy, onProgress?: OnProgress): { files: FileReport[]; units: SendUnitReport[] } {
  let index = 0;
  return validateAtHand(files, policy, (file, validator) => {
    if (validator.isImage) {
      if (!isJpeg(file.chunks)) validator.notJpeg();
    } else forEachStreamItem(file.chunks, file.name, withKind(policy, validator.kind), (item) => validator.add(item));
    const bytes = file.chunks.reduce((n, c) => n + c.length, 0);
    onProgress?.({ file: index++, name: file.name, bytes, records: validator.recordCount, done: true });
  });
}

/** Frozen options checked and resolved already (the command passes the same ones for each send unit). */
const frozenPolicies = new WeakMap<object, Policy>();

/**
 * The policy of a validation entry point's options, checked first. Options frozen to the bottom (their limits
 * too) cannot change after the check, so their policy is kept and they are not checked again.
 */
function checkedPolicy(fn: string, options: ValidateStreamsOptions): Policy {
  const kept = typeof options === 'object' && options !== null ? frozenPolicies.get(options) : undefined;
  if (kept) return kept;
  // onProgress is checked here too: frozen, it cannot change either (the policy does not hold it).
  expectArguments(fn, [['options', options, VALIDATE_STREAMS_OPTIONS]]);
  const policy = resolvePolicy(options);
  if (isFixed(options) && (options.limits === undefined || isFixed(options.limits))) frozenPolicies.set(options, policy);
  return policy;
}

/** A frozen plain object of data properties only: what it holds cannot change (no getter, no prototype's). */
function isFixed(o: unknown): o is object {
  if (typeof o !== 'object' || o === null || !Object.isFrozen(o)) return false;
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(Object.getOwnPropertyDescriptors(o)).every((d) => 'value' in d);
}

export function report(checkedFiles: FileReport[], checkedUnits: SendUnitReport[] = []): ValidationReport {
  // One cause, one issue: counterpart checks of a unit with records left out are counted under their cause.
  const { files, units } = absorbUnitConsequences(checkedFiles, checkedUnits);
  const issues = [...files.flatMap((f) => f.issues), ...units.flatMap((u) => u.issues)];
  const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  return { files, units, issues, summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

/** Validate one file. Never throws on bad input. */
export function validateFile(file: InputFile, options: ValidateOptions = {}): ValidationReport {
  expectArguments('validateFile', [['file', file, INPUT_FILE], ['options', options, VALIDATE_OPTIONS]]);
  return report([validateOne(file, options).finish()]);
}

/**
 * Validate several files: each file, then the send units they form (files with the same ファイル連番,
 * sender and receiver), their combinations, keys and content. Never throws on bad input.
 */
export function validateFiles(files: readonly InputFile[], options: ValidateOptions = {}): ValidationReport {
  expectArguments('validateFiles', [['files', files, INPUT_FILES], ['options', options, VALIDATE_OPTIONS]]);
  // Resolved once for every file (not once per file).
  const policy = resolvePolicy(options);
  const found = validateAtHand(files, policy, (file, validator) => validateOne(file, policy, validator));
  return report(found.files, found.units);
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
  expectArguments('validateStream', [['name', name, STRING], ['options', options, VALIDATE_OPTIONS]]);
  source = checkedChunks('validateStream', 'source', source);
  return report([(await validateOneStream({ name, chunks: source }, options)).finish()]);
}

/**
 * validateFiles for streams: each file is read chunk by chunk, one file after another, and only the small
 * summaries the send-unit checks need are kept, so a file of any size is checked with bounded memory. Gives
 * the report validateFiles gives for the same bytes; `onProgress` (ValidateStreamsOptions) hears of each
 * chunk read. Never rejects on bad input; it rejects only when a source does (an I/O error) or onProgress
 * throws, with that error.
 */
export async function validateFileStreams(files: readonly InputStream[], options: ValidateStreamsOptions = {}): Promise<ValidationReport> {
  // Resolved once for every file (not once per file), and once for every call when the options are frozen.
  const policy = checkedPolicy('validateFileStreams', options);
  const onProgress = options.onProgress;
  // Files whose bytes are all at hand (the command's small files) are read at once, with the same reports.
  const atHand = chunksAtHand(files);
  if (atHand) {
    const found = validateChunkedFiles(atHand, policy, onProgress);
    return report(found.files, found.units);
  }
  files = checkedStreams('validateFileStreams', 'files', files);
  const reports: FileReport[] = [];
  const facts: FileFacts[] = [];
  const validators = validatorsFor(files, policy);
  for (const [i, file] of files.entries()) {
    const validator = validators[i]!;
    const progress: FileProgress | undefined = onProgress && ((bytes, done) => onProgress({ file: i, name: file.name, bytes, records: validator.recordCount, done }));
    await validateOneStream(file, policy, validator, progress);
    reports.push(validator.finish());
    facts.push(validator.facts());
  }
  return report(reports, groupSendUnits(facts).map((unit) => checkSendUnit(unit, policy)));
}
