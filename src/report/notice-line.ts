// A notice (input passed over) as one line on stderr. Its file name and message (which
// may quote a conversation id) are strangers' text: terminalText keeps the line one line,
// with no control sequence and no CI workflow command in it.
import type { Notice } from '../input/notice.js';
import { terminalText } from './escape.js';

export function noticeLine(n: Notice): string {
  return `replylint: ${terminalText(n.source)}${n.line ? `:${n.line}` : ''}: ${terminalText(n.message)}\n`;
}
