// The conversation format (conversation-format.md) as importers produce it.
export interface ConversationMessage {
  role: 'customer' | 'agent' | 'note' | 'bot';
  text: string;
  author?: string;
  /** ISO 8601, when the export has it: audits chart scores over time. */
  time?: string;
  /** The HTML body the text came from (markup clutter is checked on it). */
  html?: string;
}

export interface Conversation {
  id?: string;
  channel?: string;
  language?: string;
  template?: boolean;
  customer?: { name?: string };
  agent?: { name?: string };
  messages: ConversationMessage[];
  /** What the importer left out of the export, said as a notice (e.g. "2 threads of type lineitem"). */
  skipped?: string;
}

/** An importer turns one record of a helpdesk export into conversations. */
export interface Importer {
  name: string;
  /** The shapes it reads, said when --from names it for a value of another shape. */
  expects: string;
  /** Whether a parsed JSON value has this helpdesk's shape. */
  recognises(value: unknown): boolean;
  /** The conversations in it; problems are thrown as Error with a message for the user. */
  convert(value: unknown): Conversation[];
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export const time = (v: unknown): string | undefined => {
  if (typeof v !== 'number') return typeof v === 'string' ? v : undefined;
  const date = new Date(v < 1e12 ? v * 1000 : v); // Intercom: Unix seconds
  // toISOString throws for a time out of Date's range (±8.64e15 ms): such a time is none.
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
