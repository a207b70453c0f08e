import { upcasterRegistry } from './upcaster-registry';
import { Upcaster } from './upcaster';

const addNote: Upcaster = (data) => ({ ...data, note: data.note ?? null });
const renameTitle: Upcaster = ({ title, ...rest }) => ({ ...rest, name: title });

describe('the upcaster registry', () => {
  const registry = upcasterRegistry([{ Opened: [addNote, renameTitle] }, { Registered: [addNote] }]);

  it('knows the version this code writes for each type: one more than its steps', () => {
    expect(registry.currentVersion('Opened')).toBe(3);
    expect(registry.currentVersion('Registered')).toBe(2);
    expect(registry.currentVersion('Untouched')).toBe(1);
  });

  it('runs every step after the stored version, in order', () => {
    expect(registry.upcast('Opened', { title: 'T' }, 1)).toEqual({ data: { name: 'T', note: null }, schemaVersion: 3 });
    expect(registry.upcast('Opened', { title: 'T', note: 'n' }, 2)).toEqual({ data: { name: 'T', note: 'n' }, schemaVersion: 3 });
  });

  it('reads an event without a readable version as version 1', () => {
    expect(registry.upcast('Registered', { a: 1 }, undefined)).toEqual({ data: { a: 1, note: null }, schemaVersion: 2 });
    expect(registry.upcast('Registered', { a: 1 }, 'two')).toEqual({ data: { a: 1, note: null }, schemaVersion: 2 });
  });

  it('leaves current data, data that is not an object, and versions newer than it knows as they are', () => {
    const current = { name: 'T', note: null };
    expect(registry.upcast('Opened', current, 3).data).toBe(current);
    expect(registry.upcast('Opened', 'odd', 1)).toEqual({ data: 'odd', schemaVersion: 1 });
    expect(registry.upcast('Opened', current, 7)).toEqual({ data: current, schemaVersion: 7 });
    expect(registry.upcast('Untouched', current, 1).data).toBe(current);
  });

  it('refuses two tables that list the same type', () => {
    expect(() => upcasterRegistry([{ Opened: [addNote] }, { Opened: [renameTitle] }])).toThrow(/Opened/);
  });
});
