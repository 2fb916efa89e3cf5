// Reading what the user names: files and folders of spec files, and JSON records. Anything that cannot be
// read ends the command with a bilingual I/O error (exit 2); what is wrong inside a file is the library's
// business (issues).
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
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
 * skipped, so a link loop cannot trap the walk). The same file named twice is kept once.
 */
export function collectFiles(command: string, args: readonly string[]): InputPath[] {
  const found: InputPath[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = path;
    }
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
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SPEC_FILE.test(entry.name) && (entry.isFile() || isFileLink(path))) add(path);
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (e) {
      throw ioError(command, arg, e);
    }
    if (stat.isDirectory()) walk(arg);
    else if (stat.isFile()) add(arg);
    else throw new CliError(`${arg} は通常のファイルではありません`, `${arg} is not a regular file`, command);
  }
  return found;
}

function isFileLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isFile();
  } catch {
    return false;
  }
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

export function ioError(command: string, path: string, e: unknown, writing = false): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? ['ありません', 'no such file or folder']
      : code === 'EACCES' || code === 'EPERM'
        ? [writing ? '書く権限がありません' : '読む権限がありません', 'permission denied']
        : code === 'EISDIR'
          ? ['フォルダです', 'is a folder']
          : code === 'EEXIST'
            ? ['すでにあります', 'already exists']
            : [writing ? '書けません' : '読めません', errorText(e)];
  return new CliError(`${path}: ${why[0]}`, `${path}: ${why[1]}`, command);
}
