// Writing files safely. An output name comes from buildFileName or from the input's own name, and is still
// checked: no path separators, no '..', not absolute, no Windows device name (CON, NUL, COM1 …) or character
// Windows cannot store. The final path is resolved and must be a direct child of --out-dir; an existing file
// is never overwritten without --force, and a symbolic link is never written through. A run plans every file
// it will write before it writes any (planOutputs: two inputs that would give one name are refused), and each
// file is written whole or not at all (atomic-file.ts).
import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, win32 } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { CliError } from './context.js';
import { ioError, toDisplay } from './input.js';

const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

/** Why a name cannot be an output file name, or undefined when it can. */
export function unsafeNameReason(name: string): { ja: string; en: string } | undefined {
  if (name === '' || name === '.' || name === '..') return { ja: '空または「.」「..」です', en: 'it is empty, "." or ".."' };
  if (isAbsolute(name) || win32.isAbsolute(name) || /^[A-Za-z]:/.test(name)) return { ja: '絶対パスです', en: 'it is an absolute path' };
  if (/[\\/]/.test(name)) return { ja: 'パスの区切り文字（/ または \\）を含みます', en: 'it contains a path separator (/ or \\)' };
  if (name.includes('..')) return { ja: '「..」を含みます', en: 'it contains ".."' };
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name)) return { ja: 'ファイル名に使えない文字を含みます', en: 'it contains a character file names cannot hold' };
  if (/[ .]$/.test(name)) return { ja: '末尾が空白か「.」です', en: 'it ends with a space or a dot' };
  const stem = name.split('.')[0]!.trimEnd();
  if (RESERVED_DEVICE.test(stem)) return { ja: `Windowsの予約デバイス名（${stem}）です`, en: `it is a Windows reserved device name (${stem})` };
  if (Buffer.byteLength(name) > 255) return { ja: '長すぎます', en: 'it is too long' };
  return undefined;
}

export interface OutputPlan {
  /** The resolved path that will be written. */
  readonly target: string;
  /** The path to show: --out-dir joined with the name, forward slashes. */
  readonly display: string;
}

/** --out-dir must be a folder, or not exist yet (it is then created): a file there is not one to write into. */
function checkOutDir(command: string, outDir: string): void {
  let stat;
  try {
    stat = statSync(outDir);
  } catch {
    return; // absent (created when written); anything else is reported when it is created
  }
  if (!stat.isDirectory()) {
    throw new CliError(`--out-dir ${outDir} はフォルダではありません（ファイルです）。書き出しません`, `--out-dir ${outDir} is not a folder (it is a file); nothing written`, command);
  }
}

/** Check a name and --out-dir and say where the file would go; throws CliError (exit 2) when it may not. */
export function planOutput(command: string, outDir: string, name: string, force: boolean): OutputPlan {
  const reason = unsafeNameReason(name);
  if (reason) {
    throw new CliError(
      `出力ファイル名 ${JSON.stringify(name)} は使えません: ${reason.ja}。書き出しません`,
      `refusing output file name ${JSON.stringify(name)}: ${reason.en}; nothing written`,
      command,
    );
  }
  checkOutDir(command, outDir);
  let realDir: string;
  try {
    realDir = realpathSync(outDir);
  } catch {
    realDir = resolve(outDir); // created when written
  }
  const target = resolve(realDir, name);
  if (dirname(target) !== realDir) {
    throw new CliError(
      `${JSON.stringify(name)} は --out-dir ${outDir} の外を指します。書き出しません`,
      `${JSON.stringify(name)} points outside --out-dir ${outDir}; nothing written`,
      command,
    );
  }
  let existing;
  try {
    existing = lstatSync(target);
  } catch {
    existing = undefined;
  }
  const display = toDisplay(join(outDir, name));
  if (existing) {
    if (existing.isSymbolicLink()) {
      throw new CliError(`${display} はシンボリックリンクです。書き出しません`, `${display} is a symbolic link; nothing written`, command);
    }
    if (!existing.isFile()) {
      throw new CliError(`${display} はファイルではありません。書き出しません`, `${display} is not a file; nothing written`, command);
    }
    if (!force) {
      throw new CliError(
        `${display} はすでにあります。上書きするには --force を付けてください`,
        `${display} already exists; pass --force to overwrite`,
        command,
      );
    }
  }
  return { target, display };
}

/** One file a run means to write: its name in --out-dir and the input it comes from (for the messages). */
export interface PlannedName {
  readonly name: string;
  readonly source: string;
}

/**
 * Plan every file of a run before any is written: each name checked as planOutput does (unsafe, outside
 * --out-dir, existing without --force), and no two of the run's files on one name. Names that differ only in
 * case are one name too (Windows and macOS folders do not tell them apart). Throws CliError (exit 2) naming
 * the inputs; nothing has been written then.
 */
export function planOutputs(command: string, outDir: string, outputs: readonly PlannedName[], force: boolean): OutputPlan[] {
  const byName = new Map<string, PlannedName>();
  for (const o of outputs) {
    const key = o.name.normalize('NFC').toUpperCase();
    const first = byName.get(key);
    if (first) {
      const display = toDisplay(join(outDir, o.name));
      throw new CliError(
        `${first.source} と ${o.source} はどちらも ${display} に書き出すことになります。何も書き出しません（別々の --out-dir に分けてください）`,
        `${first.source} and ${o.source} would both be written as ${display}; nothing written (use separate --out-dir runs)`,
        command,
      );
    }
    byName.set(key, o);
  }
  return outputs.map((o) => planOutput(command, outDir, o.name, force));
}

/**
 * Write a file planned by planOutput (creating --out-dir when needed): whole or not at all, never clobbering a
 * file that appeared since it was planned unless `force`.
 */
export function writeOutput(command: string, outDir: string, name: string, bytes: Uint8Array, force: boolean): OutputPlan {
  checkOutDir(command, outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw ioError(command, outDir, e, true);
  }
  const plan = planOutput(command, outDir, name, force);
  // Re-check after creating the folder (its real path may differ), then write; without --force a file that
  // appeared in between is refused (EEXIST) and left as it is.
  const realDir = realpathSync(outDir);
  if (dirname(plan.target) !== realDir) {
    throw new CliError(`${plan.display} は --out-dir の外です。書き出しません`, `${plan.display} is outside --out-dir; nothing written`, command);
  }
  try {
    writeFileAtomic(plan.target, bytes, force);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliError(
        `${plan.display} は書き出す間に作られました。上書きしません（--force で上書き）`,
        `${plan.display} appeared while writing; not overwritten (pass --force to overwrite)`,
        command,
      );
    }
    throw ioError(command, plan.display, e, true);
  }
  return plan;
}
