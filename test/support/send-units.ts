// The bundled sample units as documents (readSendUnits of samples/4.1 and samples/3.2): the starting point of
// the send-unit tests, one or more valid documents of every unit type of both editions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSendUnits, type InputFile, type SendUnitDocument } from '../../src/index.js';

export const EDITION_DIRS = { '4.1': 'samples/4.1', '3.2': 'samples/3.2' } as const;

export function loadSamples(dir: string): InputFile[] {
  return readdirSync(dir)
    .filter((n) => /\.(CSV|jpg)$/i.test(n))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** Every sample unit of an edition, read as documents. */
export function sampleSendUnits(edition: keyof typeof EDITION_DIRS): { files: InputFile[]; documents: SendUnitDocument[] } {
  const files = loadSamples(EDITION_DIRS[edition]);
  return { files, documents: readSendUnits(files).units };
}

/** A deep copy that keeps Uint8Array images as they are (structuredClone copies them too). */
export const copy = <T>(value: T): T => structuredClone(value);
