// What the user gives the page: files chosen with the buttons, or files and folders dropped. A folder's files
// are taken as the command's folder walk takes them (spec CSV files and family-diagram images, no hidden
// entries), named by their folder-relative path. The worker reads the files: here only their first bytes are
// read, to refuse what is not a spec file (a PDF, an Excel workbook, even one saved as 〜.CSV) before anything
// parses it.
import { SNIFF_BYTES, sniffFileType } from '../src/codec/sniff.ts';
import { refusalReason } from '../src/messages/refusals.ts';
import type { PickedFile } from './protocol.ts';
import { takeFromFolder } from './report.ts';

/** Files of a file input: a folder's files by their folder-relative path (spec files only), others by name. */
export function fromInput(list: FileList | null): PickedFile[] {
  const out: PickedFile[] = [];
  for (const file of Array.from(list ?? [])) {
    const rel = file.webkitRelativePath;
    if (!rel) out.push({ name: file.name, file });
    else if (takeFromFolder(rel)) out.push({ name: rel, file });
  }
  return out;
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

/** The little of the File System Access API a drop uses (Chromium, Edge): not yet in TypeScript's DOM library. */
interface Handle {
  readonly kind: 'file' | 'directory';
  readonly name: string;
  getFile?(): Promise<File>;
  values?(): AsyncIterable<Handle>;
}
type WithHandle = DataTransferItem & { getAsFileSystemHandle?(): Promise<Handle | null> };

/** A folder's files from its handle: spec files only, hidden entries skipped, by their path from the drop. */
async function walkHandle(handle: Handle, path: string, inFolder: boolean, out: PickedFile[]): Promise<void> {
  if (handle.kind === 'file') {
    if (!inFolder || takeFromFolder(path)) out.push({ name: path, file: await handle.getFile!() });
    return;
  }
  if (inFolder && handle.name.startsWith('.')) return;
  for await (const child of handle.values!()) await walkHandle(child, `${path}/${child.name}`, true, out);
}

/** A folder's files from its entry (browsers without file-system handles). */
async function walkEntry(entry: FileSystemEntry, inFolder: boolean, out: PickedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    if (!inFolder || takeFromFolder(path)) out.push({ name: path, file: await entryFile(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    if (inFolder && entry.name.startsWith('.')) return;
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walkEntry(child, true, out);
  }
}

/**
 * Files of a drop: files as they are, folders walked (spec files only, hidden entries skipped). What the drop
 * holds must be taken while its event runs, so this is called from the drop handler and awaited after. A page
 * opened from file:// cannot read files through the older entries API in Chromium (EncodingError), so
 * file-system handles are tried first, then entries, then the plain file list (no folders).
 */
export function fromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const items = Array.from(data.items).filter((i) => i.kind === 'file');
  const plain = Array.from(data.files).map((file): PickedFile => ({ name: file.name, file }));
  const handles = items.every((i) => typeof (i as WithHandle).getAsFileSystemHandle === 'function')
    ? items.map((i) => (i as WithHandle).getAsFileSystemHandle!())
    : undefined;
  const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null);
  return (async () => {
    if (handles && items.length) {
      try {
        const got = await Promise.all(handles);
        if (got.every((h) => h !== null)) {
          const out: PickedFile[] = [];
          for (const handle of got) await walkHandle(handle!, handle!.name, false, out);
          return out;
        }
      } catch {
        // Fall through to the entries (a drop made by a script has no handles).
      }
    }
    if (entries.length && entries.every((e) => e !== null)) {
      try {
        const out: PickedFile[] = [];
        for (const e of entries) await walkEntry(e!, false, out);
        return out;
      } catch {
        // Fall through to the plain list.
      }
    }
    return plain;
  })();
}

/** A file that is not validated, and why (one sentence per language). */
export interface RefusedFile {
  readonly name: string;
  readonly reason: { readonly ja: string; readonly en: string };
}

/**
 * The files of a pick sorted out by their names and first bytes (src/codec/sniff.ts): spec files to validate,
 * and the others with the reason each is refused. Only SNIFF_BYTES of each file are read.
 */
export async function sortOut(picked: readonly PickedFile[]): Promise<{ taken: PickedFile[]; refused: RefusedFile[] }> {
  const taken: PickedFile[] = [];
  const refused: RefusedFile[] = [];
  for (const f of picked) {
    const head = new Uint8Array(await f.file.slice(0, SNIFF_BYTES).arrayBuffer());
    const sniffed = sniffFileType(f.name, head);
    if (sniffed.spec) taken.push(f);
    else refused.push({ name: f.name, reason: refusalReason(f.name, sniffed.type) });
  }
  return { taken, refused };
}
