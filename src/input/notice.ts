// Input that could not be linted is reported, counted and passed over; nothing else stops.
export interface Notice {
  source: string;
  line?: number;
  message: string;
}

/**
 * A bug of ours met on one piece of input (a conversation, a reply): said with where it
 * happened and that it is ours to fix, and the run goes on without that piece.
 */
export function internalErrorNotice(source: string, line: number | undefined, subject: string, err: unknown): Notice {
  const why = err instanceof Error ? err.message : 'something other than an Error was thrown';
  return { source, line, message: `internal error on ${subject} (${why}); please report it; skipped` };
}

/** A reply as a notice names it: by its conversation and message, or "this reply". */
export function replySubject(reply: { conversationId?: string; messageIndex?: number }): string {
  if (reply.conversationId === undefined) return 'this reply';
  return `conversation ${reply.conversationId}${reply.messageIndex !== undefined ? ` message ${reply.messageIndex}` : ''}`;
}
