// --format sarif: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps). A reply from a
// text file is located in the file; one from a conversation carries the conversation
// and message as a logical location, with lines that point into the message text.
// Files are located by URIs relative to %SRCROOT%, the working directory (report/escape.ts).
import type { Rule } from '../engine/rule.js';
import type { LintResult, Severity } from '../types.js';
import { artifactLocation, sourceRoot } from './escape.js';
import { JsonArrayWriter, STREAMED_ARRAY } from './json-stream.js';
import { readFileSync } from 'node:fs';
import { rulePage } from '../files/docs.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', suggestion: 'note' };

/**
 * A built-in rule's page (docs/rules/, shipped in the package) as SARIF's rule help, which
 * code scanning shows beside an alert. There is no web page to give as helpUri.
 */
function help(rule: Rule): { help?: { text: string; markdown: string } } {
  const page = rulePage(rule);
  if (!page) return {};
  try {
    return { help: { text: rule.description, markdown: readFileSync(page, 'utf8') } };
  } catch {
    return {};
  }
}

/** The SARIF document around its results, which stand where `results` is. */
function sarifDocument(rules: readonly Rule[], version: string, root: string, results: unknown) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'replylint',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...help(r),
              defaultConfiguration: { level: LEVEL[r.level as Severity] },
              properties: { languages: r.languages },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': sourceRoot(root) },
        results,
      },
    ],
  };
}

/** --format sarif, written a result at a time (json-stream.ts). */
export class SarifReport {
  private readonly document: object;
  private readonly index: Map<string, number>;
  private readonly results: JsonArrayWriter;

  constructor(
    write: (text: string) => void,
    rules: readonly Rule[],
    version: string,
    private readonly root = process.cwd(),
  ) {
    const used = rules.filter((r) => r.level !== 'off');
    this.index = new Map(used.map((r, i) => [r.id, i]));
    this.document = sarifDocument(used, version, root, STREAMED_ARRAY);
    this.results = new JsonArrayWriter(write, this.document);
  }

  add(r: LintResult): void {
    for (const v of r.violations) {
      this.results.add({
        ruleId: v.rule,
        ...(this.index.has(v.rule) ? { ruleIndex: this.index.get(v.rule) } : {}),
        level: LEVEL[v.severity],
        message: { text: v.hint ? `${v.message} ${v.hint}` : v.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(r.source, this.root),
              ...(r.conversationId === undefined ? { region: { startLine: v.line, startColumn: v.column, endLine: v.endLine, endColumn: v.endColumn } } : {}),
            },
            ...(r.conversationId !== undefined
              ? {
                  logicalLocations: [
                    {
                      name: `${r.conversationId}#${r.messageIndex}`,
                      kind: 'message',
                      fullyQualifiedName: `conversation ${r.conversationId}, message ${r.messageIndex}, line ${v.line}:${v.column}`,
                    },
                  ],
                }
              : {}),
          },
        ],
      });
    }
  }

  end(): void {
    this.results.end(this.document);
  }
}
