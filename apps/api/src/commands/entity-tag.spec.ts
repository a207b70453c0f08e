import { ApiProblem } from '../problem/problem';
import { entityTag, parseIfMatch, satisfies } from './entity-tag';

describe('If-Match and ETags', () => {
  it('an ETag is the stream revision, quoted', () => {
    expect(entityTag(0)).toBe('"0"');
    expect(entityTag(42)).toBe('"42"');
  });

  it('no header asks for nothing', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('"*" is satisfied by any existing stream, not by a missing one', () => {
    const condition = parseIfMatch('*')!;
    expect(satisfies(condition, 0)).toBe(true);
    expect(satisfies(condition, 9)).toBe(true);
    expect(satisfies(condition, -1)).toBe(false);
  });

  it('a list of strong tags is satisfied by any of its revisions', () => {
    const condition = parseIfMatch(' "3" , "5"')!;
    expect(satisfies(condition, 3)).toBe(true);
    expect(satisfies(condition, 5)).toBe(true);
    expect(satisfies(condition, 4)).toBe(false);
    expect(satisfies(condition, -1)).toBe(false);
  });

  it('weak tags are accepted but never match (If-Match compares strongly)', () => {
    const condition = parseIfMatch('W/"3"')!;
    expect(satisfies(condition, 3)).toBe(false);
  });

  it.each(['3', '"three"', '"-1"', '""', '"3",', 'W/3'])('%s is a 400 naming the header', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ApiProblem);
    try {
      parseIfMatch(header);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'REQUEST.INVALID', extensions: { errors: [{ field: 'If-Match' }] } });
    }
  });
});
