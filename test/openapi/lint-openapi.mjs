// Lints the OpenAPI document read from stdin with Redocly's recommended rules and prints the
// problems as JSON. A script of its own: @redocly/openapi-core is ESM-only, and jest runs the
// specs as CommonJS.
import { createConfig, lintFromString } from '@redocly/openapi-core';

let source = '';
for await (const chunk of process.stdin) source += chunk;
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source, config });
process.stdout.write(
  JSON.stringify(problems.map(({ ruleId, severity, message, location }) => ({ ruleId, severity, message, pointer: location[0]?.pointer }))),
);
