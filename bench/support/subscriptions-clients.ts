import http from 'node:http';

/**
 * Raw SSE subscribers: a plain HTTP reader and a regex per message instead of EventSource and
 * JSON.parse, so that a thousand of them in one process measure the server, not the clients.
 */
export type Subscriber = Readonly<{ close: () => void; received: () => number }>;

/** Opens a subscriber; `onMarker` gets each marker the message data holds (matched by `marker`) and when it arrived. */
export function openSubscriber(url: string, key: string, marker: RegExp, onMarker: (value: string, at: number) => void): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let buffer = '';
    const request = http.get(url, { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`Subscribing answered ${response.statusCode}`));
      response.setEncoding('utf8');
      let started = false;
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!started && message.includes('event: ready')) {
            started = true;
            resolve({ close: () => request.destroy(), received: () => received });
          }
          const match = marker.exec(message);
          if (match) {
            received++;
            onMarker(match[1], at);
          }
        }
      });
    });
    request.on('error', reject);
  });
}
