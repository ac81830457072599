// CSV exports with a column mapping: --csv-columns conversation=…,role=…,text=…,author=…,time=…
// Rows of one conversation follow each other (sort the export by conversation first).
// Parsed by csv-parse, streaming, so a file of any size is read at flat memory.
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { cleanBody, looksLikeHtml } from './clean.js';
import type { Conversation } from './types.js';

export const CSV_FIELDS = ['conversation', 'role', 'text', 'author', 'time', 'customer', 'channel', 'language'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvColumns = Partial<Record<CsvField, string>>;

/** Parse "conversation=ticket,role=sender,text=body" (throws with the reason). */
export function parseCsvColumns(spec: string): CsvColumns {
  const columns: CsvColumns = {};
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [field, column] = pair.split('=').map((s) => s?.trim());
    if (!CSV_FIELDS.includes(field as CsvField) || !column) throw new Error(`"${pair}" is not field=column; fields: ${CSV_FIELDS.join(', ')}`);
    columns[field as CsvField] = column;
  }
  for (const required of ['conversation', 'role', 'text'] as const) {
    if (!columns[required]) throw new Error(`--csv-columns needs ${required}=<column>`);
  }
  return columns;
}

export interface CsvRecord {
  conversation?: Conversation;
  notice?: { line: number; message: string };
}

type Parse = (options: object) => NodeJS.ReadWriteStream & AsyncIterable<Record<string, string>> & { info?: { lines: number } };

/** Conversations from a CSV file's bytes, one at a time, in file order; a read error ends them with that error. */
export async function* readCsv(input: Readable, columns: CsvColumns): AsyncGenerator<CsvRecord> {
  const { parse } = createRequire(import.meta.url)('csv-parse') as { parse: Parse };
  const parser = input.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  input.on('error', (err) => parser.emit('error', err));
  let current: Conversation | undefined;
  let currentId: string | undefined;
  let checkedHeader = false;
  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const { record, info } = row;
    if (!checkedHeader) {
      checkedHeader = true;
      // Own keys only: a column named "toString" is not in every header.
      const missing = Object.values(columns).filter((c) => !Object.hasOwn(record, c!));
      if (missing.length) throw new Error(`column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not in the header (${Object.keys(record).join(', ')})`);
    }
    const id = record[columns.conversation!];
    const text = record[columns.text!];
    if (!text?.trim()) {
      yield { notice: { line: info.lines, message: 'message without text; skipped' } };
      continue;
    }
    if (id !== currentId) {
      if (current) yield { conversation: current };
      currentId = id;
      current = { id, messages: [] };
      if (columns.customer) current.customer = { name: record[columns.customer] };
      if (columns.channel) current.channel = record[columns.channel];
      if (columns.language) current.language = record[columns.language];
    }
    current!.messages.push({
      role: (record[columns.role!] ?? '').toLowerCase() as 'agent',
      text: cleanBody(text, looksLikeHtml(text)),
      author: columns.author ? record[columns.author] || undefined : undefined,
      time: columns.time ? record[columns.time] || undefined : undefined,
    });
  }
  if (current) yield { conversation: current };
}
