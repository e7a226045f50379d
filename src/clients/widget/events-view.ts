// view="events": the upcoming events of a region (and below it) with their seats, kept live
// through Subscription.eventChanges, each with "Anmelden" (or "Auf die Warteliste") for a
// private person, and the events as schema.org JSON-LD in the host page.
import {
  WidgetEventChangesDocument,
  WidgetEventsDocument,
  type WidgetEventFragment,
} from '../generated/graphql';
import { h, uid } from '../shared/dom';
import { eventJsonLd } from '../shared/json-ld';
import { whenText } from '../shared/need-format';
import { EventForm } from './event-form';
import {
  EVENT_KIND_LABELS,
  isFull,
  isOpenForRegistration,
  placeText,
  seatsText,
} from './event-format';
import { HubError } from './hub-transport';
import type { ViewHost, WidgetView } from './view-host';

function upcoming(e: WidgetEventFragment): boolean {
  return e.status === 'SCHEDULED' && new Date(e.endsAt).getTime() > Date.now();
}

export class EventsView implements WidgetView {
  private events = new Map<string, WidgetEventFragment>();
  private items = new Map<string, HTMLLIElement>();
  private readonly list: HTMLUListElement;
  private readonly form: EventForm;
  private total = 0;
  private cursor: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ViewHost) {
    this.list = h('ul', { 'aria-labelledby': host.heading.id });
    this.form = new EventForm(
      host.hub,
      (r) => this.upsert(r.event, true),
      (id) => (this.items.get(id)?.querySelector('button') ?? host.heading).focus(),
    );
    host.root.append(this.form.dialog);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.form.dialog.remove();
  }

  async load(): Promise<void> {
    const { host } = this;
    host.heading.textContent = 'Termine und Veranstaltungen';
    try {
      const data = await host.hub.request(WidgetEventsDocument, {
        regionId: host.regionId,
        first: host.limit,
      });
      if (!host.current()) return;
      if (!data.region) {
        host.showMessage('Diese Region ist dem Engagement-Hub nicht bekannt.', false);
        return;
      }
      host.where.textContent = `in ${data.region.name}`;
      this.total = data.events.totalCount;
      this.events = new Map(data.events.nodes.filter(upcoming).map((e) => [e.id, e]));
      this.render(null);
      host.ready();
      if (!this.unsubscribe) this.startLive();
    } catch (e) {
      if (!host.current()) return;
      const err = e instanceof HubError ? e : new HubError('ERROR', String(e));
      host.showMessage(
        err.code === 'NETWORK'
          ? 'Die Termine können gerade nicht geladen werden, weil der Engagement-Hub nicht erreichbar ist.'
          : 'Die Termine können gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
        true,
      );
    }
  }

  private startLive(): void {
    this.unsubscribe = this.host.hub.subscribe(
      WidgetEventChangesDocument,
      () => ({ regionId: this.host.regionId, after: this.cursor }),
      {
        next: (data) => {
          this.cursor = data.eventChanges.cursor;
          const subject = data.eventChanges.subject;
          if ('title' in subject) this.upsert(subject as WidgetEventFragment, false);
        },
        status: (s) => this.host.setLive(s),
        error: () => this.host.setLive('offline'),
      },
    );
  }

  /** Applies a fresh copy of an event from a change or an own registration; announces it. */
  private upsert(e: WidgetEventFragment, own: boolean): void {
    const before = this.events.get(e.id);
    let text: string;
    if (!upcoming(e)) {
      if (!before) return;
      this.events.delete(e.id);
      this.total = Math.max(0, this.total - 1);
      text = e.status === 'CANCELLED' ? `${e.title} wurde abgesagt.` : `${e.title} ist vorbei.`;
    } else {
      if (!before) this.total++;
      this.events.set(e.id, e);
      text = before
        ? `${own ? 'Ihre Anmeldung: ' : ''}${e.title}, ${seatsText(e)}.`
        : `Neuer Termin: ${e.title}, ${whenText(e.startsAt, e.endsAt)}.`;
    }
    this.render(e.id);
    this.host.announcer.textContent = text;
  }

  private render(changedId: string | null): void {
    const { host } = this;
    const shown = [...this.events.values()]
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))
      .slice(0, host.limit);
    const keep = new Set(shown.map((e) => e.id));
    for (const [id, li] of this.items) {
      if (keep.has(id)) continue;
      const hadFocus = host.root.activeElement && li.contains(host.root.activeElement);
      li.remove();
      this.items.delete(id);
      if (hadFocus) host.heading.focus();
    }
    shown.forEach((event, index) => {
      const fresh = this.card(event);
      const existing = this.items.get(event.id);
      if (existing) {
        // Replace the content, not the <li>, so a focused button keeps focus.
        const focused = host.root.activeElement === existing.querySelector('button');
        existing.className = fresh.className;
        existing.replaceChildren(...fresh.childNodes);
        if (focused) existing.querySelector('button')?.focus();
      } else this.items.set(event.id, fresh);
      const li = this.items.get(event.id)!;
      if (this.list.children[index] !== li)
        this.list.insertBefore(li, this.list.children[index] ?? null);
      if (event.id === changedId) {
        li.classList.remove('changed');
        void li.offsetWidth; // restart the highlight animation
        li.classList.add('changed');
      }
    });
    if (shown.length === 0) {
      host.content.replaceChildren(
        h('p', { className: 'empty' }, 'Im Moment sind hier keine Termine geplant.'),
      );
    } else if (host.content.firstChild !== this.list) host.content.replaceChildren(this.list);
    const hidden = this.total - shown.length;
    host.more.hidden = hidden <= 0;
    host.more.textContent =
      hidden === 1 ? 'Ein weiterer Termin ist geplant.' : `${hidden} weitere Termine sind geplant.`;
    const pageUrl = `${new URL(host.hub.httpUrl).origin}/events/${encodeURIComponent(host.regionId)}`;
    host.setJsonLd(shown.map((e) => eventJsonLd(e, pageUrl)));
  }

  private card(event: WidgetEventFragment): HTMLLIElement {
    const titleId = uid('en-event');
    const full = isFull(event);
    const open = isOpenForRegistration(event);
    const button = open
      ? h(
          'button',
          { type: 'button', className: 'primary', 'aria-describedby': titleId },
          full ? 'Auf die Warteliste' : 'Anmelden',
        )
      : null;
    button?.addEventListener('click', () => this.form.open(this.events.get(event.id) ?? event));
    const deadline = event.registrationDeadline
      ? `Anmeldung bis ${whenText(event.registrationDeadline)}`
      : null;
    return h(
      'li',
      { className: full ? 'need event full' : 'need event', 'data-event-id': event.id },
      h('p', { className: 'tags' }, EVENT_KIND_LABELS[event.kind]),
      h('h3', { id: titleId }, event.title),
      h('p', { className: 'missing' }, seatsText(event)),
      event.description ? h('p', { className: 'desc' }, event.description) : null,
      h(
        'dl',
        {},
        h('dt', {}, 'Wann'),
        h('dd', {}, whenText(event.startsAt, event.endsAt) ?? ''),
        h('dt', {}, 'Wo'),
        h('dd', {}, placeText(event)),
        h('dt', {}, 'Wer'),
        h('dd', {}, event.organizer.name),
        deadline ? h('dt', {}, 'Frist') : null,
        deadline ? h('dd', {}, deadline) : null,
      ),
      button ?? h('p', { className: 'closed' }, 'Die Anmeldung ist geschlossen.'),
    );
  }
}
