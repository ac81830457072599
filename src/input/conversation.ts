// The conversation format (conversation-format.md): every agent message becomes a
// Reply with the conversation as its context.
import { defaultContext, type Reply, type ReplyContext } from '../types.js';
import { asChannel, asLanguage, asName } from './context-fields.js';
import { HistoryPrefix } from '../history.js';
import { internalErrorNotice, type Notice } from './notice.js';

// "user" and "assistant" are the chat shape of LLM APIs (OpenAI, Anthropic): an agent
// drafting with a model hands its conversation over as it is.
const CUSTOMER_ROLES = new Set(['customer', 'end-user', 'user', 'enduser', 'requester', 'contact']);
const AGENT_ROLES = new Set(['agent', 'admin', 'operator', 'support', 'assistant']);
const SKIPPED_ROLES = new Set(['note', 'bot', 'system', 'internal', 'developer', 'tool', 'function']);

/**
 * A message's text: "text", or else the LLM chat shape's "content", a string or a list of
 * parts of which the {"type": "text", "text": …} ones are the message (images and tool
 * calls are no reply text). Undefined when there is none.
 */
function messageText(msg: Record<string, unknown>): string | undefined {
  if (typeof msg.text === 'string') return msg.text;
  const { content } = msg;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts: string[] = [];
  for (const part of content) {
    if (part !== null && typeof part === 'object' && (part as { type?: unknown }).type === 'text' && typeof (part as { text?: unknown }).text === 'string')
      parts.push((part as { text: string }).text);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

export interface ConversationReplies {
  replies: Reply[];
  notices: Notice[];
}

/** A value as a notice names it without quoting it: "an object", "a list", "null", "a number". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A role as a notice quotes it: a string (its start), or the kind of value it is. */
function shownRole(role: unknown): string {
  if (role === undefined) return 'none';
  if (typeof role !== 'string') return role !== null && typeof role === 'object' ? `(${kindOf(role)})` : String(role);
  return JSON.stringify(role.length > 40 ? `${role.slice(0, 40)}…` : role);
}

/** An object or a list reduced to an empty one of its kind: what a notice says of it is kept, its insides are not. */
const hollow = (value: unknown) => (Array.isArray(value) ? [] : value !== null && typeof value === 'object' ? {} : value);

/** A name field (a string or { name }) as repliesFromConversation reads it. */
const nameField = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? { name: hollow((value as { name?: unknown }).name) } : value;

/**
 * The parts of a conversation that repliesFromConversation reads, and nothing else, with
 * the same notices to give. A parsed export holds whatever was put in it: the audit hands
 * conversations to its worker threads by structured clone, whose recursion overflows the
 * stack on a value nested some thousands of levels deep (`"extra": [[[[…]]]]`).
 */
export function conversationFields(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return hollow(value);
  const c = value as Record<string, unknown>;
  const messages = Array.isArray(c.messages)
    ? c.messages.map((m: unknown) => {
        if (m === null || typeof m !== 'object' || Array.isArray(m)) return hollow(m);
        const msg = m as Record<string, unknown>;
        return {
          role: hollow(msg.role),
          text: messageText(msg) ?? hollow(msg.text),
          time: hollow(msg.time),
          html: hollow(msg.html),
          author: nameField(msg.author),
        };
      })
    : hollow(c.messages);
  return {
    id: hollow(c.id),
    language: hollow(c.language),
    channel: hollow(c.channel),
    customer: nameField(c.customer),
    agent: nameField(c.agent),
    template: hollow(c.template),
    skipped: hollow(c.skipped),
    messages,
  };
}

/**
 * A conversation's id, as reports show it: a string, or a number written as one. Any
 * other value is no id (String() of an object calls its own "toString", which a JSON
 * object can set to anything, and a list's items would run together).
 */
export function conversationIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** A conversation as a notice names it: by its id, or "this conversation". */
function conversationSubject(value: unknown): string {
  const id = value !== null && typeof value === 'object' ? conversationIdOf((value as { id?: unknown }).id) : undefined;
  return id !== undefined ? `conversation ${id}` : 'this conversation';
}

/**
 * The replies of one conversation among many: as repliesFromConversation, but a bug of
 * ours on this conversation is its notice (file and line), and the reader goes on.
 */
export function readConversation(value: unknown, source: string, line: number | undefined, defaults: Partial<ReplyContext>): ConversationReplies {
  try {
    return repliesFromConversation(value, source, line, defaults);
  } catch (err) {
    return { replies: [], notices: [internalErrorNotice(source, line, conversationSubject(value), err)] };
  }
}

/** The texts of a conversation's customer messages, in order (audit --vocabulary counts what customers write). */
export function customerTexts(value: unknown): string[] {
  const messages = value !== null && typeof value === 'object' ? (value as { messages?: unknown }).messages : undefined;
  if (!Array.isArray(messages)) return [];
  const out: string[] = [];
  for (const m of messages) {
    if (m === null || typeof m !== 'object') continue;
    const { role, text } = m as { role?: unknown; text?: unknown };
    if (typeof role === 'string' && CUSTOMER_ROLES.has(role.toLowerCase()) && typeof text === 'string') out.push(text);
  }
  return out;
}

/** Turn one parsed conversation object into replies; problems become notices. */
export function repliesFromConversation(value: unknown, source: string, line: number | undefined, defaults: Partial<ReplyContext>): ConversationReplies {
  const notices: Notice[] = [];
  const where = (message: string): Notice => ({ source, line, message });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { replies: [], notices: [where('not a conversation: expected a JSON object with "messages"')] };
  }
  const c = value as Record<string, unknown>;
  if (!Array.isArray(c.messages)) {
    return { replies: [], notices: [where('conversation has no "messages" list; add "messages": [{"role": "agent", "text": "…"}]')] };
  }
  const lineId = line !== undefined ? String(line) : undefined;
  const id = conversationIdOf(c.id) ?? lineId;
  if (c.id !== undefined && conversationIdOf(c.id) === undefined) {
    notices.push(
      where(
        `conversation "id" is ${kindOf(c.id)}, not a string or a number; its replies are reported ${lineId ? `under its line number, ${lineId}` : 'without an id'}`,
      ),
    );
  }
  const base: Partial<ReplyContext> = { ...defaults };
  const language = asLanguage(c.language);
  if (language) base.language = language;
  const channel = asChannel(c.channel);
  if (channel) base.channel = channel;
  const customerName = asName(c.customer);
  if (customerName) base.customerName = customerName;
  const agentName = asName(c.agent);
  if (agentName) base.agentName = agentName;
  if (typeof c.template === 'boolean') base.template = c.template;
  // What an importer left out of the export (threads that carry no message): counted, not lost silently.
  if (typeof c.skipped === 'string') notices.push(where(`conversation ${id ?? ''}: ${c.skipped} skipped (no customer or agent message)`.replace('  ', ' ')));

  const replies: Reply[] = [];
  // The conversation's history so far: each reply gets a view of it as it stands then.
  const customerMessages: string[] = [];
  const agentMessages: string[] = [];
  c.messages.forEach((m: unknown, index: number) => {
    const msg = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
    const role = typeof msg.role === 'string' ? msg.role.toLowerCase() : undefined;
    const text = messageText(msg);
    if (text === undefined) {
      if (role && SKIPPED_ROLES.has(role)) return; // a tool call or a system prompt without text
      notices.push(where(`conversation ${id ?? ''} message ${index}: no "text" (or "content") string; message skipped`.replace('  ', ' ')));
      return;
    }
    if (role && CUSTOMER_ROLES.has(role)) {
      customerMessages.push(text);
    } else if (role && AGENT_ROLES.has(role)) {
      replies.push({
        text,
        source,
        time: typeof msg.time === 'string' ? msg.time : undefined,
        html: typeof msg.html === 'string' ? msg.html : undefined,
        conversationId: id,
        messageIndex: index,
        context: defaultContext({
          ...base,
          agentName: asName(msg.author) ?? base.agentName,
          customerMessages: new HistoryPrefix(customerMessages),
          previousAgentMessages: new HistoryPrefix(agentMessages),
          firstReply: agentMessages.length === 0,
        }),
      });
      agentMessages.push(text);
    } else if (!role || !SKIPPED_ROLES.has(role)) {
      notices.push(
        where(`conversation ${id ?? ''} message ${index}: unknown role ${shownRole(msg.role)}; use "customer" or "agent"; message skipped`.replace('  ', ' ')),
      );
    }
  });
  return { replies, notices };
}
