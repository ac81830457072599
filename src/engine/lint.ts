// Linting one reply: build its document once, run every active rule, score the result.
import { buildDocument, type Document } from '../document/document.js';
import { defaultContext, type ContextInput, type Language, type LintResult, type Locale, type Reply, type Severity, type Violation } from '../types.js';
import { applyDirectives, parseDirectives, unusedDirectives, type UnusedDirective } from './directives.js';
import { sourceColumn, type HtmlLines } from '../input/html-lines.js';
import { applyFixes } from './fix.js';
import type { Finding, Rule } from './rule.js';

export const LEVEL_WEIGHTS: Record<Severity, number> = { error: 25, warning: 10, suggestion: 3 };

function isSkipped(rule: Rule, reply: Reply): boolean {
  const { context } = reply;
  if (!rule.channels.includes(context.channel)) return true;
  return rule.skip.some(
    (condition) =>
      (condition === 'chat-followup' && context.channel === 'chat' && !context.firstReply) ||
      (condition === 'template' && context.template) ||
      (condition === 'draft' && !context.template),
  );
}

const KEY = /\{(\w+)\}/g;

/**
 * A message's template with each {key} filled from the finding's data (its own keys,
 * never one a plain object inherits, such as {constructor}) or, for {example}, the hint's
 * example. A key without a value stays as written; with `strict`, the text is undefined
 * instead when a key has no value or an empty one (a hint that names a value the finding
 * lacks, a jargon term with no replacement, is left out). One pass, and no copy of the data: it runs for every violation.
 */
function fill(template: string, data: Record<string, string> | undefined, example?: string, strict = false): string | undefined {
  if (!template.includes('{')) return template;
  let missing = false;
  const text = template.replace(KEY, (whole, key: string) => {
    const value = key === 'example' && example !== undefined ? example : data && Object.hasOwn(data, key) ? data[key] : undefined;
    // An empty value counts as missing for a hint: "Say "" instead." helps no one.
    if (value === undefined || (strict && value === '')) missing = true;
    return value ?? whole;
  });
  return strict && missing ? undefined : text;
}

/** The text in the reader's language, else English. */
function pick(texts: Partial<Record<Language, string>> | undefined, language: Language): string | undefined {
  return texts?.[language] ?? texts?.en;
}

/**
 * Violations found in the text extracted from HTML, moved to the source's lines and
 * columns (after `offset` lines of front matter), so that reports point into the file.
 */
function toSourceLines(violations: Violation[], map: HtmlLines, doc: Document, offset: number): void {
  const place = (line: number, column: number) => {
    const sourceLine = map.lines[line - offset - 1] ?? map.lines[map.lines.length - 1] ?? 1;
    const { start, end } = doc.lines.line(line - offset);
    return { line: sourceLine + offset, column: sourceColumn(map, sourceLine, doc.text.slice(start + column - 1, end)) };
  };
  for (const v of violations) {
    const start = place(v.line, v.column);
    const end = place(v.endLine, v.endColumn);
    const sameLine = v.line === v.endLine && start.line === end.line;
    v.endColumn = sameLine ? start.column + (v.endColumn - v.column) : end.column;
    v.line = start.line;
    v.column = start.column;
    v.endLine = end.line;
  }
}

function toViolation(rule: Rule, finding: Finding, doc: Document, lineOffset: number, language: Language): Violation {
  const severity = finding.severity ?? (rule.level as Severity);
  const start = doc.lines.position(finding.start);
  const end = doc.lines.position(finding.end);
  // A hint's example is in the reply's language (doc.language), its words in the reader's.
  const hintTemplate = pick(rule.hints[finding.message], language);
  const exampleTemplate = hintTemplate && pick(rule.hintExamples[finding.message], doc.language);
  const hint = hintTemplate && fill(hintTemplate, finding.data, exampleTemplate && fill(exampleTemplate, finding.data), true);
  const violation: Violation = {
    rule: rule.id,
    messageId: finding.message,
    severity,
    message: fill(finding.messageText ?? pick(rule.messages[finding.message], language) ?? finding.message, finding.data)!,
    line: start.line + lineOffset,
    column: start.column,
    endLine: end.line + lineOffset,
    endColumn: end.column,
  };
  if (hint) violation.hint = hint;
  if (finding.fix) violation.fix = finding.fix;
  return violation;
}

export function score(violations: readonly Violation[], rules: ReadonlyMap<string, Rule>): number {
  const lost = violations.reduce((sum, v) => sum + (rules.get(v.rule)?.weight ?? LEVEL_WEIGHTS[v.severity]), 0);
  return Math.max(0, 100 - lost);
}

