// Where each helpdesk keeps its reply box and the customer's name. The editor is found by
// these selectors first, then as any large text box the agent types in; the name is read
// from the first selector that holds text. Helpdesks change their pages: a selector that
// no longer matches costs the name, not the check.
'use strict';
globalThis.REPLYLINT_SITES = [
  {
    name: 'Zendesk',
    host: /\.zendesk\.com$/,
    editor: ['[data-test-id="omnicomposer-rich-text-ckeditor"]', '.ck-editor__editable', 'textarea[name="comment[value]"]'],
    customer: ['[data-test-id="ticket-system-field-requester-select"] [data-garden-id="tags.tag_view"]', '[data-test-id="tooltip-requester-name"]', '.requester .name'],
  },
  {
    name: 'Freshdesk',
    host: /\.freshdesk\.com$/,
    editor: ['.fr-element[contenteditable="true"]', '.redactor-editor'],
    customer: ['.requester-info .contact-name', '[data-test-id="requester-name"]'],
  },
  {
    name: 'Help Scout',
    host: /^secure\.helpscout\.net$/,
    editor: ['.c-editor [contenteditable="true"]', '.js-editor [contenteditable="true"]'],
    customer: ['.c-customer-profile__name', '[data-cy="CustomerName"]'],
  },
  {
    name: 'Intercom',
    host: /^app\.intercom\.com$/,
    editor: ['.embercom-prosemirror-composer-editor .ProseMirror', '.ProseMirror[contenteditable="true"]'],
    customer: ['[data-test-conversation-header-user-name]', '.conversation__header-name'],
  },
  {
    name: 'Gmail',
    host: /^mail\.google\.com$/,
    editor: ['div[aria-label="Message Body"][contenteditable="true"]', 'div.editable[contenteditable="true"]'],
    // The name of the person the reply goes to.
    customer: ['.aoD.hl span[email]', 'span.gD[name]'],
  },
];
