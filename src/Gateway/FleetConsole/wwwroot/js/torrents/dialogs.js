// Modal <dialog>s: the browser gives them Esc-to-close and a focus trap; these give back focus to whatever opened
// them, and wrap the two questions the torrent pages ask (are you sure, which path).

import { h } from '../dom.js';

/** Shows a dialog modally; on close, focus returns to the element that had it and the dialog leaves the page. */
export function showModal(dialog) {
  const opener = document.activeElement;
  if (!dialog.isConnected) document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, { once: true });
  dialog.showModal();
  return dialog;
}

/**
 * Asks a question with a form of the given fields; resolves with the form's data when confirmed, null when
 * cancelled (button, Esc).
 */
export function ask({ title, text, fields = [], confirm, danger = false }) {
  return new Promise((resolve) => {
    let answer = null;
    const form = h('form', { method: 'dialog' },
      h('h2', {}, title),
      text ? h('p', {}, text) : null,
      fields,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, confirm)));
    form.addEventListener('submit', () => {
      answer = new FormData(form);
    });
    const dialog = h('dialog', { class: 'torrent-dialog', 'aria-label': title }, form);
    dialog.addEventListener('close', () => resolve(answer), { once: true });
    showModal(dialog);
  });
}

/** A labelled input row for dialogs and filter bars. */
export function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}
