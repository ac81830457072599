// Reading replies from files and stdin: plain text (with optional front matter),
// conversation JSON, and JSONL streamed line by line.
import { closeSync, readSync, type BigIntStats } from 'node:fs';
import { extname } from 'node:path';
import { defaultContext, type Reply, type ReplyContext } from '../types.js';
import { readConversation } from './conversation.js';
import { memoryReadAt } from './importers/csv.js';
import { itemsOfCsv, itemsOfJsonl, itemsOfJsonText, type DataItem, type DataOptions } from './conversation-data.js';
import { parseYaml } from '../config/yaml-source.js';
import { readFrontMatter } from './front-matter.js';
import { htmlLines } from './html-lines.js';
import { htmlToText } from './importers/clean.js';
import { after, readAtMost, startsWithJsonLine, type ByteReader } from './jsonl.js';
import { isMacroExport, macroReplies } from './importers/macros.js';
import type { Notice } from './notice.js';
import { limitText, megabytes, openRegularFile, readUpTo } from '../files/regular-file.js';

/** Text replies larger than this are not customer replies; they are skipped. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** What a text file needs to be written back after --fix. */
export interface TextFileInfo {
  path: string;
  bom: boolean;
  /** The file's encoding when it is not UTF-8. */
  encoding?: 'utf-16le' | 'utf-16be';
  /** Everything before the reply text: front matter. */
  prefix: string;
  /** The file's status taken before it was read: --fix replaces only a file that is still so. */
  stats: BigIntStats;
}

/** A reply (with its conversation's line, where it has one), or a notice. */
/** `warnings`: what was said of the input and not used (the reply is linted all the same). */
export type InputItem = { reply: Reply; file?: TextFileInfo; line?: number; warnings?: Notice[] } | { notice: Notice };

const CONVERSATION_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

async function* textReply(
  text: string,
  source: string,
  defaults: Partial<ReplyContext>,
  file?: { path: string; stats: BigIntStats },
): AsyncGenerator<InputItem> {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const front = await readFrontMatter(body);
  if (front && 'error' in front) {
    yield { notice: { source, line: front.line, message: `${front.error}; front matter is YAML between two "---" lines: fix it or remove it; skipped` } };
    return;
  }
  const isHtml = /\.html?$/i.test(source);
  const content = front ? body.slice(front.length) : body;
  const reply: Reply = {
    // An HTML canned response is linted as the text a customer reads; markup and
    // directives are read from the source.
    text: isHtml ? htmlToText(content) : content,
    ...(isHtml ? { html: content, directiveSource: content, directives: 'lines' as const } : {}),
    ...(/\.(?:md|markdown)$/i.test(source) ? { directives: 'lines' as const } : {}),
    source,
    lineOffset: front?.lines ?? 0,
    context: defaultContext({ ...defaults, ...front?.context }),
  };
  if (isHtml) reply.sourceLines = htmlLines(content, reply.text);
  // --fix writes text files back; an HTML file's fixes apply to extracted text, so never.
  const warnings = front?.ignored.map((message): Notice => ({ source, line: 1, message: `front matter: ${message}` }));
  yield {
    reply,
    file: file && !isHtml ? { ...file, bom, prefix: front ? body.slice(0, front.length) : '' } : undefined,
    ...(warnings?.length ? { warnings } : {}),
  };
}

/** Replies of a macros export: each macro's comment, a template. */
function* fromMacros(value: unknown, source: string, defaults: Partial<ReplyContext>): Generator<InputItem> {
  for (const macro of macroReplies(value)) {
    yield {
      reply: {
        text: macro.text,
        html: macro.html,
        source,
        conversationId: macro.id,
        messageIndex: macro.index,
        context: defaultContext({ ...defaults, template: defaults.template ?? true }),
      },
    };
  }
}

/** The replies of conversation data (input/conversation-data.ts): each conversation's agent replies, each macro. */
async function* repliesOf(items: Iterable<DataItem> | AsyncIterable<DataItem>, defaults: Partial<ReplyContext>): AsyncGenerator<InputItem> {
  for await (const item of items) {
    if ('notice' in item) yield item;
    else if ('macros' in item) yield* fromMacros(item.macros, item.source, defaults);
    else {
      const { replies, notices } = readConversation(item.conversation, item.source, item.line, defaults);
      for (const notice of notices) yield { notice };
      for (const reply of replies) yield { reply, line: item.line };
    }
  }
}

