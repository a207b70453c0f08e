/**
 * The ceiling of a rebuild: read the whole events table in position order, a keyset page of
 * 500 at a time (what the store's readAll does), and JSON.parse each event's data and
 * metadata, with nothing else. Prints {events, seconds} as its last line.
 */
import Database from 'better-sqlite3';

const PAGE = 500;

function main(): void {
  const db = new Database(process.env.BENCH_DB!, { readonly: true });
  db.defaultSafeIntegers(true);
  const page = db.prepare<[bigint, number], { position: bigint; data: string; metadata: string }>(
    'SELECT position, id, stream_id, revision, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position ASC LIMIT ?',
  );
  const started = process.hrtime.bigint();
  let after = 0n;
  let events = 0;
  let parsed = 0;
  for (;;) {
    const rows = page.all(after, PAGE);
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = JSON.parse(row.data) as object;
      const metadata = JSON.parse(row.metadata) as object;
      if (data && metadata) parsed++;
    }
    events += rows.length;
    after = rows[rows.length - 1].position;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  process.stdout.write(`${JSON.stringify({ events, parsed, seconds })}\n`);
}

main();
