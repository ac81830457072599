// CSV exports with a column mapping: --csv-columns conversation=…,role=…,text=…,author=…,time=…
// Rows of one conversation follow each other (sort the export by conversation first).
// Parsed by csv-parse, streaming, at flat memory: a record may be as long as a JSONL line
// (MAX_LINE_BYTES) and a conversation's rows as long again; past that it is skipped with
// a notice, and the rest of the file is read.
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { MAX_LINE_BYTES } from '../jsonl.js';
import { cleanBody, looksLikeHtml } from './clean.js';
import type { Conversation } from './types.js';

export const CSV_FIELDS = ['conversation', 'role', 'text', 'author', 'time', 'customer', 'channel', 'language'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvColumns = Partial<Record<CsvField, string>>;

/** Parse "conversation=ticket,role=sender,text=body" (throws with the reason). */
export function parseCsvColumns(spec: string): CsvColumns {
  const columns: CsvColumns = {};
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [field, column] = pair.split('=').map((s) => s?.trim());
    if (!CSV_FIELDS.includes(field as CsvField) || !column) throw new Error(`"${pair}" is not field=column; fields: ${CSV_FIELDS.join(', ')}`);
    columns[field as CsvField] = column;
  }
  for (const required of ['conversation', 'role', 'text'] as const) {
    if (!columns[required]) throw new Error(`--csv-columns needs ${required}=<column>`);
  }
  return columns;
}

/** How a CSV is written beyond its columns: Czech and Slovak Excel separates with ";". */
export interface CsvDialect {
  /** The field separator; undefined: the header line's most frequent of , ; tab |. */
  delimiter?: string;
  /** Role values of the export, lower-cased, mapped to the format's roles ("staff" → agent). */
  roles?: ReadonlyMap<string, string>;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The separator a header line uses most, outside quotes (a comma when it holds none). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && DELIMITERS.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Parse "agent=staff,operator;customer=client" (throws with the reason). */
export function parseCsvRoles(spec: string): Map<string, string> {
  const roles = new Map<string, string>();
  for (const group of spec
    .split(';')
    .map((g) => g.trim())
    .filter(Boolean)) {
    const [role, values] = group.split('=').map((s) => s?.trim());
    if ((role !== 'agent' && role !== 'customer') || !values)
      throw new Error(`"${group}" is not agent=… or customer=… (e.g. agent=staff,operator;customer=client)`);
    for (const value of values
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean))
      roles.set(value, role);
  }
  return roles;
}

/** csv-parse's complaints, said as a spreadsheet user would understand them. */
const PLAIN_REASONS: Record<string, string> = {
  CSV_INVALID_OPENING_QUOTE: 'a quote in the middle of a field that is not quoted (write it as "")',
  CSV_INVALID_CLOSING_QUOTE: 'text right after a closing quote (a quote inside a quoted field is written "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text right after a closing quote (a quote inside a quoted field is written "")',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a different number of fields than the header',
};

/** Where a skipped record is and what is wrong with it: row, column by its header name, reason. */
function skipMessage(err: CsvError, header: readonly string[] | undefined): string {
  const column = typeof err.column === 'number' ? (header?.[err.column] ?? String(err.column + 1)) : err.column;
  const reason = (err.code && PLAIN_REASONS[err.code]) ?? err.message;
  return `${column !== undefined ? `column "${column}": ` : ''}${reason}; the record is skipped`;
}

export interface CsvRecord {
  /** A conversation, and the line its first row is on. */
  conversation?: Conversation;
  line?: number;
  notice?: { line: number; message: string };
}

/** Reads the input's bytes at `position` into `buffer`, as many as fit or are left; 0 at its end. */
export type ReadAt = (buffer: Uint8Array, position: number) => Promise<number>;

/** A CSV held in memory, as a ReadAt (lint reads CSV files whole, to hash what it linted; stdin is read whole). */
export const memoryReadAt =
  (bytes: Uint8Array): ReadAt =>
  async (buffer, position) => {
    const n = Math.max(0, Math.min(buffer.length, bytes.length - position));
    buffer.set(bytes.subarray(position, position + n));
    return n;
  };

type CsvError = Error & { code?: string; lines?: number; column?: number | string };
type Parse = (options: object) => NodeJS.ReadWriteStream & AsyncIterable<Record<string, string>> & { end(): void; destroy(err?: Error): void };

const CHUNK = 1 << 16;
const MB = MAX_LINE_BYTES / 1048576;

