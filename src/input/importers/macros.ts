// Canned responses kept as helpdesk macros: a Zendesk macros export ({"macros": [...]},
// or one macro), in JSON or YAML. A macro's reply is the `comment_value` (or
// `comment_value_html`) of its actions; macros are templates, placeholders expected.
import { cleanBody } from './clean.js';
import { isObject, str, type Json } from './types.js';

export interface MacroReply {
  id: string;
  index: number;
  text: string;
  html?: string;
}

const COMMENT_FIELDS = new Set(['comment_value', 'comment_value_html', 'comment']);

export function isMacroExport(value: unknown): boolean {
  return isObject(value) && (Array.isArray(value.macros) || (Array.isArray(value.actions) && ('title' in value || 'id' in value)));
}

export function macroReplies(value: unknown): MacroReply[] {
  const v = value as Json;
  const macros = (Array.isArray(v.macros) ? v.macros : [v]) as unknown[];
  return macros.filter(isObject).flatMap((macro) => {
    const id = str(macro.id) ?? str(macro.title) ?? '?';
    const actions = (Array.isArray(macro.actions) ? macro.actions : []) as unknown[];
    return actions.filter(isObject).flatMap((action, index): MacroReply[] => {
      if (!COMMENT_FIELDS.has(str(action.field) ?? '')) return [];
      // Zendesk keeps the comment as a string, or as [channel, text] pairs.
      const raw = Array.isArray(action.value) ? str(action.value[action.value.length - 1]) : str(action.value);
      if (!raw) return [];
      const html = action.field === 'comment_value_html' ? raw : undefined;
      return [{ id, index, text: cleanBody(raw, html !== undefined), html }];
    });
  });
}
