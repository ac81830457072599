// The conversation format (conversation-format.md): every agent message becomes a
// Reply with the conversation as its context.
import { defaultContext, type Reply, type ReplyContext } from '../types.js';
import { asChannel, asLanguage, asName } from './context-fields.js';
import { HistoryPrefix } from './history.js';
import type { Notice } from './notice.js';

const CUSTOMER_ROLES = new Set(['customer', 'end-user', 'user', 'enduser', 'requester', 'contact']);
const AGENT_ROLES = new Set(['agent', 'admin', 'operator', 'support']);
const SKIPPED_ROLES = new Set(['note', 'bot', 'system', 'internal']);

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

/**
 * A conversation's id, as reports show it: a string, or a number written as one. Any
 * other value is no id (String() of an object calls its own "toString", which a JSON
 * object can set to anything, and a list's items would run together).
 */
export function conversationIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
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
    notices.push(where(`conversation "id" is ${kindOf(c.id)}, not a string or a number; its replies are reported ${lineId ? `under its line number, ${lineId}` : 'without an id'}`));
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

  const replies: Reply[] = [];
  // The conversation's history so far: each reply gets a view of it as it stands then.
  const customerMessages: string[] = [];
  const agentMessages: string[] = [];
  c.messages.forEach((m: unknown, index: number) => {
    const msg = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
    const role = typeof msg.role === 'string' ? msg.role.toLowerCase() : undefined;
    if (typeof msg.text !== 'string') {
      notices.push(where(`conversation ${id ?? ''} message ${index}: no "text" string; message skipped`.replace('  ', ' ')));
      return;
    }
    if (role && CUSTOMER_ROLES.has(role)) {
      customerMessages.push(msg.text);
    } else if (role && AGENT_ROLES.has(role)) {
      replies.push({
        text: msg.text,
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
      agentMessages.push(msg.text);
    } else if (!role || !SKIPPED_ROLES.has(role)) {
      notices.push(where(`conversation ${id ?? ''} message ${index}: unknown role ${JSON.stringify(msg.role)}; use "customer" or "agent"; message skipped`.replace('  ', ' ')));
    }
  });
  return { replies, notices };
}