// node:stream, like csv-parse, is loaded on the first CSV: it weighs ~1 ms on every start
// of the CLI (stream and its twenty internal modules), and only CSV input needs it.
const load = createRequire(import.meta.url);

/** The input from `start` on, as a stream. */
function streamFrom(readAt: ReadAt, start: number): Readable {
  const { Readable } = load('node:stream') as typeof import('node:stream');
  return Readable.from(
    (async function* () {
      for (let position = start; ; ) {
        const chunk = Buffer.allocUnsafe(CHUNK);
        const n = await readAt(chunk, position);
        if (n === 0) return;
        position += n;
        yield chunk.subarray(0, n);
      }
    })(),
    { objectMode: false },
  );
}

/** The input's first line (up to 64 KB), for its separator. */
async function headerLine(readAt: ReadAt): Promise<string> {
  const chunk = Buffer.allocUnsafe(CHUNK);
  const n = await readAt(chunk, 0);
  const text = chunk.subarray(0, n).toString('utf8');
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/** Where the line that holds `position` ends: the offset just past its line break, or undefined at the end of the input. */
async function nextLineStart(readAt: ReadAt, position: number): Promise<number | undefined> {
  const chunk = Buffer.allocUnsafe(CHUNK);
  for (let at = position; ; ) {
    const n = await readAt(chunk, at);
    if (n === 0) return undefined;
    const lineBreak = chunk.subarray(0, n).indexOf(10);
    if (lineBreak >= 0) return at + lineBreak + 1;
    at += n;
  }
}

/**
 * Errors after which csv-parse cannot find the next record by itself: a record over the
 * limit (with skip_records_with_error it then drops the rest of every chunk) and a quote
 * never closed (it swallows the rest of the file). Parsing starts again on the line after
 * the one the broken record starts on.
 */
const LOST_THE_THREAD: Record<string, string> = {
  CSV_MAX_RECORD_SIZE: `a record over ${MB} MB starts here (is a quote left open?)`,
  CSV_QUOTE_NOT_CLOSED: 'a quote opened here is never closed',
};

/** Header names a helpdesk export commonly gives each field, folded to lower case and no spaces or "_". */
const USUAL_NAMES: Partial<Record<CsvField, readonly string[]>> = {
  conversation: [
    'conversation',
    'conversationid',
    'ticket',
    'ticketid',
    'ticketnumber',
    'case',
    'caseid',
    'casenumber',
    'thread',
    'threadid',
    'chat',
    'chatid',
  ],
  role: ['role', 'sender', 'sendertype', 'authortype', 'authorrole', 'from', 'direction', 'usertype'],
  text: ['text', 'body', 'message', 'messagetext', 'content', 'comment', 'plainbody'],
  author: ['author', 'authorname', 'agent', 'agentname', 'sendername'],
  time: ['time', 'created', 'createdat', 'timestamp', 'date', 'sentat'],
  customer: ['customer', 'customername', 'requester', 'requestername'],
};

/**
 * The column mapping a header's names make plain ("ticket,sender,body" → conversation,
 * role, text), or undefined when conversation, role and text are not each named once.
 */
export function guessCsvColumns(header: readonly string[]): CsvColumns | undefined {
  const columns: CsvColumns = {};
  const key = (name: string) => name.toLowerCase().replace(/[\s_.-]/g, '');
  for (const [field, names] of Object.entries(USUAL_NAMES) as [CsvField, readonly string[]][]) {
    const found = header.filter((h) => names.includes(key(h)));
    if (found.length === 1) columns[field] = found[0];
  }
  return columns.conversation && columns.role && columns.text ? columns : undefined;
}

function guessedOrThrow(header: readonly string[]): CsvColumns {
  const guessed = guessCsvColumns(header);
  if (!guessed)
    throw new Error(
      `its header (${header.join(', ')}) does not say which columns hold the conversation, the role and the text; give --csv-columns conversation=…,role=…,text=… to audit it`,
    );
  return guessed;
}

function checkHeader(names: readonly string[], columns: CsvColumns): void {
  const missing = Object.values(columns).filter((c) => !names.includes(c!));
  if (missing.length)
    throw new Error(`column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not in the header (${names.join(', ')})`);
}

/**
 * Conversations from a CSV input, one at a time, in file order, with notices for what is
 * skipped; a read error or a header without the mapped columns ends them with that error.
 */
export async function* readCsv(readAt: ReadAt, given: CsvColumns | undefined, dialect: CsvDialect = {}): AsyncGenerator<CsvRecord> {
  const { parse } = load('csv-parse') as { parse: Parse };
  const delimiter = dialect.delimiter ?? detectDelimiter(await headerLine(readAt));
  let header: string[] | undefined;
  let headerChecked = false;
  // Without --csv-columns, the header's names say which column is which (guessCsvColumns).
  let columns: CsvColumns = given ?? {};
  const checkOnce = () => {
    if (header && !headerChecked) {
      if (given) checkHeader(header, given);
      columns = given ?? guessedOrThrow(header);
    }
    headerChecked = Boolean(header);
  };
  let current: { conversation: Conversation; line: number; bytes: number } | undefined;
  // A conversation over the limit: its further rows are passed over.
  let passedOver: { id: string | undefined } | undefined;
  // Each pass parses from `start` (on line `line`) to the end of the input or to a record it cannot get past.
  for (let start = 0, line = 1; ; ) {
    let lostAt: CsvError | undefined;
    const skipped: { line: number; message: string }[] = [];
    const input = streamFrom(readAt, start);
    const parser = parse({
      // A later pass starts mid-file: it is given the header's names.
      columns: header ?? ((names: string[]) => (header = names)),
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      // A stray quote is text, as a spreadsheet reads it, not the end of the file.
      relax_quotes: true,
      info: true,
      max_record_size: MAX_LINE_BYTES,
      skip_records_with_error: true,
      on_skip: (err: CsvError) => {
        if (!(err.code && Object.hasOwn(LOST_THE_THREAD, err.code))) skipped.push({ line: line - 1 + (err.lines ?? 1), message: skipMessage(err, header) });
        else if (!lostAt) {
          lostAt = err;
          // Nothing more can come of this pass: the records parsed before it are read, then it ends.
          input.unpipe(parser as NodeJS.WritableStream);
          input.destroy();
          parser.end();
        }
      },
    });
    input.on('error', (err) => parser.destroy(err));
    input.pipe(parser as NodeJS.WritableStream);
    // The end of the last record read: where a broken record begins.
    let end = start;
    let endLine = line;
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      for (const notice of skipped.splice(0)) yield { notice };
      checkOnce();
      const { record, info } = row;
      const rowBytes = start + info.bytes - end;
      end = start + info.bytes;
      const rowLine = endLine;
      endLine = line + info.lines;
      const id = record[columns.conversation!];
      if (passedOver && passedOver.id === id) continue;
      passedOver = undefined;
      const text = record[columns.text!];
      if (!text?.trim()) {
        yield { notice: { line: line - 1 + info.lines, message: 'message without text; skipped' } };
        continue;
      }
      if (!current || id !== current.conversation.id) {
        if (current) yield { conversation: current.conversation, line: current.line };
        current = { conversation: { id, messages: [] }, line: rowLine, bytes: 0 };
        if (columns.customer) current.conversation.customer = { name: record[columns.customer] };
        if (columns.channel) current.conversation.channel = record[columns.channel];
        if (columns.language) current.conversation.language = record[columns.language];
      }
      current.bytes += rowBytes;
      if (current.bytes > MAX_LINE_BYTES) {
        yield { notice: { line: current.line, message: `conversation ${id} has over ${MB} MB of rows, more than a conversation may be; skipped` } };
        passedOver = { id };
        current = undefined;
        continue;
      }
      const role = (record[columns.role!] ?? '').trim().toLowerCase();
      current.conversation.messages.push({
        role: (dialect.roles?.get(role) ?? role) as 'agent',
        text: cleanBody(text, looksLikeHtml(text)),
        author: columns.author ? record[columns.author] || undefined : undefined,
        time: columns.time ? record[columns.time] || undefined : undefined,
      });
    }
    for (const notice of skipped.splice(0)) yield { notice };
    checkOnce();
    if (!lostAt) break;
    // Broken right after the header (a line of names, whose end csv-parse does not tell): it starts on line 2.
    if (start === 0 && end === 0 && header) [end, endLine] = [(await nextLineStart(readAt, 0)) ?? 0, 2];
    const next = await nextLineStart(readAt, end);
    yield {
      notice: {
        line: endLine,
        message: `${LOST_THE_THREAD[lostAt.code!]}; ${next === undefined ? 'it is skipped' : 'its first line is skipped, and the rest is read from the next line'}`,
      },
    };
    if (next === undefined) break;
    [start, line] = [next, endLine + 1];
  }
  if (current) yield { conversation: current.conversation, line: current.line };
}
