// Reading what the user names: files and folders of spec files, and JSON records. Anything that cannot be
// read ends the command with a bilingual I/O error (exit 2); what is wrong inside a file is the library's
// business (issues).
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createIssue, type InputFile, type Issue } from '../core.js';
import { CliError, errorText } from './context.js';

export interface InputPath {
  /** The path to open. */
  readonly path: string;
  /** The path as the user gave it (or as found under a folder they gave), with forward slashes. */
  readonly display: string;
}

/** File names a folder contributes: spec CSV files and family-diagram images. */
const SPEC_FILE = /\.(csv|jpe?g)$/i;

export const toDisplay = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * The files named, folders expanded (recursively, sorted; hidden entries and symbolic links to folders
 * skipped, so a link loop cannot trap the walk). The same file named twice is kept once. A spec-named link
 * that leads nowhere (dangling, a loop) is kept, as is a named file whose status cannot be read or that does
 * not exist: reading it fails, and the command reports that (FILE_UNREADABLE) beside the others rather than
 * losing their report. When nothing named exists at all there is nothing to report on: an I/O error (exit 2).
 */
export function collectFiles(command: string, args: readonly string[]): InputPath[] {
  const found: InputPath[] = [];
  const seen = new Set<string>();
  const add = (path: string, real = realOf(path)) => {
    if (seen.has(real)) return;
    seen.add(real);
    found.push({ path, display: toDisplay(path) });
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw ioError(command, dir, e);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A plain file's real path is its folder's real path and its name: one realpath per folder, not per file
    // (a link still gets its own).
    let realDir: string | undefined;
    // join(dir, name) for every entry without normalising the folder each time: an entry's name is one plain
    // segment (never '.', '..' or with a separator), so join adds it to the folder joined once.
    const prefix = join(dir, '_').slice(0, -1);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(path);
      else if (SPEC_FILE.test(entry.name)) {
        if (entry.isFile()) {
          realDir ??= realOf(dir, '');
          add(path, realDir === '' ? path : join(realDir, entry.name));
        } else if (isFileOrBrokenLink(path)) add(path);
      }
    }
  };
  let missing: { arg: string; error: unknown } | undefined;
  let present = 0;
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (e) {
      // Missing, or there but unreadable: reported when read (FILE_UNREADABLE), so that one mistyped name among
      // many does not cost the report of the others.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(arg)) missing ??= { arg, error: e };
      else present++;
      add(arg);
      continue;
    }
    present++;
    if (stat.isDirectory()) walk(arg);
    else if (stat.isFile()) add(arg);
    else throw new CliError(`${arg} は通常のファイルではありません`, `${arg} is not a regular file`, command);
  }
  if (missing && present === 0) throw ioError(command, missing.arg, missing.error);
  return found;
}

