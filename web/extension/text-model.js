// The text of a reply box as replylint reads it, and the way back from the text's offsets
// to the page: a textarea's value as it is; a rich editor's (contenteditable) text nodes
// in order, with a line break for <br> and between blocks. The editor's own DOM is never
// changed: violations are drawn with the CSS Custom Highlight API, or, for a textarea, on
// a layer of our own beneath it.
'use strict';

const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'TABLE', 'SECTION', 'ARTICLE']);

/** The editor's text and, for a rich editor, the text nodes it came from: { text, pieces: [{ start, node }] }. */
globalThis.replylintTextModel = function textModel(editor) {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return { text: editor.value, pieces: [] };
  let text = '';
  const pieces = [];
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      pieces.push({ start: text.length, node });
      text += node.data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.tagName === 'BR') {
      text += '\n';
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) newline();
    for (const child of node.childNodes) walk(child);
    if (block) newline();
  };
  walk(editor);
  return { text, pieces };
};

/** A DOM Range over [start, end) of a rich editor's text (textModel's offsets), or undefined where the text holds no node. */
globalThis.replylintRange = function range(model, start, end) {
  const at = (offset) => {
    let found;
    for (const piece of model.pieces) {
      if (piece.start > offset) break;
      if (offset <= piece.start + piece.node.data.length) found = { node: piece.node, offset: offset - piece.start };
    }
    return found;
  };
  const from = at(start);
  const to = at(end);
  if (!from || !to) return undefined;
  const r = document.createRange();
  r.setStart(from.node, from.offset);
  r.setEnd(to.node, to.offset);
  return r;
};

/** The text offset at a point in a rich editor (for hints on hover), or undefined. */
globalThis.replylintOffsetAt = function offsetAt(model, x, y) {
  const caret = document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y) : document.caretRangeFromPoint?.(x, y);
  if (!caret) return undefined;
  const node = caret.offsetNode ?? caret.startContainer;
  const offset = caret.offset ?? caret.startOffset;
  const piece = model.pieces.find((p) => p.node === node);
  return piece ? piece.start + offset : undefined;
};
