import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ERROR_CODE_LIST, ERROR_CODES, rejection } from './error-codes';

const specTexts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specTexts(path);
    return entry.name.endsWith('.spec.ts') && entry.name !== 'error-codes.spec.ts' ? [readFileSync(path, 'utf8')] : [];
  });

describe('the error code catalogue', () => {
  const specs = specTexts(join(__dirname, '..')).join('\n');

  it.each(ERROR_CODE_LIST)('%s is named AREA.RULE, explained, and specified by a test', (code) => {
    expect(code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
    expect(ERROR_CODES[code].meaning.length).toBeGreaterThan(10);
    expect(specs).toContain(`'${code}'`);
  });

  it('gives each rejection the kind its code is catalogued with', () => {
    expect(rejection('TALKS.NOT_OPENED', 'm')).toEqual({ kind: 'not_found', code: 'TALKS.NOT_OPENED', message: 'm' });
    expect(rejection('MEETING.ALREADY_HELD', 'm', 'meetingId')).toEqual({ kind: 'conflict', code: 'MEETING.ALREADY_HELD', message: 'm', field: 'meetingId' });
  });
});
