// Where `npm run build` leaves what a run reads besides its code (scripts/): the rule
// files pre-parsed and the phrases precompiled, the compiled lexicon, the audit's worker.
// The one module of src/ that names dist/; found from src/ (tests), dist/ and the CLI
// bundle alike (dist/cli/main.cjs stands at the same depth as this file).
import { fileURLToPath } from 'node:url';

/** A file or folder of the build's output, as a URL. */
export const builtUrl = (name: string): URL => new URL(`../../dist/${name}`, import.meta.url);

/** A file or folder of the build's output, as a path. */
export const builtPath = (name: string): string => fileURLToPath(builtUrl(name));
