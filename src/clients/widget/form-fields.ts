// Form parts both widget dialogs share: a labelled field with its hint and an error tied to it
// by aria-describedby, and a consent checkbox whose error is announced the same way.
import { h, uid } from '../shared/dom';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Field {
  input: HTMLInputElement | HTMLTextAreaElement;
  error: HTMLElement;
}

export function labelledField(
  label: string,
  input: HTMLInputElement | HTMLTextAreaElement,
  hint?: string,
): [HTMLElement, Field] {
  const id = uid('en-f');
  input.id = id;
  const error = h('p', { className: 'err', id: `${id}-err`, hidden: true });
  const hintEl = hint ? h('p', { className: 'hint', id: `${id}-hint` }, hint) : null;
  input.setAttribute(
    'aria-describedby',
    [hintEl ? `${id}-hint` : '', `${id}-err`].join(' ').trim(),
  );
  const wrap = h(
    'div',
    { className: 'field' },
    h('label', { for: id }, label),
    input,
    hintEl,
    error,
  );
  return [wrap, { input, error }];
}

export function consentField(text: string): [HTMLElement, Field] {
  const id = uid('en-consent');
  const input = h('input', {
    type: 'checkbox',
    id,
    name: 'consent',
    'aria-describedby': `${id}-err`,
  });
  const error = h('p', { className: 'err', id: `${id}-err`, hidden: true });
  const wrap = h(
    'div',
    { className: 'field' },
    h('div', { className: 'check' }, input, h('label', { for: id }, text)),
    error,
  );
  return [wrap, { input, error }];
}

export function setError(field: Field, text: string | null): void {
  field.error.textContent = text ?? '';
  field.error.hidden = !text;
  if (text) field.input.setAttribute('aria-invalid', 'true');
  else field.input.removeAttribute('aria-invalid');
}
