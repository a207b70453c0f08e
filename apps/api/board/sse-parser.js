/**
 * The text/event-stream format as the HTML standard defines it (§9.2.6 "Interpreting an event
 * stream"), for a reader that, unlike EventSource, can send an Authorization header.
 *
 * Feed it decoded text in chunks of any size; each dispatched message comes out as
 * `{ event, data, id }`, `id` being the last event id seen so far (it carries over messages,
 * and over connections: start the next one's parser with the last one's `lastEventId`).
 */
export function sseParser({ onMessage, onRetry = () => {}, lastEventId: resumedAfter = '' }) {
  let pending = '';
  let started = false;
  let data = [];
  let eventType = '';
  let idBuffer = resumedAfter;
  let lastEventId = resumedAfter;

  const dispatch = () => {
    lastEventId = idBuffer;
    if (data.length > 0) onMessage({ event: eventType || 'message', data: data.join('\n'), id: lastEventId });
    data = [];
    eventType = '';
  };

  const line = (text) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
    return undefined;
  };

  return {
    push(chunk) {
      pending += chunk;
      if (!started && pending.length > 0) {
        started = true;
        if (pending.startsWith('\uFEFF')) pending = pending.slice(1);
      }
      let start = 0;
      for (let index = 0; index < pending.length; index++) {
        const char = pending[index];
        if (char !== '\n' && char !== '\r') continue;
        // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
        if (char === '\r' && index === pending.length - 1) break;
        line(pending.slice(start, index));
        if (char === '\r' && pending[index + 1] === '\n') index++;
        start = index + 1;
      }
      pending = pending.slice(start);
    },
    /** The id to resume after, as `Last-Event-ID`. */
    get lastEventId() {
      return lastEventId;
    },
  };
}
