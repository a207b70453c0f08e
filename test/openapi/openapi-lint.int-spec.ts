import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { openApiDocument } from '../../apps/api/src/openapi/openapi';
import { startTestApp, TestApp } from '../support/test-app';

type LintProblem = Readonly<{ ruleId: string; severity: 'error' | 'warn'; message: string; pointer?: string }>;

/** Redocly's recommended rules over a document, in a node process of their own (see the script). */
function lint(document: object): Promise<LintProblem[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'lint-openapi.mjs')], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as LintProblem[]),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}

/** The document Swagger UI shows, held to a maintained linter's recommended rules. */
describe('The OpenAPI document (int)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.close());

  it('passes Redocly’s recommended rules with no error', async () => {
    const problems = await lint(openApiDocument(app.app));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('the lint can fail: a document with an undefined security scheme has errors', async () => {
    const document = openApiDocument(app.app);
    document.components = { ...document.components, securitySchemes: {} };
    const problems = await lint(document);
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.ruleId)).toContain('security-defined');
  });
});
