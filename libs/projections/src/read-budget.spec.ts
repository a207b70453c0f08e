import Database from 'better-sqlite3';
import { ReadBudgetExceededError, WORK_TICK, installReadBudget, setReadBudget, withinReadBudget } from './read-budget';

describe('read budget', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (n INTEGER)');
  for (let n = 0; n < 10; n++) db.prepare('INSERT INTO t VALUES (?)').run(n);
  installReadBudget(db);
  const matching = (n: number) => db.prepare(`SELECT n FROM t WHERE ${WORK_TICK} AND n = ?`).pluck().all(n);

  afterAll(() => db.close());

  it('counts every row a read looks at, not the rows it answers', () => {
    setReadBudget(db, 10);
    expect(withinReadBudget(db, () => matching(9))).toEqual([9]);
    setReadBudget(db, 9);
    expect(() => withinReadBudget(db, () => matching(9))).toThrow(ReadBudgetExceededError);
  });

  it('gives each read a fresh budget, and none outside a budgeted read', () => {
    setReadBudget(db, 10);
    for (let i = 0; i < 3; i++) expect(withinReadBudget(db, () => matching(0))).toEqual([0]);
    setReadBudget(db, 1);
    expect(matching(9)).toEqual([9]);
  });
});
