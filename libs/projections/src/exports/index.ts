export * from './crosswalk';
export type { ClaimChange, ClaimChangeKind } from './claim-change';
export { changesPage, versionPositions } from './changes.queries';
export type { ChangeFilters } from './changes.queries';
export { DATASET_COLUMNS, GEO_PRECISION_CODES, KEY_COLUMNS, TIME_PRECISION_CODES, datasetRecords, selectFields } from './dataset-record';
export type { DatasetRecord, DatasetShape, DatasetValue } from './dataset-record';
export { exportSettings } from './export-setting';
export { readSourcesCell, sourcesCell, sourcesOf } from './source-cell';
