// Test-only, loaded into the server child with `-r` when a real small filesystem cannot be
// mounted (mount needs root): a full disk simulated by SQLite's own limit. `PRAGMA
// max_page_count` makes a write that needs a new page fail with SQLITE_FULL, the very error
// a full disk gives. The test sets the limit over IPC: { maxPages: 1 } (clamped to the
// current size: full) or { maxPages: 1073741823 } (space again), on every open connection.
const Database = require('better-sqlite3');

const connections = new Set();

class PageLimitedDatabase extends Database {
  constructor(...args) {
    super(...args);
    connections.add(this);
  }

  close() {
    connections.delete(this);
    return super.close();
  }
}

require.cache[require.resolve('better-sqlite3')].exports = PageLimitedDatabase;

process.on('message', (message) => {
  if (typeof message?.maxPages !== 'number') return;
  for (const db of connections) db.pragma(`max_page_count = ${Math.floor(message.maxPages)}`);
  process.send({ maxPages: message.maxPages });
});