// A JSON file that is no JSON may be a reply that merely looks like it.
const NOT_JSON_HINT = '; fix the file or name it .txt to lint it as text';

/** Bytes as a reader reads them, for what needs the very bytes that were linted (the cache's hash). */
export type OnBytes = (bytes: Uint8Array) => void;

/** Reads an open file from where it stands (its start), handing each read's bytes on. */
const fileReader =
  (fd: number, onBytes?: OnBytes): ByteReader =>
  (buffer, offset, length) => {
    const n = readSync(fd, buffer, offset, length, null);
    onBytes?.(buffer.subarray(offset, offset + n));
    return n;
  };

/** Read one file: conversations by extension, otherwise a text reply. `onBytes` is handed every byte of the file that is read as content. */
export async function* readFile(path: string, defaults: Partial<ReplyContext>, onBytes?: OnBytes, data: DataOptions = {}): AsyncGenerator<InputItem> {
  const opened = openRegularFile(path);
  if ('problem' in opened) {
    const { problem } = opened;
    // A missing file is "no such file" as it was: the CLI tells it apart (a usage error).
    const message =
      problem === 'is a directory'
        ? 'is a directory; name the files in it or a glob such as "dir/**/*.txt"'
        : problem.startsWith('no such file')
          ? problem
          : `${problem}; skipped`;
    yield { notice: { source: path, message } };
    return;
  }
  // Everything is read through the descriptor checked to be a regular file, never by the name again.
  try {
    yield* readOpenedFile(opened.fd, opened.size, opened.stats, path, defaults, onBytes, data);
  } finally {
    closeSync(opened.fd);
  }
}

async function* readOpenedFile(
  fd: number,
  size: number,
  stats: BigIntStats,
  path: string,
  defaults: Partial<ReplyContext>,
  onBytes: OnBytes | undefined,
  data: DataOptions,
): AsyncGenerator<InputItem> {
  const ext = extname(path).toLowerCase();
  const head = Buffer.alloc(Math.min(size, 8000));
  readSync(fd, head, 0, head.length, 0);
  // UTF-16 (with its byte-order mark) is text with NUL bytes: read it, and write it back as it was.
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && looksBinary(head)) {
    yield { notice: { source: path, message: 'looks like a binary file (it holds NUL bytes); skipped' } };
    return;
  }
  if (size === 0) {
    yield { notice: { source: path, message: 'is empty; nothing to lint' } };
    return;
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    yield* repliesOf(itemsOfJsonl(fileReader(fd, onBytes), path, data), defaults);
    return;
  }
  if (ext === '.csv') {
    // An export, read as audit reads it (columns from the header's names); a big one is audit's job.
    if (size > MAX_TEXT_BYTES) {
      yield {
        notice: {
          source: path,
          message: `is a ${megabytes(size)} CSV export; audit it with "replylint audit ${path}" (lint reads CSV up to ${limitText(MAX_TEXT_BYTES)}); skipped`,
        },
      };
      return;
    }
    const bytes = readUpTo(fd, MAX_TEXT_BYTES);
    onBytes?.(bytes);
    yield* repliesOf(itemsOfCsv(memoryReadAt(bytes), path, data), defaults);
    return;
  }
  if (size > MAX_TEXT_BYTES) {
    yield { notice: { source: path, message: `is ${megabytes(size)}, too large for a reply (limit ${limitText(MAX_TEXT_BYTES)}); skipped` } };
    return;
  }
  let text: string;
  try {
    const bytes = readUpTo(fd, MAX_TEXT_BYTES);
    onBytes?.(bytes);
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    yield { notice: { source: path, message: `is not valid ${utf16 ? 'UTF-16' : 'UTF-8'}; save it as UTF-8 and run again; skipped` } };
    return;
  }
  if (utf16) {
    for await (const item of textReply(text, path, defaults, { path, stats }))
      yield 'reply' in item && item.file ? { ...item, file: { ...item.file, encoding: utf16 } } : item;
    return;
  }
  if (CONVERSATION_EXTENSIONS.has(ext)) yield* repliesOf(itemsOfJsonText(text, path, data, NOT_JSON_HINT), defaults);
  else if (ext === '.yaml' || ext === '.yml') yield* macrosFromYaml(text, path, defaults);
  else yield* textReply(text, path, defaults, { path, stats });
}

