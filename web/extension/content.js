// replylint in the helpdesk's reply box: finds the editor the agent types in (sites.js, or
// any large text box), lints the draft as it is typed (debounced), draws each violation
// under its words without touching the editor's DOM, shows the score beside the box and
// on the toolbar badge, and explains a violation on hover. The customer's name comes from
// the page where the helpdesk shows it. Nothing is sent anywhere: the engine is
// replylint.js, beside this file; the team config is read from the extension's storage.
'use strict';

const site = (globalThis.REPLYLINT_SITES ?? []).find((s) => s.host.test(location.hostname));
const SEVERITIES = ['error', 'warning', 'suggestion'];
const DEBOUNCE_MS = 250;
let linter = replylint.createLinter();
const attached = new Map(); // editor → its state

/** The team config saved in the options page; a config that no longer loads leaves the recommended rules. */
function useConfig(text) {
  try {
    linter = replylint.createLinter(text?.trim() ? replylint.configFromText(text, 'replylint options') : undefined);
  } catch (err) {
    linter = replylint.createLinter();
    console.warn(`replylint: the team config in the options is not used: ${err.message}`);
  }
  for (const state of attached.values()) check(state);
}
globalThis.chrome?.storage?.local.get('config').then(({ config }) => useConfig(config), () => {});
globalThis.chrome?.storage?.onChanged.addListener((changes) => changes.config && useConfig(changes.config.newValue));

/** The customer's name as the page shows it, if a selector of the site finds it. */
function customerName() {
  for (const selector of site?.customer ?? []) {
    const el = document.querySelector(selector);
    const name = (el?.getAttribute('name') || el?.textContent || '').trim();
    if (name && name.length <= 100) return name;
  }
  return undefined;
}

/** The editor an element belongs to, if it is one to check: a site's reply box, or a large text box. */
function editorOf(target) {
  if (!(target instanceof Element)) return undefined;
  for (const selector of site?.editor ?? []) {
    const el = target.closest(selector);
    if (el) return el;
  }
  const el = target instanceof HTMLTextAreaElement ? target : target.closest('[contenteditable="true"], [contenteditable=""]');
  if (!el) return undefined;
  const box = el.getBoundingClientRect();
  return box.width >= 200 && box.height >= 40 ? el : undefined;
}

function attach(editor) {
  if (attached.has(editor)) return attached.get(editor);
  const badge = document.createElement('div');
  badge.className = 'replylint-badge';
  badge.setAttribute('role', 'status');
  const panel = document.createElement('div');
  panel.className = 'replylint-panel';
  panel.hidden = true;
  badge.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    place(state);
  });
  const tip = document.createElement('div');
  tip.className = 'replylint-tip';
  tip.hidden = true;
  document.body.append(badge, panel, tip);
  const state = { editor, badge, panel, tip, timer: 0, model: undefined, result: undefined, layer: undefined, ranges: [] };
  editor.addEventListener('input', () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => check(state), DEBOUNCE_MS);
  });
  editor.addEventListener('mousemove', (event) => hover(state, event));
  editor.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
  if (editor instanceof HTMLTextAreaElement) editor.addEventListener('scroll', () => place(state));
  attached.set(editor, state);
  return state;
}

function check(state) {
  const { editor } = state;
  if (!editor.isConnected) return detach(state);
  const model = replylintTextModel(editor);
  const name = customerName();
  const context = { channel: site?.name === 'Intercom' ? 'chat' : 'email', ...(name ? { customerName: name } : {}) };
  state.model = model;
  state.result = model.text.trim() ? replylint.lint(model.text, context, { linter }) : { score: 100, violations: [] };
  draw(state);
  const { score, violations } = state.result;
  state.badge.textContent = model.text.trim() ? `replylint ${score}` : 'replylint';
  state.badge.dataset.level = !violations.length ? 'clean' : violations.some((v) => v.severity === 'error') ? 'error' : 'warning';
  state.panel.replaceChildren(
    ...violations.map((v) => {
      const item = document.createElement('p');
      const rule = document.createElement('b');
      rule.textContent = v.rule;
      item.append(rule, ` ${v.message}`, ...(v.hint ? [document.createElement('br'), v.hint] : []));
      item.className = v.severity;
      return item;
    }),
  );
  place(state);
  globalThis.chrome?.runtime?.sendMessage({ replylint: 'score', score: model.text.trim() ? score : undefined }).catch?.(() => {});
}

