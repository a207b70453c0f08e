/** The live connection, said in words, in the header's status region (announced politely). */
const TEXT = {
  idle: () => 'Not connected',
  connecting: () => 'Connecting…',
  live: () => 'Live',
  reconnecting: ({ attempt, delayMs }) =>
    delayMs === undefined ? `Reconnecting (attempt ${attempt})…` : `Connection lost: reconnecting in ${Math.max(1, Math.round(delayMs / 1000))} s (attempt ${attempt})`,
  refused: () => 'API key refused',
  stopped: () => 'Not connected',
};

export function showConnection(element, connection) {
  element.dataset.state = connection.state;
  element.textContent = (TEXT[connection.state] ?? TEXT.idle)(connection);
}
