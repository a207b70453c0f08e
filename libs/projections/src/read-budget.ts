import type { Database } from 'better-sqlite3';

/**
 * A bound on the rows one read may look at. Filters that match little can make a page scan much
 * of a table before it finds its rows; rather than hold the (synchronous) event loop for as long
 * as that takes, the read stops and says so. Queries count their rows by calling `WORK_TICK` in
 * their WHERE clause, a function SQLite calls once per row it considers.
 */

export class ReadBudgetExceededError extends Error {
  constructor(readonly rows: number) {
    super(`The read would look at more than ${rows} rows`);
  }
}

type Budget = { limit: number; left: number };

const budgets = new WeakMap<Database, Budget>();

/** The SQL that counts one row against the budget; always true. */
export const WORK_TICK = 'parley_work_tick()';

/** Installs the counting function on a database (once), with no limit until one is set. */
export const installReadBudget = (db: Database): Budget => {
  let budget = budgets.get(db);
  if (!budget) {
    const created: Budget = { limit: Infinity, left: Infinity };
    db.function('parley_work_tick', { deterministic: false, directOnly: true }, () => {
      if (--created.left < 0) throw new ReadBudgetExceededError(created.limit);
      return 1;
    });
    budgets.set(db, created);
    budget = created;
  }
  return budget;
};

/** The most rows any one budgeted read on this database may look at. */
export const setReadBudget = (db: Database, rows: number): void => {
  installReadBudget(db).limit = rows;
};

/** Runs one read with a fresh budget. Reads are synchronous, so no other read can share it meanwhile. */
export const withinReadBudget = <T>(db: Database, read: () => T): T => {
  const budget = installReadBudget(db);
  budget.left = budget.limit;
  try {
    return read();
  } finally {
    budget.left = Infinity;
  }
};
