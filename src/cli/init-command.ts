// `replylint init`: a commented starter config in the current folder.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const STARTER = `# replylint configuration: https://github.com/ (see README, "Configuration")
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
  if (existsSync(path)) return { path, created: false };
  writeFileSync(path, STARTER, 'utf8');
  return { path, created: true };
}
