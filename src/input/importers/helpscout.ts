// Help Scout: conversations with their threads (Mailbox API 2.0, embed=threads).
// Threads come newest first; type "customer" is the customer's, "message" or "reply"
// the agent's, "chat" either's (by its createdBy type: "customer" or "user"), "note" and
// "phone" (an agent's record of a call) internal; others (lineitem, forwardparent…)
// carry no message and are counted in a notice.
import { cleanBody } from './clean.js';
import { isObject, str, time, type Conversation, type ConversationMessage, type Importer, type Json } from './types.js';

const name = (p: unknown) => (isObject(p) ? [str(p.first), str(p.last)].filter(Boolean).join(' ') || str(p.email) : undefined);

function conversation(c: Json): Conversation {
  const embedded = isObject(c._embedded) ? c._embedded : {};
  const threads = ((Array.isArray(embedded.threads) ? embedded.threads : Array.isArray(c.threads) ? c.threads : []) as unknown[]).filter(isObject);
  const dropped = new Map<string, number>();
  const messages = threads
    .map((t): ConversationMessage | undefined => {
      const type = str(t.type);
      const role = threadRole(type, t.createdBy);
      const body = str(t.body);
      if (!role || body === undefined) {
        const label = `${type ?? 'untyped'}${role && body === undefined ? ' without a body' : ''}`;
        dropped.set(label, (dropped.get(label) ?? 0) + 1);
        return undefined;
      }
      return { role, text: cleanBody(body, true), html: body, author: name(t.createdBy), time: time(t.createdAt) };
    })
    .filter((m): m is ConversationMessage => m !== undefined);
  // The export lists threads newest first: put them in the order they were written.
  if (messages.every((m) => m.time)) messages.sort((a, b) => a.time!.localeCompare(b.time!));
  else messages.reverse();
  const skipped = dropped.size ? [...dropped].map(([label, n]) => `${n} ${label} thread${n === 1 ? '' : 's'}`).join(', ') : undefined;
  return { id: str(c.id) ?? str(c.number), customer: { name: name(c.primaryCustomer ?? c.customer) }, messages, ...(skipped ? { skipped } : {}) };
}

function threadRole(type: string | undefined, createdBy: unknown): ConversationMessage['role'] | undefined {
  switch (type) {
    case 'customer':
      return 'customer';
    case 'message':
    case 'reply':
      return 'agent';
    case 'chat': {
      const by = isObject(createdBy) ? str(createdBy.type) : undefined;
      return by === 'customer' ? 'customer' : 'agent';
    }
    case 'note':
    case 'phone':
      return 'note';
    default:
      return undefined;
  }
}

export const helpscout: Importer = {
  name: 'helpscout',
  expects: 'a conversation with "threads" and "mailboxId", or {_embedded: {conversations}} / {_embedded: {threads}}',
  recognises: (v) =>
    isObject(v) &&
    ((isObject(v._embedded) && (Array.isArray(v._embedded.threads) || Array.isArray(v._embedded.conversations))) || ('threads' in v && 'mailboxId' in v)),
  convert(value) {
    const v = value as Json;
    const embedded = isObject(v._embedded) ? v._embedded : {};
    const list = (Array.isArray(embedded.conversations) ? embedded.conversations : [v]) as unknown[];
    return list.filter(isObject).map(conversation);
  },
};