/** A path's real path (links resolved), or `fallback` when it has none (missing, a loop …). */
function realOf(path: string, fallback = path): string {
  try {
    return realpathSync(path);
  } catch {
    return fallback;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A symbolic link to a file, or one that leads nowhere (not to a folder, which the walk skips). */
function isFileOrBrokenLink(path: string): boolean {
  if (!isLink(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

/**
 * Whether a file can be read: opened, not a folder, its first byte read. The error when it cannot (an
 * unreadable file among many is reported as FILE_UNREADABLE and the others are validated).
 */
export function readProblem(path: string): NodeJS.ErrnoException | undefined {
  const start = readStart(path);
  return 'problem' in start ? start.problem : undefined;
}

/** Files up to this size are read whole when their readability is checked (readStart). */
export const SMALL_FILE = 1 << 16;

/** The buffer every small file is read into by readStart (its bytes are then copied out): none made per file. */
let scratch: Uint8Array | undefined;

/**
 * readProblem, and a small file's bytes: a file smaller than SMALL_FILE bytes is read whole while it is open for
 * the check (`whole`), so that it is opened once, not twice — most of the time on a folder of many small files.
 * One open, one read and one close: a read of SMALL_FILE bytes that gives fewer has reached the file's end (no
 * fstat is needed to know its size), and a folder fails that read (EISDIR). A larger file gives no bytes: it is
 * streamed by fileChunks.
 */
export function readStart(path: string): { readonly problem: NodeJS.ErrnoException } | { readonly whole: Uint8Array | undefined } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = (scratch ??= new Uint8Array(SMALL_FILE));
    const n = readSync(fd, buffer, 0, SMALL_FILE, 0);
    return { whole: n < SMALL_FILE ? buffer.slice(0, n) : undefined };
  } catch (e) {
    return { problem: e as NodeJS.ErrnoException };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The FILE_UNREADABLE issue of a file that could not be read, naming the file and the system's reason. */
export function unreadableIssue(display: string, error: unknown): Issue {
  const [ja, en] = ioReason(error, false);
  const code = (error as NodeJS.ErrnoException).code;
  const tag = code !== undefined && !en.includes(code);
  const reason = { ja, en };
  return createIssue('FILE_UNREADABLE', tag ? { file: display, reason, errno: code! } : { file: display, reason }, { file: display });
}

/**
 * The files named (folders expanded) read whole, for the commands that need every unit in memory (import,
 * print): a file that cannot be read is set apart as its FILE_UNREADABLE issue and the others are read; none
 * found is a usage error in the command's words (`what`: 取り込む / 印刷する, import / print).
 */
export function readInputs(command: string, args: readonly string[], what: { readonly ja: string; readonly en: string }): { inputs: InputFile[]; unreadable: Issue[] } {
  const paths = collectFiles(command, args);
  if (!paths.length) {
    throw new CliError(`${what.ja}ファイルがありません（.CSV / .jpg が見つかりません）: ${args.join(' ')}`, `no files to ${what.en} (no .CSV or .jpg found): ${args.join(' ')}`, command);
  }
  const unreadable: Issue[] = [];
  const inputs: InputFile[] = [];
  for (const p of paths) {
    const problem = readProblem(p.path);
    if (problem) unreadable.push(unreadableIssue(p.display, problem));
    else inputs.push({ name: p.display, bytes: readBytes(command, p.path) });
  }
  return { inputs, unreadable };
}

/** A file's bytes; a folder, a missing or unreadable file is an I/O error. */
export function readBytes(command: string, path: string): Uint8Array {
  try {
    if (path === '-') return readFileSync(0);
    if (statSync(path).isDirectory()) {
      throw new CliError(`${path} はフォルダです。ファイルを指定してください`, `${path} is a folder; name a file`, command);
    }
    return readFileSync(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(command, path, e);
  }
}

/**
 * Bytes read at a time when a file is streamed: 64 KiB, as Node's own file streams read (what validateStream
 * is given in the benchmarks). Measured on a 50 MB file, 1 MiB chunks cost about 5 % more CPU and 30 MB more
 * peak memory: each chunk is decoded and split slice by slice, and a larger buffer only lives longer.
 */
export const READ_CHUNK = 1 << 16;

/**
 * A file's bytes as chunks, read when iterated (the file is opened on the first chunk and closed after the
 * last, or when the consumer stops early): memory stays at one chunk whatever the file's size. A folder, a
 * missing or unreadable file is an I/O error, thrown when iterated.
 */
export function* fileChunks(command: string, path: string, chunkSize = READ_CHUNK): Generator<Uint8Array, void, undefined> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw ioError(command, path, e);
  }
  try {
    let stat;
    try {
      stat = fstatSync(fd);
    } catch (e) {
      throw ioError(command, path, e);
    }
    if (stat.isDirectory()) throw new CliError(`${path} はフォルダです。ファイルを指定してください`, `${path} is a folder; name a file`, command);
    for (let at = 0; ; ) {
      // A fresh buffer each time (the reader may keep a chunk's tail: a character cut in two), no larger than
      // what is left of a small file.
      const size = Math.min(chunkSize, Math.max(stat.size - at, 4096));
      const buffer = new Uint8Array(size);
      let n: number;
      try {
        n = readSync(fd, buffer, 0, size, null);
      } catch (e) {
        throw ioError(command, path, e);
      }
      if (n === 0) return;
      at += n;
      yield n === size ? buffer : buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** The system's reason for an I/O error, in Japanese and English. */
function ioReason(e: unknown, writing: boolean): [string, string] {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
      ? ['ありません', 'no such file or folder']
      : code === 'EACCES' || code === 'EPERM'
        ? [writing ? '書く権限がありません' : '読む権限がありません', 'permission denied']
        : code === 'EISDIR'
          ? ['フォルダです', 'is a folder']
          : code === 'EEXIST'
            ? ['すでにあります', 'already exists']
            : code === 'ELOOP'
              ? ['シンボリックリンクが循環しています', 'a symbolic link loop']
              : [writing ? '書けません' : '読めません', errorText(e)];
}

export function ioError(command: string, path: string, e: unknown, writing = false): CliError {
  const why = ioReason(e, writing);
  return new CliError(`${path}: ${why[0]}`, `${path}: ${why[1]}`, command);
}
