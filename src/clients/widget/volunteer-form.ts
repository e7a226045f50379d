// "Ich helfe mit": a modal <dialog> (focus stays inside, Escape closes, focus returns to the
// button that opened it) with labelled fields, errors tied to their fields, and a plain-German
// answer from the hub.
import {
  WidgetVolunteerDocument,
  type WidgetNeedFragment,
  type WidgetVolunteerMutation,
} from '../generated/graphql';
import { h, uid } from '../shared/dom';
import { consentField, EMAIL, labelledField, setError, type Field } from './form-fields';
import { HubError, HubTransport } from './hub-transport';
import { errorText, missingText } from '../shared/need-format';

export class VolunteerForm {
  readonly dialog: HTMLDialogElement;
  private needId: string | null = null;
  private readonly title: HTMLElement;
  private readonly about: HTMLElement;
  private readonly body: HTMLElement;

  constructor(
    private readonly hub: HubTransport,
    private readonly onPledged: (result: WidgetVolunteerMutation['volunteer']) => void,
    /** Puts focus back where the form was opened from (the card may have been redrawn). */
    private readonly restoreFocus: (needId: string) => void,
  ) {
    const titleId = uid('en-form-title');
    this.title = h('h2', { id: titleId, tabindex: -1 });
    this.about = h('p', { className: 'about' });
    this.body = h('div');
    this.dialog = h('dialog', { 'aria-labelledby': titleId }, this.title, this.about, this.body);
    this.dialog.addEventListener('close', () => this.needId && this.restoreFocus(this.needId));
  }

  open(need: WidgetNeedFragment): void {
    this.needId = need.id;
    this.title.textContent = 'Ich helfe mit';
    this.about.textContent = `${need.title} – ${missingText(need)}`;
    this.body.replaceChildren(this.form(need));
    this.dialog.showModal();
    (this.body.querySelector('input') as HTMLInputElement).focus();
  }

  private form(need: WidgetNeedFragment): HTMLFormElement {
    const max = Math.max(1, need.remainingQuantity);
    const [nameWrap, name] = labelledField(
      'Ihr Name',
      h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: 200 }),
    );
    const [mailWrap, email] = labelledField(
      'Ihre E-Mail-Adresse',
      h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: 320 }),
      'Nur der Träger des Bedarfs und die Koordination sehen sie, um Sie zu erreichen.',
    );
    const [qtyWrap, quantity] = labelledField(
      need.unit ? `Anzahl (${need.unit})` : 'Anzahl',
      h('input', { type: 'number', name: 'quantity', min: 1, max, value: 1, inputmode: 'numeric' }),
      `Es fehlen noch ${need.remainingQuantity}.`,
    );
    const [msgWrap, message] = labelledField(
      'Nachricht (freiwillig)',
      h('textarea', { name: 'message', maxlength: 1000 }),
    );
    const [consentWrap, consent] = consentField(
      'Ich bin einverstanden, dass mein Name und meine E-Mail-Adresse für diesen Bedarf gespeichert ' +
        'und an den Träger weitergegeben werden. Sie werden gelöscht, sobald sie dafür nicht mehr gebraucht werden.',
    );
    const alert = h('div', { className: 'alert', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', className: 'primary' }, 'Zusagen');
    const cancel = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => this.dialog.close() },
      'Abbrechen',
    );
    const form = h(
      'form',
      { novalidate: true },
      alert,
      nameWrap,
      mailWrap,
      qtyWrap,
      msgWrap,
      consentWrap,
      h('div', { className: 'actions' }, submit, cancel),
    );
    const fields = { name, email, quantity, message, consent };

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      for (const f of Object.values(fields)) setError(f, null);
      alert.hidden = true;
      const values = {
        name: name.input.value.trim(),
        email: email.input.value.trim(),
        quantity: Number(quantity.input.value),
        message: message.input.value.trim(),
        consent: (consent.input as HTMLInputElement).checked,
      };
      const problems: Array<[Field, string]> = [];
      if (!values.name) problems.push([name, 'Bitte geben Sie Ihren Namen an.']);
      if (!EMAIL.test(values.email)) {
        problems.push([
          email,
          'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
        ]);
      }
      if (!Number.isInteger(values.quantity) || values.quantity < 1 || values.quantity > max) {
        problems.push([quantity, `Bitte geben Sie eine Zahl von 1 bis ${max} an.`]);
      }
      if (!values.consent) {
        problems.push([consent, 'Ohne Ihre Einwilligung können wir die Zusage nicht weitergeben.']);
      }
      if (problems.length) {
        for (const [f, text] of problems) setError(f, text);
        alert.textContent =
          problems.length === 1
            ? 'Bitte prüfen Sie eine Angabe im Formular.'
            : `Bitte prüfen Sie ${problems.length} Angaben im Formular.`;
        alert.hidden = false;
        problems[0][0].input.focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Wird gesendet …';
      try {
        const data = await this.hub.request(WidgetVolunteerDocument, {
          input: {
            needId: need.id,
            name: values.name,
            email: values.email,
            quantity: values.quantity,
            message: values.message || null,
            consent: true,
          },
        });
        this.onPledged(data.volunteer);
        this.success(values.quantity);
      } catch (e) {
        const err = e instanceof HubError ? e : new HubError('ERROR', String(e));
        const key = err.field?.replace(/^input\./, '') as keyof typeof fields | undefined;
        const target = key && key in fields ? fields[key] : null;
        alert.textContent = errorText(err);
        alert.hidden = false;
        if (target) {
          setError(target, errorText(err));
          target.input.focus();
        } else {
          alert.tabIndex = -1;
          alert.focus();
        }
        submit.disabled = false;
        submit.textContent = 'Zusagen';
      }
    });
    return form;
  }

  private success(quantity: number): void {
    const close = h(
      'button',
      { type: 'button', className: 'primary', onclick: () => this.dialog.close() },
      'Schließen',
    );
    this.title.textContent = 'Vielen Dank!';
    this.body.replaceChildren(
      h(
        'div',
        { className: 'done', role: 'status' },
        h(
          'p',
          {},
          quantity > 1
            ? `Ihre Zusage für ${quantity} ist angekommen. `
            : 'Ihre Zusage ist angekommen. ',
          'Der Träger meldet sich per E-Mail bei Ihnen.',
        ),
      ),
      h('div', { className: 'actions' }, close),
    );
    close.focus();
  }
}
