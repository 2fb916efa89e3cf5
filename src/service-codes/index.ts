// The service-code master: the interface the validator consults, the library's in-memory master and its CSV loader.
export { createServiceCodeMaster, type ServiceCodeMaster, type ServiceCodeEntry, type ServiceCodeQuery, type ListedServiceCodeMaster } from './master.js';
export { loadServiceCodeCsv, mergeServiceCodeMasters, type LoadedServiceCodes, type ServiceCodeFile } from './load-csv.js';
