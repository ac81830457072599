// Message bodies as the customer saw them: HTML turned into text by html-to-text (loaded
// on first use), quoted history and appended signatures cut off.
import { createRequire } from 'node:module';
import { historyStart } from '../../document/quoted.js';

type Convert = (html: string, options?: object) => string;
let convert: Convert | undefined;

const OPTIONS = {
  wordwrap: false,
  // html-to-text walks the tree recursively: 100,000 nested <div>s overflowed the stack
  // and ended the run. Deeper than this (real mail nests a few dozen), text becomes "...".
  limits: { maxDepth: 256 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Quoted history the mail client or helpdesk kept below the reply.
    { selector: 'blockquote', format: 'skip' },
    { selector: '.gmail_quote', format: 'skip' },
    { selector: '.yahoo_quoted', format: 'skip' },
    { selector: '#appendonsend', format: 'skip' },
    { selector: '.zd-comment-quoted', format: 'skip' },
    { selector: '.intercom-quoted', format: 'skip' },
  ],
};

// Elements htmlparser2 never holds open.
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Deeper than any mail nests; the parser's cost per tag grows with the depth. */
const MAX_NESTING = 1000;
const TAG = /<(\/?)([a-z][^\s/<>]*)(?:[\s/][^<>]*)?>/gi;

/**
 * Whether htmlparser2 could hold more than `limit` elements open at once in `html`: an
 * upper bound (every start tag but a void one opens, an end tag closes one of its name),
 * read in one pass.
 */
function nestsDeeperThan(html: string, limit: number): boolean {
  const open = new Map<string, number>();
  let depth = 0;
  for (const [, end, tagName] of html.matchAll(TAG)) {
    const name = tagName.toLowerCase();
    const count = open.get(name) ?? 0;
    if (end) {
      if (count > 0) {
        open.set(name, count - 1);
        depth--;
      }
    } else if (!VOID_ELEMENTS.has(name)) {
      open.set(name, count + 1);
      if (++depth > limit) return true;
    }
  }
  return false;
}

export function htmlToText(html: string): string {
  convert ??= (createRequire(import.meta.url)('html-to-text') as { convert: Convert }).convert;
  // htmlparser2 keeps the open elements in an array it unshifts and shifts, so its time
  // grows with the square of the nesting: 200,000 nested <div>s took 13 s, the 5 MB a
  // reply may be minutes. HTML nested deeper than any mail is read with its tags dropped.
  return convert(nestsDeeperThan(html, MAX_NESTING) ? html.replace(/<[^<>]*>/g, ' ') : html, OPTIONS);
}

// "-- " on a line of its own opens a signature (RFC 3676); mobile mail adds its own.
const SIGNATURE = /^(?:-- ?|Sent from my \w+.*|Odesláno z (?:mého )?\w+.*|Odoslané z (?:môjho )?\w+.*|Get Outlook for \w+.*)$/m;

/** A body ready to lint: text, without the quoted history and appended signature. */
export function cleanBody(body: string, isHtml: boolean): string {
  let text = isHtml ? htmlToText(body) : body;
  text = text.slice(0, historyStart(text));
  const signature = SIGNATURE.exec(text);
  if (signature) text = text.slice(0, signature.index);
  return text.trimEnd();
}

export const looksLikeHtml = (s: string): boolean => /<\/?(?:p|div|br|span|a|b|i|strong|em|ul|ol|li|table|font|blockquote|html|body)\b[^<>]*>/i.test(s);
