// Zendesk: tickets with their comments (Ticket Comments API), users side-loaded or
// exported beside them; the Comments API's own response for one ticket
// (`GET /api/v2/tickets/{id}/comments.json?include=users`: {comments, users, next_page});
// and the incremental ticket export's lines, a ticket a line with its comments embedded. A comment's author is an agent when the user's role is "agent"
// or "admin", the customer when "end-user"; `public: false` comments are internal notes.
import { cleanBody } from './clean.js';
import { isObject, str, time, type Conversation, type ConversationMessage, type Importer, type Json } from './types.js';

// Ids are matched as str() reads them (a string or a number): String() of an object id
// calls the object's own "toString", which an export can set to anything.
function users(value: Json): Map<string, Json> {
  const list = (Array.isArray(value.users) ? value.users : []) as unknown[];
  return new Map(list.filter(isObject).flatMap((u) => (str(u.id) !== undefined ? [[str(u.id)!, u]] : [])));
}

const person = (people: Map<string, Json>, id: unknown) => (str(id) !== undefined ? people.get(str(id)!) : undefined);

function ticketConversation(ticket: Json, people: Map<string, Json>): Conversation {
  const comments = (Array.isArray(ticket.comments) ? ticket.comments : []) as Json[];
  const requesterId = str(ticket.requester_id);
  const requester = person(people, requesterId);
  const messages: ConversationMessage[] = comments.map((c) => {
    const author = person(people, c.author_id);
    const role =
      author?.role === 'end-user' || (requesterId !== undefined && str(c.author_id) === requesterId)
        ? 'customer'
        : author?.role === 'agent' || author?.role === 'admin'
          ? 'agent'
          : author
            ? 'bot'
            : 'agent';
    const html = str(c.html_body);
    const body = html ?? str(c.plain_body) ?? str(c.body) ?? '';
    return {
      role: c.public === false ? 'note' : role,
      text: cleanBody(body, html !== undefined),
      html,
      author: str(author?.name),
      time: time(c.created_at),
    };
  });
  return {
    id: str(ticket.id),
    customer: { name: str(requester?.name) },
    agent: { name: str(person(people, ticket.assignee_id)?.name) },
    messages,
  };
}

/** The Comments API's response for one ticket: its comments, with no ticket around them. */
const isCommentsResponse = (v: Json) => Array.isArray(v.comments) && (Array.isArray(v.users) || 'next_page' in v || 'count' in v);
/** A line of the incremental ticket export: a ticket with its comments embedded. */
const isTicketWithComments = (v: Json) => Array.isArray(v.comments) && ('requester_id' in v || 'subject' in v || 'status' in v);

export const zendesk: Importer = {
  name: 'zendesk',
  expects: '{tickets, users} or {ticket, users}, a Comments API response {comments, users, next_page}, or a ticket with "comments" (incremental export)',
  recognises: (v) =>
    isObject(v) &&
    (((Array.isArray(v.tickets) || isObject(v.ticket)) && (Array.isArray(v.users) || hasComments(v))) || isCommentsResponse(v) || isTicketWithComments(v)),
  convert(value) {
    const v = value as Json;
    const people = users(v);
    if (!Array.isArray(v.tickets) && !isObject(v.ticket)) {
      // One ticket's comments (the API response carries no ticket id), or a ticket itself.
      return [ticketConversation(isTicketWithComments(v) ? v : { comments: v.comments }, people)];
    }
    const tickets = (Array.isArray(v.tickets) ? v.tickets : [v.ticket]) as Json[];
    return tickets.filter(isObject).map((t) => ticketConversation(t, people));
  },
};

function hasComments(v: Json): boolean {
  const tickets = (Array.isArray(v.tickets) ? v.tickets : [v.ticket]) as unknown[];
  return tickets.some((t) => isObject(t) && Array.isArray(t.comments));
}
