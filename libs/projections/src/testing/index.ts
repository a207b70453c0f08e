export { eventRecorder, withEventId } from './recorded-events';
export type { EventRecorder, Recordable, RecorderOptions } from './recorded-events';
export { liveAndRebuilt, projectionHarness } from './projection-harness';
export type { HarnessOptions, ProjectionHarness } from './projection-harness';
export { replayTimeTravel } from './talks.replay';
export type { Replay } from './talks.replay';
