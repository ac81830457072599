// Helpdesk exports recognised by their shape (or named with --from), mapped into the
// conversation format.
import { freshdesk } from './freshdesk.js';
import { helpscout } from './helpscout.js';
import { intercom } from './intercom.js';
import { isObject, type Conversation, type Importer } from './types.js';
import { zendesk } from './zendesk.js';

export type { Conversation } from './types.js';
export const IMPORTERS: readonly Importer[] = [zendesk, intercom, freshdesk, helpscout];
export const HELPDESKS = ['auto', 'replylint', 'zendesk', 'intercom', 'freshdesk', 'helpscout', 'csv'] as const;
export type Helpdesk = (typeof HELPDESKS)[number];

const isNative = (v: unknown) => isObject(v) && Array.isArray(v.messages);

/**
 * The conversations in one JSON value (a file's content, an array element or a JSONL
 * line). Throws an Error with a user-facing message when the shape is unknown.
 */
export function conversationsIn(value: unknown, from: Helpdesk = 'auto'): Conversation[] {
  if (from === 'replylint' || (from === 'auto' && isNative(value))) return [value as Conversation];
  const importer = from === 'auto' ? IMPORTERS.find((i) => i.recognises(value)) : IMPORTERS.find((i) => i.name === from);
  const keys = () => (isObject(value) ? Object.keys(value).slice(0, 8).join(', ') || 'none' : Array.isArray(value) ? 'an array' : typeof value);
  if (!importer) {
    // A conversation whose "messages" is no list: the conversation reader says what is wrong with it.
    if (isObject(value) && 'messages' in value) return [value as unknown as Conversation];
    const helpdesks = HELPDESKS.filter((s) => s !== 'auto' && s !== 'replylint' && s !== 'csv').join('|');
    throw new Error(
      isObject(value)
        ? `not a conversation nor an export replylint knows (keys: ${keys()}): a conversation needs "messages": [{"role": "agent", "text": "…"}]; for a helpdesk export, name the helpdesk with --from ${helpdesks}`
        : `not a conversation (${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}): a conversation is an object with "messages": [{"role": "agent", "text": "…"}]`,
    );
  }
  // Named with --from but of another shape: said, not read as no conversations.
  if (from !== 'auto' && !importer.recognises(value)) throw new Error(`not a ${from} export: expected ${importer.expects}; found ${keys()}`);
  return importer.convert(value);
}
