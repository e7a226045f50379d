// "Anmelden" for a private person: a modal <dialog> like the volunteer form (focus stays inside,
// Escape closes, focus returns to the card's button) with name, e-mail, seats and consent,
// errors tied to their fields and a plain-German answer. Calls registerForEvent; a full event
// puts the person on the waitlist, which the answer says.
import {
  WidgetRegisterForEventDocument,
  type WidgetEventFragment,
  type WidgetRegisterForEventMutation,
} from '../generated/graphql';
import { h, uid } from '../shared/dom';
import { whenText } from '../shared/need-format';
import { errorField, isFull, registrationErrorText, seatsText } from './event-format';
import { consentField, EMAIL, labelledField, setError, type Field } from './form-fields';
import { HubError, HubTransport } from './hub-transport';

type Registration = WidgetRegisterForEventMutation['registerForEvent'];

export class EventForm {
  readonly dialog: HTMLDialogElement;
  private eventId: string | null = null;
  private readonly title: HTMLElement;
  private readonly about: HTMLElement;
  private readonly body: HTMLElement;

  constructor(
    private readonly hub: HubTransport,
    private readonly onRegistered: (r: Registration) => void,
    private readonly restoreFocus: (eventId: string) => void,
  ) {
    const titleId = uid('en-form-title');
    this.title = h('h2', { id: titleId, tabindex: -1 });
    this.about = h('p', { className: 'about' });
    this.body = h('div');
    this.dialog = h('dialog', { 'aria-labelledby': titleId }, this.title, this.about, this.body);
    this.dialog.addEventListener('close', () => this.eventId && this.restoreFocus(this.eventId));
  }

  open(event: WidgetEventFragment): void {
    this.eventId = event.id;
    this.title.textContent = isFull(event) ? 'Auf die Warteliste' : 'Anmelden';
    this.about.textContent = `${event.title} – ${whenText(event.startsAt, event.endsAt)} – ${seatsText(event)}`;
    this.body.replaceChildren(this.form(event));
    this.dialog.showModal();
    (this.body.querySelector('input') as HTMLInputElement).focus();
  }

  private form(event: WidgetEventFragment): HTMLFormElement {
    const max = Math.min(10, Math.max(1, event.remainingSeats ?? 10));
    const [nameWrap, name] = labelledField(
      'Ihr Name',
      h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: 200 }),
    );
    const [mailWrap, email] = labelledField(
      'Ihre E-Mail-Adresse',
      h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: 320 }),
      'Dorthin schicken wir den Link zum Bestätigen. Nur der Veranstalter und die Koordination sehen sie.',
    );
    const [seatsWrap, seats] = labelledField(
      'Anzahl Plätze',
      h('input', { type: 'number', name: 'seats', min: 1, max, value: 1, inputmode: 'numeric' }),
      `1 bis ${max}, zum Beispiel wenn Sie zu zweit kommen.`,
    );
    const [consentWrap, consent] = consentField(
      'Ich bin einverstanden, dass mein Name und meine E-Mail-Adresse für diese Veranstaltung ' +
        'gespeichert und an den Veranstalter weitergegeben werden. Sie werden gelöscht, sobald sie dafür nicht mehr gebraucht werden.',
    );
    const alert = h('div', { className: 'alert', role: 'alert', hidden: true });
    const label = isFull(event) ? 'Auf die Warteliste setzen' : 'Verbindlich anmelden';
    const submit = h('button', { type: 'submit', className: 'primary' }, label);
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
      seatsWrap,
      consentWrap,
      h('div', { className: 'actions' }, submit, cancel),
    );
    const fields: Record<string, Field> = { name, email, seats, consent };

    const fail = (problems: Array<[Field, string]>, summary: string) => {
      for (const [f, text] of problems) setError(f, text);
      alert.textContent = summary;
      alert.hidden = false;
      if (problems.length) problems[0][0].input.focus();
      else {
        alert.tabIndex = -1;
        alert.focus();
      }
    };

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      for (const f of Object.values(fields)) setError(f, null);
      alert.hidden = true;
      const values = {
        name: name.input.value.trim(),
        email: email.input.value.trim(),
        seats: Number(seats.input.value),
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
      if (!Number.isInteger(values.seats) || values.seats < 1 || values.seats > max) {
        problems.push([seats, `Bitte geben Sie eine Zahl von 1 bis ${max} an.`]);
      }
      if (!values.consent) {
        problems.push([
          consent,
          'Ohne Ihre Einwilligung können wir die Anmeldung nicht speichern.',
        ]);
      }
      if (problems.length) {
        fail(
          problems,
          problems.length === 1
            ? 'Bitte prüfen Sie eine Angabe im Formular.'
            : `Bitte prüfen Sie ${problems.length} Angaben im Formular.`,
        );
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Wird gesendet …';
      try {
        const data = await this.hub.request(WidgetRegisterForEventDocument, {
          input: { eventId: event.id, ...values, consent: true, joinWaitlist: true },
        });
        this.onRegistered(data.registerForEvent);
        this.success(data.registerForEvent);
      } catch (e) {
        const err = e instanceof HubError ? e : new HubError('ERROR', String(e));
        const text = registrationErrorText(err);
        const field = errorField(err);
        fail(field ? [[fields[field], text]] : [], text);
        submit.disabled = false;
        submit.textContent = label;
      }
    });
    return form;
  }

  private success(r: Registration): void {
    const close = h(
      'button',
      { type: 'button', className: 'primary', onclick: () => this.dialog.close() },
      'Schließen',
    );
    const text =
      r.status === 'WAITLISTED'
        ? `Alle Plätze sind gerade vergeben. Sie stehen auf der Warteliste${
            r.waitlistPosition ? ` an Stelle ${r.waitlistPosition}` : ''
          }. Wird ein Platz frei, rücken Sie nach und bekommen eine E-Mail.`
        : r.status === 'UNCONFIRMED'
          ? 'Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihre Anmeldung ' +
            'mit dem Link darin innerhalb von 48 Stunden, sonst wird der Platz wieder frei.'
          : 'Sie sind angemeldet.';
    this.title.textContent = r.status === 'WAITLISTED' ? 'Auf der Warteliste' : 'Vielen Dank!';
    this.about.textContent = `${r.event.title} – ${whenText(r.event.startsAt, r.event.endsAt)}`;
    this.body.replaceChildren(
      h('div', { className: 'done', role: 'status' }, h('p', {}, text)),
      h('div', { className: 'actions' }, close),
    );
    close.focus();
  }
}
