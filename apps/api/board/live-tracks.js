import { authorization } from './api.js';
import { followLiveStream } from './live-stream.js';

/**
 * Every track's status as /v1/subscriptions/talks tells it: a snapshot, then each change. A
 * reconnect's snapshot holds only the tracks changed since (`since`), so statuses are merged
 * by talksId, never replaced wholesale, and the picture is whole again.
 */
export class LiveTracks {
  tracks = new Map();
  loaded = false;
  connection = { state: 'idle' };
  #listeners = new Set();
  #stream;

  /** listener({ changed: talksIds | undefined (everything), connection }) */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start() {
    this.stop();
    this.#stream = followLiveStream({
      url: '/v1/subscriptions/talks',
      authorization,
      onState: (connection) => {
        this.connection = connection;
        this.#emit({ connection });
      },
      onMessage: ({ event, data }) => {
        if (event === 'snapshot') {
          const { tracks } = JSON.parse(data);
          for (const status of tracks) this.tracks.set(status.talksId, status);
          this.loaded = true;
          this.#emit({ changed: tracks.map((status) => status.talksId) });
        } else if (event === 'status') {
          const status = JSON.parse(data);
          this.tracks.set(status.talksId, status);
          this.#emit({ changed: [status.talksId] });
        }
      },
    });
  }

  stop() {
    this.#stream?.stop();
    this.#stream = undefined;
  }

  #emit(change) {
    for (const listener of this.#listeners) listener(change);
  }
}
