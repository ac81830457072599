// `replylint init`: a commented starter config in the current folder.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';

const STARTER = `# replylint configuration: the README's "Configuration" section, in the package (node_modules/replylint/README.md)
# Every rule of the recommended preset is on; change levels below.
extends: recommended

rules:
  # A rule's level: error | warning | suggestion | off
  # greeting: warning
  # next-steps: [warning, { }]
  # apology: { level: error, weight: 20 }

# Your team's internal words, with what to say instead (checked by no-jargon).
vocabulary:
  jargon: []
    # - { term: "P1", replace: "urgent" }
  # Acronyms your customers know, never reported as jargon, e.g. [PDF, SLA].
  allow: []

# Files that are canned responses (placeholders expected):
templates: []
  # - "canned/**"

# Extra folders of rule files (one YAML file per rule):
rulePaths: []
`;

export function writeStarterConfig(cwd: string): { path: string; created: boolean } {
  const path = resolve(cwd, '.replylintrc.yaml');
  try {
    // Created only where nothing stands: not through a link, dangling or looping, whose
    // target existsSync cannot see (it wrote the starter config where the link pointed).
    writeFileSync(path, STARTER, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { path, created: false };
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (err as Error).message;
    throw new ConfigError(`cannot write the starter config: ${reason}`, { file: path }, 'run replylint init in a folder you may write to');
  }
  return { path, created: true };
}
