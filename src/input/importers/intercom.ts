// Intercom: conversations with their conversation_parts. The opening message is the
// conversation's `source`; a part's author.type is "admin" (agent), "user"/"lead"
// (customer) or "bot"; part_type "note" is internal. Bodies are HTML.
import { cleanBody } from './clean.js';
import { isObject, str, time, type Conversation, type ConversationMessage, type Importer, type Json } from './types.js';

// A Map: the author type comes from the export, and "constructor" is no role.
const ROLES = new Map<string, ConversationMessage['role']>([
  ['admin', 'agent'],
  ['user', 'customer'],
  ['lead', 'customer'],
  ['contact', 'customer'],
  ['bot', 'bot'],
]);

function message(part: Json, createdAt: unknown): ConversationMessage | undefined {
  const author = isObject(part.author) ? part.author : {};
  const body = str(part.body);
  if (body === undefined || body.trim() === '') return undefined; // assignments, state changes
  const role = part.part_type === 'note' ? 'note' : (ROLES.get(str(author.type) ?? '') ?? 'bot');
  return { role, text: cleanBody(body, true), html: body, author: str(author.name), time: time(part.created_at ?? createdAt) };
}

function conversation(c: Json): Conversation {
  const source = isObject(c.source) ? c.source : undefined;
  const partsHolder = c.conversation_parts;
  const parts = (
    isObject(partsHolder) && Array.isArray(partsHolder.conversation_parts) ? partsHolder.conversation_parts : Array.isArray(partsHolder) ? partsHolder : []
  ) as Json[];
  const messages = [source ? message(source, c.created_at) : undefined, ...parts.filter(isObject).map((p) => message(p, undefined))].filter(
    (m): m is ConversationMessage => m !== undefined,
  );
  const customer = messages.find((m) => m.role === 'customer')?.author;
  return { id: str(c.id), customer: { name: customer }, channel: 'chat', messages };
}

export const intercom: Importer = {
  name: 'intercom',
  expects: 'a conversation with "conversation_parts" (type "conversation"), or {conversations: [...]}',
  recognises: (v) =>
    isObject(v) &&
    (v.type === 'conversation' ||
      'conversation_parts' in v ||
      (Array.isArray(v.conversations) && v.conversations.some((c) => isObject(c) && 'conversation_parts' in c))),
  convert(value) {
    const v = value as Json;
    const list = (Array.isArray(v.conversations) ? v.conversations : [v]) as Json[];
    return list.filter(isObject).map(conversation);
  },
};
