// The codec layer: MS932 bytes ⇄ records, with nothing lost.
export { readCsvFile, readCsvItems, forEachCsvItem, readCsvStream, countOption, type ReadOptions, type ReadResult, type CsvRecord, type ReadItem, type ReadLimits, DEFAULT_LIMITS, DEFAULT_MAX_ISSUES_PER_CODE } from './read.js';
export type { Terminator } from './rows.js';
export { writeCsvFile, type WriteOptions, type WriteResult, type Substitution } from './write.js';
export { DEFAULT_SUBSTITUTIONS } from './substitutions.js';
export { isEncodable } from './ms932.js';
