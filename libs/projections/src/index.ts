export * from './projection';
export { projectionContext } from './projection-context';
export * from './projection-logger';
export { CheckpointStore, type Checkpoint } from './checkpoint.store';
export { ProjectionRunner, type AppliedBatch, type AppliedListener, type ProjectionState, type ProjectionStatus, type RunnerOptions } from './projection.runner';
export * from './talks';
export * from './actors';
export { ReadBudgetExceededError, setReadBudget } from './read-budget';
export * from './exports';
