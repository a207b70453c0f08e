import type { ProjectionBatch, ProjectionObserver } from '@parley/projections';
import { Presets, SingleBar } from 'cli-progress';

/** How often a rebuild not on a terminal (a log file, CI) prints a line. */
const LINE_EVERY_MS = 2000;

export type ProgressReading = Readonly<{ name: string; position: number; head: number; events: number; elapsedMs: number }>;

const perSecond = (count: number, elapsedMs: number): number => (elapsedMs > 0 ? (count * 1000) / elapsedMs : 0);

/** Seconds left at the pace so far, in positions (on the embedded store one event each); undefined before there is a pace. */
export function secondsLeft({ position, head, elapsedMs }: ProgressReading): number | undefined {
  const pace = perSecond(position, elapsedMs);
  return pace > 0 ? Math.max(0, head - position) / pace : undefined;
}

/** The plain line printed when the output is no terminal. */
export function progressLine(reading: ProgressReading): string {
  const { name, position, head, events, elapsedMs } = reading;
  const percent = head > 0 ? Math.min(100, Math.floor((position * 100) / head)) : 100;
  const left = secondsLeft(reading);
  const eta = left === undefined ? 'time left unknown' : `about ${Math.ceil(left)} s left`;
  return `Rebuilding ${name}: position ${position} of ${head} (${percent}%), ${Math.round(perSecond(events, elapsedMs))} events/s, ${eta}`;
}

/**
 * Shows one projection's rebuild as it goes: a bar with events/s and an ETA on a terminal, a
 * line every two seconds otherwise. Driven by the runner's batches, not a timer: a rebuild on
 * the embedded store runs without yielding to timers until it is done.
 */
export class RebuildProgress implements ProjectionObserver {
  private readonly started = Date.now();
  private events = 0;
  private position = 0;
  private lastLine = 0;
  private readonly bar?: SingleBar;

  constructor(
    private readonly name: string,
    private head: number,
    private readonly output: NodeJS.WriteStream = process.stderr,
  ) {
    if (output.isTTY) {
      this.bar = new SingleBar(
        { format: `${name} {bar} {percentage}% | position {value}/{total} | {rate} events/s | ETA {eta_formatted}`, stream: output, etaBuffer: 50 },
        Presets.shades_classic,
      );
      this.bar.start(Math.max(1, head), 0, { rate: 0 });
    }
  }

  batchCommitted({ projection, to, events, rebuilding }: ProjectionBatch): void {
    if (projection !== this.name || !rebuilding) return;
    this.events += events;
    this.position = Number(to);
    // Writes that arrive during the rebuild move the head it replays to.
    if (this.position > this.head) {
      this.head = this.position;
      this.bar?.setTotal(this.head);
    }
    const reading = this.reading();
    if (this.bar) {
      this.bar.update(this.position, { rate: Math.round(perSecond(this.events, reading.elapsedMs)) });
    } else if (reading.elapsedMs - this.lastLine >= LINE_EVERY_MS) {
      this.lastLine = reading.elapsedMs;
      this.output.write(`${progressLine(reading)}\n`);
    }
  }

  /** Ends the bar (or prints the last line) once the rebuild is over. */
  finish(): void {
    if (this.bar) this.bar.stop();
    else this.output.write(`${progressLine({ ...this.reading(), head: this.position })}\n`);
  }

  private reading(): ProgressReading {
    return { name: this.name, position: this.position, head: this.head, events: this.events, elapsedMs: Date.now() - this.started };
  }
}
