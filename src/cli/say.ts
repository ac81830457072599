// replylint's own lines on standard error. Everything printed there may quote a
// stranger's text (a config key, a file name, an argument): it goes through terminalText,
// as the notices do, so that it cannot recolour the terminal or start a CI workflow command.
import { type ConfigError, formatConfigError } from '../config/errors.js';
import { terminalText } from '../report/escape.js';

/** One line on stderr, said by replylint. */
export function say(text: string): void {
  process.stderr.write(`replylint: ${terminalText(text)}\n`);
}

/** A configuration error's file, message and hint each made inert; the line break before the hint is ours. */
export function inertConfigError(e: ConfigError): string {
  return formatConfigError({
    message: terminalText(e.message),
    where: e.where && { ...e.where, file: terminalText(e.where.file) },
    hint: e.hint === undefined ? undefined : terminalText(e.hint),
  });
}

/** Lines of ours that may quote an argument or a name (commander's usage errors, a stack trace), each made inert. */
export const inertLines = (text: string) => text.split('\n').map(terminalText).join('\n');