/** A YAML file of macros (the same shape as a Zendesk macros export). */
async function* macrosFromYaml(text: string, source: string, defaults: Partial<ReplyContext>): AsyncGenerator<InputItem> {
  // yaml-source loads the YAML parser itself on first use.
  let value: unknown;
  try {
    value = parseYaml(text, source).value;
  } catch (err) {
    yield { notice: { source, message: (err as Error).message } };
    return;
  }
  if (!isMacroExport(value)) {
    yield { notice: { source, message: 'not a macros file: expected "macros:" with "actions" holding a comment_value' } };
    return;
  }
  yield* fromMacros(value, source, defaults);
}

/**
 * Stdin. Up to MAX_TEXT_BYTES it is read whole: conversations when it is JSON or JSONL,
 * else one text reply (readStdinWhole). Beyond that it can only be conversations a
 * line each: they are read as a .jsonl file is, line by line at flat memory, each line up
 * to MAX_LINE_BYTES. Anything else that long is refused without reading the rest
 * (`< /dev/zero` ends at once).
 */
export async function* readStdin(read: ByteReader, source: string, defaults: Partial<ReplyContext>, data: DataOptions = {}): AsyncGenerator<InputItem> {
  const head = await readAtMost(read, MAX_TEXT_BYTES + 1);
  if (head.length <= MAX_TEXT_BYTES) {
    yield* readStdinWhole(head, source, defaults, data);
    return;
  }
  if (startsWithJsonLine(head.toString('utf8'))) {
    yield* repliesOf(itemsOfJsonl(after(head, read), source, data), defaults);
    return;
  }
  yield {
    notice: {
      source,
      message: `is over ${limitText(MAX_TEXT_BYTES)}, too large for a reply; give conversations as JSONL (one a line) or name the file; skipped`,
    },
  };
}

/**
 * What stdin named by --stdin-filename holds: a conversation file (.json, .jsonl), text
 * (any other extension: a draft that opens with "[Draft]" or "{{first_name}}" is still a
 * reply), or unknown (no name, or a name without an extension): then it is sniffed.
 */
function stdinKind(source: string): 'conversation' | 'text' | 'sniff' {
  if (source === '<stdin>') return 'sniff';
  const ext = extname(source).toLowerCase();
  return CONVERSATION_EXTENSIONS.has(ext) ? 'conversation' : ext ? 'text' : 'sniff';
}

/** JSONL rather than one JSON value: by the name, or by more than one line, each an object, that is not JSON whole. */
function isJsonl(text: string, source: string): boolean {
  const ext = extname(source).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return true;
  if (ext === '.json') return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * Stdin read whole: conversations when it is JSON or JSONL (by --stdin-filename's
 * extension, or by its opening {" or [{), else one text reply: a draft that merely starts
 * with { or [ is linted, never skipped as "invalid JSON".
 */
async function* readStdinWhole(bytes: Buffer, source: string, defaults: Partial<ReplyContext>, data: DataOptions): AsyncGenerator<InputItem> {
  const text = bytes.toString('utf8');
  const trimmed = text.trimStart();
  // As with an empty file: nothing was given, so nothing is scored.
  if (!trimmed) {
    yield { notice: { source, message: 'is empty; nothing to lint' } };
    return;
  }
  // JSON the writer meant as JSON opens with {" or [{ (or is empty); "{{first_name}}" and
  // "[Draft]" open a reply.
  const kind = stdinKind(source);
  if (kind === 'conversation' || (kind === 'sniff' && /^(?:\{\s*["}]|\[\s*[[{"\]])/.test(trimmed))) {
    if (isJsonl(trimmed, source))
      yield* repliesOf(
        itemsOfJsonl(
          after(bytes, () => 0),
          source,
          data,
        ),
        defaults,
      );
    else yield* repliesOf(itemsOfJsonText(trimmed, source, data, NOT_JSON_HINT), defaults); // invalid JSON: a notice naming the place
    return;
  }
  yield* textReply(text, source, defaults);
}
