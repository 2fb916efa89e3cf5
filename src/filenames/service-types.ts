// Service type lookup for file names, straight from the table: importing only the file-name functions keeps
// the layouts (src/spec.ts) and every CSV module out of a bundle.
import { SERVICE_TYPES } from '../../spec-tables/service-types.js';
import type { ServiceTypeSpec } from '../../spec-tables/types.js';

const byCode = new Map<string, ServiceTypeSpec>(SERVICE_TYPES.map((s) => [s.code, s]));

export function getServiceType(code: string): ServiceTypeSpec | undefined {
  return byCode.get(code);
}
