import { nextTurn } from './in-turns';

/**
 * Jobs for one key run one batch at a time, in arrival order; whatever arrives while a batch
 * runs forms the next one. `run` settles the jobs it finishes and returns those to run again,
 * which go to the front of the queue. It must not throw: a job it neither settles nor returns would wait forever.
 */
export class KeyedBatchQueue<Job> {
  private readonly queues = new Map<string, Job[]>();

  constructor(
    private readonly run: (key: string, batch: Job[]) => Promise<readonly Job[]>,
    private readonly maxBatch: number,
  ) {}

  enqueue(key: string, job: Job): void {
    const queue = this.queues.get(key);
    if (queue) {
      queue.push(job);
      return;
    }
    const created = [job];
    this.queues.set(key, created);
    void this.drain(key, created);
  }

  private async drain(key: string, queue: Job[]): Promise<void> {
    // Jobs enqueued in the same turn of the event loop join the first batch.
    await nextTurn();
    while (queue.length > 0) {
      const again = await this.run(key, queue.splice(0, this.maxBatch));
      queue.unshift(...again);
    }
    this.queues.delete(key);
  }
}
