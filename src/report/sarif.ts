// --format sarif: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps). A reply from a
// text file is located in the file; one from a conversation carries the conversation
// and message as a logical location, with lines that point into the message text.
// Files are located by URIs relative to %SRCROOT%, the working directory (report/escape.ts).
import type { Rule } from '../engine/rule.js';
import type { LintResult, Severity } from '../types.js';
import { artifactLocation, safeJson, sourceRoot } from './escape.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', suggestion: 'note' };

export function formatSarif(results: readonly LintResult[], rules: readonly Rule[], version: string, root = process.cwd()): string {
  const used = rules.filter((r) => r.level !== 'off');
  const index = new Map(used.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'replylint',
            version,
            informationUri: 'https://www.npmjs.com/package/replylint',
            rules: used.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.level as Severity] },
              properties: { languages: r.languages },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': sourceRoot(root) },
        results: results.flatMap((r) =>
          r.violations.map((v) => ({
            ruleId: v.rule,
            ...(index.has(v.rule) ? { ruleIndex: index.get(v.rule) } : {}),
            level: LEVEL[v.severity],
            message: { text: v.hint ? `${v.message} ${v.hint}` : v.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(r.source, root),
                  ...(r.conversationId === undefined ? { region: { startLine: v.line, startColumn: v.column, endLine: v.endLine, endColumn: v.endColumn } } : {}),
                },
                ...(r.conversationId !== undefined ? { logicalLocations: [{ name: `${r.conversationId}#${r.messageIndex}`, kind: 'message', fullyQualifiedName: `conversation ${r.conversationId}, message ${r.messageIndex}, line ${v.line}:${v.column}` }] } : {}),
              },
            ],
          })),
        ),
      },
    ],
  };
  return safeJson(sarif, 2) + '\n';
}
