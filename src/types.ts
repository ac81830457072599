// The shapes that cross module borders: a reply with its context, and what linting it yields.
import { isMessageHistory } from './history.js';

/** A range of offsets [start, end) into a reply's text: a zone of the Document, a match, a word. */
export interface Span {
  start: number;
  end: number;
}

export type Language = 'en' | 'cs' | 'sk';
export const LANGUAGES: readonly Language[] = ['en', 'cs', 'sk'];
export type Channel = 'email' | 'chat' | 'social';
/** The language of messages: a fixed one, or the reply's own. */
export type Locale = Language | 'auto';
export const LOCALES: readonly Locale[] = [...LANGUAGES, 'auto'];
export const CHANNELS: readonly Channel[] = ['email', 'chat', 'social'];
export type Severity = 'error' | 'warning' | 'suggestion';
export type Level = Severity | 'off';
export const LEVELS: readonly Level[] = ['error', 'warning', 'suggestion', 'off'];

/**
 * Earlier messages of a conversation, oldest first: an array, or (in replies read from a
 * conversation) a view of the part of the conversation's one list that came before the
 * reply, so that a long conversation's replies do not each hold a copy of it.
 */
/** The longest customer or agent name taken as one (a longer field is a pasted message or an attack). */
export const MAX_NAME_CHARS = 200;

export interface MessageHistory extends Iterable<string> {
  readonly length: number;
  /** As Array.prototype.at: -1 is the latest message. */
  at(index: number): string | undefined;
  /** As Array.prototype.slice: that part as an array of its own. */
  slice(start?: number, end?: number): string[];
}

/** What the linter knows about one reply (etiquette-rules.md, "the context"). */
export interface ReplyContext {
  language?: Language;
  channel: Channel;
  /** A name field longer than MAX_NAME_CHARS holds no name: name-use is silent. */
  customerName?: string;
  agentName?: string;
  /** The customer's messages before this reply, oldest first. */
  customerMessages: MessageHistory;
  /** The agent's own earlier messages in the conversation, oldest first. */
  previousAgentMessages: MessageHistory;
  firstReply: boolean;
  template: boolean;
}

export interface Reply {
  text: string;
  context: ReplyContext;
  /** Where the reply came from, for reports. */
  source: string;
  conversationId?: string;
  messageIndex?: number;
  /** Added to reported lines: a text file's front matter sits above the reply. */
  lineOffset?: number;
  /** When the message was written (ISO 8601), if the export says. */
  time?: string;
  /** The HTML the text was extracted from, when the input was HTML (for markup checks). */
  html?: string;
  /**
   * <!-- replylint-disable … --> comments apply by line (in HTML, by the source's lines);
   * 'file': to the whole file for the rules they name.
   */
  directives?: 'lines' | 'file';
  /** The source the directives are read from, when it is not `text` (HTML). */
  directiveSource?: string;
  /** HTML: where each line of the extracted text stands in the source (input/html-lines.ts), so reports point into the file. */
  sourceLines?: import('./input/html-lines.js').HtmlLines;
}

export interface Fix {
  /** Offsets into the reply text: replace [start, end) with text. */
  range: [number, number];
  text: string;
}

export interface Violation {
  rule: string;
  /** The rule's message key ("missing", "wrong-case"), as ESLint's messageId. */
  messageId?: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** How to put it right, in a sentence. */
  hint?: string;
  fix?: Fix;
}

export interface LintResult {
  source: string;
  conversationId?: string;
  messageIndex?: number;
  language: Language;
  channel: Channel;
  score: number;
  violations: Violation[];
  /** The text after fixes, when fixing was asked for and something changed. */
  output?: string;
  /** Directives that turned off nothing (line, and the rule named; none: all), when asked for (LintOptions.reportUnusedDirectives). */
  unusedDirectives?: { line: number; rule?: string }[];
}

/** A result with what an audit needs beside it: who wrote the reply, when, and its text. */
export interface AuditedReply extends LintResult {
  agent?: string;
  time?: string;
  text: string;
}

/**
 * What a caller may say of a reply: any part of its context, and `customerMessage`, the
 * customer's message it answers, named as the CLI (--customer-message), front matter and
 * the MCP server name it (it follows `customerMessages`, as the latest).
 */
export interface ContextInput extends Partial<ReplyContext> {
  customerMessage?: string;
}

/**
 * A full context from a partial one; arrays keep only their strings (library callers pass
 * anything), a conversation's shared history is kept as it is.
 */
export function defaultContext(input: ContextInput = {}): ReplyContext {
  const { customerMessage, ...partial } = input;
  // A list of strings is kept as it is (no copy per reply); other items are dropped.
  const strings = (list: unknown): MessageHistory =>
    Array.isArray(list)
      ? list.every((x) => typeof x === 'string')
        ? list
        : list.filter((x): x is string => typeof x === 'string')
      : isMessageHistory(list)
        ? list
        : [];
  return {
    ...partial,
    // `{ channel: undefined }` is a caller with nothing to say: the default, not a channel no rule applies to.
    channel: partial.channel ?? 'email',
    firstReply: partial.firstReply ?? true,
    template: partial.template ?? false,
    customerMessages: typeof customerMessage === 'string' ? [...strings(partial.customerMessages), customerMessage] : strings(partial.customerMessages),
    previousAgentMessages: strings(partial.previousAgentMessages),
  };
}