function draw(state) {
  const { violations } = state.result;
  const spans = replylint.violationSpans(state.model.text, violations).map((s, i) => ({ ...s, v: violations[i] }));
  if (state.editor instanceof HTMLTextAreaElement) return drawLayer(state, spans);
  state.ranges = spans.map((s) => ({ ...s, range: replylintRange(state.model, s.start, s.end) })).filter((s) => s.range);
  // One highlight per level, over every editor of the page.
  if (!globalThis.CSS?.highlights) return;
  for (const [rank, severity] of SEVERITIES.entries()) {
    const ranges = [...attached.values()].flatMap((st) => st.ranges.filter((s) => s.v.severity === severity).map((s) => s.range));
    const highlight = new Highlight(...ranges);
    // Where a word and its line are both marked, the more severe is drawn.
    highlight.priority = SEVERITIES.length - rank;
    CSS.highlights.set(`replylint-${severity}`, highlight);
  }
}

/** A textarea's violations on a layer of ours laid over it, text transparent, only the underlines seen. */
function drawLayer(state, spans) {
  const { editor } = state;
  if (!state.layer) {
    state.layer = document.createElement('div');
    state.layer.className = 'replylint-layer';
    document.body.append(state.layer);
  }
  const style = getComputedStyle(editor);
  for (const p of ['font', 'lineHeight', 'letterSpacing', 'padding', 'borderWidth', 'borderStyle', 'boxSizing', 'textAlign', 'whiteSpace', 'wordSpacing', 'tabSize'])
    state.layer.style[p] = style[p];
  state.layer.style.borderColor = 'transparent';
  state.layer.replaceChildren();
  // Spans overlap (a line and a word in it): the text is cut where they do (markedPieces),
  // each piece underlined as the most severe violation over it.
  const text = state.model.text;
  for (const piece of replylint.markedPieces(text, state.result.violations)) {
    const part = text.slice(piece.start, piece.end);
    if (!piece.severity) {
      state.layer.append(document.createTextNode(part));
      continue;
    }
    const mark = document.createElement('span');
    mark.className = `replylint-mark ${piece.severity}`;
    mark.dataset.index = piece.violations.join(' ');
    mark.textContent = part;
    state.layer.append(mark);
  }
  state.layer.append(document.createTextNode('\u200b'));
  state.ranges = spans;
}

/** The badge at the editor's lower right, the panel above it, the layer over a textarea. */
function place(state) {
  const box = state.editor.getBoundingClientRect();
  const x = window.scrollX;
  const y = window.scrollY;
  Object.assign(state.badge.style, { left: `${x + box.right - 110}px`, top: `${y + box.bottom - 28}px` });
  Object.assign(state.panel.style, { left: `${x + Math.max(box.left, box.right - 420)}px`, top: `${y + box.bottom + 4}px` });
  if (state.layer) {
    Object.assign(state.layer.style, { left: `${x + box.left}px`, top: `${y + box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    state.layer.scrollTop = state.editor.scrollTop;
  }
}

function hover(state, event) {
  if (!state.result?.violations.length) return;
  let found = [];
  if (state.editor instanceof HTMLTextAreaElement) {
    const mark = [...(state.layer?.querySelectorAll('.replylint-mark') ?? [])].find((m) =>
      [...m.getClientRects()].some((r) => event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom),
    );
    if (mark) found = mark.dataset.index.split(' ').map((i) => state.ranges[Number(i)].v);
  } else {
    const offset = replylintOffsetAt(state.model, event.clientX, event.clientY);
    if (offset !== undefined) found = state.ranges.filter((s) => s.start <= offset && offset < s.end).map((s) => s.v);
  }
  if (!found.length) {
    state.tip.hidden = true;
    return;
  }
  state.tip.textContent = found.map((v) => `${v.rule}: ${v.message}${v.hint ? `\n${v.hint}` : ''}`).join('\n\n');
  Object.assign(state.tip.style, { left: `${event.pageX + 12}px`, top: `${event.pageY + 16}px` });
  state.tip.hidden = false;
}

function detach(state) {
  state.badge.remove();
  state.panel.remove();
  state.tip.remove();
  state.layer?.remove();
  attached.delete(state.editor);
}

document.addEventListener(
  'focusin',
  (event) => {
    const editor = editorOf(event.target);
    if (editor) check(attach(editor));
  },
  true,
);
window.addEventListener('resize', () => attached.forEach(place));
window.addEventListener('scroll', () => attached.forEach(place), true);
