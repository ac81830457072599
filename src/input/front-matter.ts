// YAML front matter at the top of a .txt/.md reply: its context (language, channel,
// customer, agent, template). The yaml parser is loaded only when a file has some.
import { ConfigError } from '../config/errors.js';
import type { ReplyContext } from '../types.js';
import { asChannel, asLanguage, asName } from './context-fields.js';

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface FrontMatter {
  context: Partial<ReplyContext>;
  /** Characters and lines the front matter takes before the reply begins. */
  length: number;
  lines: number;
}

export async function readFrontMatter(text: string, file: string): Promise<FrontMatter | undefined> {
  const m = FENCE.exec(text);
  if (!m) return undefined;
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(m[1], { maxAliasCount: 100 });
  } catch (err) {
    const line = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new ConfigError(`invalid front matter: ${(err as Error).message.split('\n')[0]}`, { file, line: line ? line.line + 1 : 1, column: line?.col ?? 1 }, 'front matter is YAML between two "---" lines');
  }
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const context: Partial<ReplyContext> = {};
  const language = asLanguage(d.language ?? d.lang);
  if (language) context.language = language;
  const channel = asChannel(d.channel);
  if (channel) context.channel = channel;
  const customer = asName(d.customer ?? d.customerName ?? d['customer-name']);
  if (customer) context.customerName = customer;
  const agent = asName(d.agent ?? d.agentName ?? d['agent-name']);
  if (agent) context.agentName = agent;
  if (typeof d.template === 'boolean') context.template = d.template;
  const customerMessage = d.customerMessage ?? d['customer-message'];
  if (typeof customerMessage === 'string') context.customerMessages = [customerMessage];
  if (typeof d.firstReply === 'boolean') context.firstReply = d.firstReply;
  return { context, length: m[0].length, lines: m[0].split('\n').length - 1 };
}
