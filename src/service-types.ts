// サービス種類コード lookup, straight from the table. Its own module so that the file-name functions can use it
// without loading the layouts (src/spec.ts): importing only those keeps CSV code out of a bundle.
import { expectString } from './arguments.js';
import { SERVICE_TYPES } from '../spec-tables/service-types.js';
import type { ServiceTypeSpec } from '../spec-tables/types.js';

const byCode = new Map<string, ServiceTypeSpec>(SERVICE_TYPES.map((s) => [s.code, s]));

export function getServiceType(code: string): ServiceTypeSpec | undefined {
  expectString('getServiceType', 'code', code);
  return byCode.get(code);
}
