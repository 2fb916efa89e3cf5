// Writing a file whole or not at all. The bytes go to a temporary file in the target's own folder (a name that
// starts with "." and ends with ".tmp", which no spec reader and no folder walk of this command takes for a spec
// file), are flushed to the disk (fsync), and only then take the target's name in one step:
// - replacing (--force): rename(), which swaps the name atomically — a reader, or a run killed at any moment,
//   sees the old file or the whole new one, and the old bytes are never truncated (fix writing in place);
// - not replacing: link() to the target name, which fails with EEXIST when a file of that name appeared since
//   the run was planned, so such a file is never clobbered; then the temporary name is removed. Where the file
//   system has no hard links (link fails with EPERM, ENOTSUP …: FAT, some network shares) the target is
//   checked just before a rename() instead: a file created in that instant could be replaced.
// The temporary file is removed on every error; only a kill (SIGKILL, power loss) can leave one behind.
import { closeSync, constants, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Bytes written at a time (a short write is continued). */
const WRITE_CHUNK = 1 << 16;

/** link() errors that mean "this file system has no hard links", not "the target exists". */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** The temporary name for a target: hidden, ending in .tmp, unique to this process and call. */
export function temporaryName(target: string): string {
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  const name = `.${basename(target)}.${process.pid}-${random}.tmp`;
  return Buffer.byteLength(name) <= 255 ? name : `.careplan-csv.${process.pid}-${random}.tmp`;
}

/**
 * Test-only: CAREPLAN_CSV_TEST_KILL_AT makes the process kill itself (SIGKILL) at a point of the write —
 * `bytes:N` once at least N bytes are in the temporary file, or `synced`, `linked`, `renamed` — so the tests
 * can check what a killed run leaves, at every point, without depending on timing.
 */
function killPoint(point: string, written?: number): void {
  const at = process.env['CAREPLAN_CSV_TEST_KILL_AT'];
  if (!at) return;
  const bytes = /^bytes:(\d+)$/.exec(at);
  if (bytes ? written !== undefined && written >= Number(bytes[1]) : at === point) {
    process.kill(process.pid, 'SIGKILL');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); // the signal ends the process first
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or the folder went away: nothing left to clean
  }
}

/** Flush the folder entry (the new name) to the disk; file systems and platforms that refuse are left alone. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; some file systems refuse fsync on one
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function existsError(target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EEXIST: file already exists, ${target}`), { code: 'EEXIST', path: target });
}

/**
 * Write `bytes` as `target`, whole or not at all (see the top of this module). Without `replace` an existing
 * target is an EEXIST error and is left as it is. Throws the file system's error (with its code).
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, replace: boolean): void {
  const dir = dirname(target);
  const temporary = join(dir, temporaryName(target));
  let fd: number | undefined = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    for (let at = 0; at < bytes.length; ) {
      at += writeSync(fd, bytes, at, Math.min(WRITE_CHUNK, bytes.length - at));
      killPoint('bytes', at);
    }
    if (replace) {
      // The replaced file keeps its permissions (a rename would otherwise give it the defaults).
      try {
        const old = lstatSync(target);
        if (old.isFile()) fchmodSync(fd, old.mode & 0o7777);
      } catch {
        // no old file, or its mode cannot be copied: the defaults
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    killPoint('synced');
    if (replace) {
      renameSync(temporary, target);
      killPoint('renamed');
    } else {
      try {
        linkSync(temporary, target);
        killPoint('linked');
        removeQuietly(temporary);
      } catch (e) {
        if (!NO_HARD_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
        let exists = true;
        try {
          lstatSync(target);
        } catch {
          exists = false;
        }
        if (exists) throw existsError(target);
        renameSync(temporary, target);
      }
    }
    syncFolder(dir);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temporary);
    throw e;
  }
}
