import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

// Time and chance enter through the command. (What the domain may import is checked by
// dependency-cruiser in `npm run depcheck`.)
const root = __dirname;
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

const files = sourceFiles(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('the domain library', () => {
  it.each(files.map((file) => [file.path, file] as const))('%s reads no clock and no randomness', (_, file) => {
    expect(file.text).not.toMatch(/new Date\(\)|Date\.now\(|Math\.random\(/);
  });
});
