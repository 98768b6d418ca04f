// eslint-disable-next-line @typescript-eslint/no-require-imports
import hbs = require('hbs');
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The templates' partials (templates/pages/partials), registered once. */
let registered = false;

/** Helpers the page templates use: comparisons only; every figure arrives already formatted. */
export function registerViewHelpers(): void {
  if (registered) return;
  registered = true;
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partials = join(__dirname, '..', '..', 'templates', 'pages', 'partials');
  for (const name of ['goal']) {
    hbs.registerPartial(name, readFileSync(join(partials, `${name}.hbs`), 'utf8'));
  }
}
