// The docs the package ships (docs/, generated in part by scripts/build-docs.mjs): a
// built-in rule's page, for `rules --format json` and SARIF's rule help. Found from src/,
// dist/ and the CLI bundle alike, as built.ts finds dist/.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

/** The page of a built-in rule (not of a team's rule, even one that replaces a built-in id), if the package has it. */
export function rulePage(rule: { id: string; file: string }): string | undefined {
  if (resolve(dirname(rule.file)) !== resolve(RULES_DIR)) return undefined;
  const page = resolve(DOCS_DIR, `${rule.id}.md`);
  return existsSync(page) ? page : undefined;
}
