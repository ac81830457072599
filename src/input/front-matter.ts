// YAML front matter at the top of a .txt/.md reply: its context (language, channel,
// customer, agent, template). The yaml parser is loaded only when a file has some.
import type { ReplyContext } from '../types.js';
import { didYouMean } from '../config/validate.js';
import { asChannel, asLanguage, asName } from './context-fields.js';

/** The keys front matter may give (camelCase or kebab-case where it has two words). */
const KEYS = [
  'language',
  'lang',
  'channel',
  'customer',
  'customerName',
  'customer-name',
  'agent',
  'agentName',
  'agent-name',
  'template',
  'customerMessage',
  'customer-message',
  'firstReply',
];

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface FrontMatter {
  context: Partial<ReplyContext>;
  /** Characters and lines the front matter takes before the reply begins. */
  length: number;
  lines: number;
  /** Values it gives that mean nothing here (a language or channel replylint does not know): ignored, and said. */
  ignored: string[];
}

/** Front matter that is not YAML: what is wrong, and the file's line it is on. */
export interface FrontMatterError {
  error: string;
  line: number;
}

/** A value as a message quotes it: JSON, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export async function readFrontMatter(text: string): Promise<FrontMatter | FrontMatterError | undefined> {
  const m = FENCE.exec(text);
  if (!m) return undefined;
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(m[1], { maxAliasCount: 100 });
  } catch (err) {
    // The parser counts lines from the first line after "---"; its own "at line …" would mislead.
    const at = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const what = (err as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: `invalid front matter: ${what}${at ? ` (column ${at.col})` : ''}`, line: at ? at.line + 1 : 1 };
  }
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const context: Partial<ReplyContext> = {};
  const ignored: string[] = [];
  const givenLanguage = d.language ?? d.lang;
  const language = asLanguage(givenLanguage);
  if (language) context.language = language;
  else if (givenLanguage !== undefined) ignored.push(`language ${shown(givenLanguage)} is not en, cs or sk; the reply's own is detected`);
  const channel = asChannel(d.channel);
  if (channel) context.channel = channel;
  else if (d.channel !== undefined) ignored.push(`channel ${shown(d.channel)} is not email, chat or social; the default applies`);
  const customer = asName(d.customer ?? d.customerName ?? d['customer-name']);
  if (customer) context.customerName = customer;
  const agent = asName(d.agent ?? d.agentName ?? d['agent-name']);
  if (agent) context.agentName = agent;
  if (typeof d.template === 'boolean') context.template = d.template;
  const customerMessage = d.customerMessage ?? d['customer-message'];
  if (typeof customerMessage === 'string') context.customerMessages = [customerMessage];
  if (typeof d.firstReply === 'boolean') context.firstReply = d.firstReply;
  // Other keys are other tools' (a site's "title", "tags"): only one a letter or two from
  // ours is a slip to point out ("chanel").
  for (const key of Object.keys(d)) {
    if (KEYS.includes(key)) continue;
    const guess = didYouMean(key, KEYS).trim();
    if (guess) ignored.push(`unknown key ${shown(key)} is not read; ${guess}`);
  }
  return { context, length: m[0].length, lines: m[0].split('\n').length - 1, ignored };
}