export interface LintOptions {
  fix?: boolean;
  /** Say which replylint-disable directives turned off nothing (ESLint's --report-unused-disable-directives). */
  reportUnusedDirectives?: boolean;
}

export interface LinterOptions {
  /** The language of messages and hints: en, cs, sk, or auto (the reply's own; the default). */
  locale?: Locale;
}

export class Linter {
  private readonly byId: Map<string, Rule>;

  /** The score of a reply left with these violations (after a baseline suppressed some). */
  rescore(violations: readonly Violation[]): number {
    return score(violations, this.byId);
  }

  private readonly locale: Locale;
  /** Milliseconds per rule, when the TIMING environment variable is set (as ESLint's). */
  readonly timing: Map<string, number> | undefined = process.env.TIMING ? new Map() : undefined;

  constructor(
    readonly rules: readonly Rule[],
    options: LinterOptions = {},
  ) {
    this.byId = new Map(rules.map((r) => [r.id, r]));
    // A reply's messages are in its own language unless another is asked for.
    this.locale = options.locale ?? 'auto';
  }

  /** Load what active rules need before the first reply (spelling's dictionaries). */
  async prepare(): Promise<void> {
    await Promise.all(this.rules.filter((r) => r.level !== 'off' && r.check.prepare).map((r) => r.check.prepare!()));
  }

  private check(reply: Reply, reportUnused = false): { doc: Document; violations: Violation[]; unused?: UnusedDirective[] } {
    const doc = buildDocument(reply.text, { language: reply.context.language });
    const language = doc.language;
    const locale = this.locale === 'auto' ? language : this.locale;
    const violations: Violation[] = [];
    for (const rule of this.rules) {
      if (rule.level === 'off' || !rule.languages.includes(language) || isSkipped(rule, reply)) continue;
      const started = this.timing ? performance.now() : 0;
      const findings = rule.check({ doc, reply, language });
      if (this.timing) this.timing.set(rule.id, (this.timing.get(rule.id) ?? 0) + performance.now() - started);
      for (const finding of findings) violations.push(toViolation(rule, finding, doc, reply.lineOffset ?? 0, locale));
    }
    if (reply.sourceLines) toSourceLines(violations, reply.sourceLines, doc, reply.lineOffset ?? 0);
    violations.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    if (reply.directives) {
      const offset = reply.lineOffset ?? 0;
      const ranges = parseDirectives(reply.directiveSource ?? doc.text).map((r) =>
        reply.directives === 'file' ? { ...r, from: 1, to: Infinity } : { ...r, from: r.from + offset, to: r.to + offset, line: r.line + offset },
      );
      const unused = reportUnused ? unusedDirectives(violations, ranges, (id) => this.byId.has(id)) : undefined;
      return { doc, violations: applyDirectives(violations, ranges), unused };
    }
    return { doc, violations };
  }

  /**
   * Lint one reply: a Reply, or its text and what is known of it (as the library's lint()
   * takes them): `linter.lint('Hi Anna, …', { customerName: 'Anna Smith' })`.
   */
  lint(reply: Reply, options?: LintOptions): LintResult;
  lint(text: string, context?: ContextInput, options?: LintOptions): LintResult;
  lint(input: Reply | string, second?: LintOptions | ContextInput, third?: LintOptions): LintResult {
    if (typeof input === 'string') return this.lintReply({ text: input, source: '<text>', context: defaultContext(second as ContextInput | undefined) }, third);
    return this.lintReply(input, second as LintOptions | undefined);
  }

  private lintReply(reply: Reply, options: LintOptions = {}): LintResult {
    let { doc, violations, unused } = this.check(reply, options.reportUnusedDirectives);
    let output: string | undefined;
    if (options.fix) {
      let text = doc.text;
      // Fix, re-check, and fix again until nothing changes (at most 10 passes).
      for (let pass = 0; pass < 10; pass++) {
        const fixes = violations.flatMap((v) => (v.fix ? [v.fix] : []));
        if (!fixes.length) break;
        text = applyFixes(text, fixes).text;
        // The fixed text no longer lines up with an HTML source: its directives apply to the whole file.
        ({ doc, violations } = this.check({ ...reply, text, ...(reply.sourceLines ? { sourceLines: undefined, directives: 'file' as const } : {}) }));
        // (What the directives turned off is told of the text as it was.)
        output = text;
      }
    }
    const result: LintResult = {
      source: reply.source,
      conversationId: reply.conversationId,
      messageIndex: reply.messageIndex,
      language: doc.language,
      channel: reply.context.channel,
      score: score(violations, this.byId),
      violations,
    };
    if (output !== undefined && output !== reply.text.normalize('NFC')) result.output = output;
    if (unused?.length) result.unusedDirectives = unused;
    return result;
  }
}
