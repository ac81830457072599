// Freshdesk: tickets with their conversations (View a Ticket, include=conversations).
// The ticket's description is the customer's first message; a conversation is the
// customer's when `incoming` is true, an internal note when `private` is true.
import { cleanBody } from './clean.js';
import { isObject, str, time, type Conversation, type ConversationMessage, type Importer, type Json } from './types.js';

function ticket(t: Json): Conversation {
  const requester = isObject(t.requester) ? t.requester : {};
  const first: ConversationMessage[] =
    (str(t.description_text) ?? str(t.description))
      ? [
          {
            role: 'customer',
            text: cleanBody(str(t.description_text) ?? str(t.description)!, t.description_text === undefined),
            author: str(requester.name),
            time: time(t.created_at),
          },
        ]
      : [];
  const replies = ((Array.isArray(t.conversations) ? t.conversations : []) as unknown[]).filter(isObject).map((c): ConversationMessage => {
    const text = str(c.body_text);
    return {
      role: c.private === true ? 'note' : c.incoming === true ? 'customer' : 'agent',
      text: cleanBody(text ?? str(c.body) ?? '', text === undefined),
      html: str(c.body),
      author: str(c.user_name) ?? (c.user_id !== undefined ? `user ${str(c.user_id)}` : undefined),
      time: time(c.created_at),
    };
  });
  return { id: str(t.id), customer: { name: str(requester.name) }, messages: [...first, ...replies] };
}

export const freshdesk: Importer = {
  name: 'freshdesk',
  expects: 'a ticket with "conversations" and "description_text" or "requester_id", or {tickets: [...]}',
  recognises: (v) =>
    isObject(v) &&
    (('conversations' in v && ('description_text' in v || 'requester_id' in v)) ||
      (Array.isArray(v.tickets) && v.tickets.some((t) => isObject(t) && 'description_text' in t))),
  convert(value) {
    const v = value as Json;
    return ((Array.isArray(v.tickets) ? v.tickets : [v]) as unknown[]).filter(isObject).map(ticket);
  },
};
