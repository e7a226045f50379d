// view="office-hours": the contact points in and below a region with their next openings ("when
// can I reach someone near me"), soonest first, "jetzt geöffnet" while one is open, and the
// contact points as schema.org Places with openingHoursSpecification in the host page. One card
// per contact point (limit caps the cards), so a daily office does not crowd out the village. Hours change by the clock,
// not by events: the list redraws at the next opening or closing and reloads when an opening
// is over (and at least every half hour, for changed hours).
import { WidgetOpeningsDocument, type WidgetOpeningsQuery } from '../generated/graphql';
import { h } from '../shared/dom';
import { placesJsonLd } from '../shared/json-ld';
import { whenText } from '../shared/need-format';
import { CONTACT_KIND_LABELS } from './event-format';
import { HubError } from './hub-transport';
import type { ViewHost, WidgetView } from './view-host';

type Opening = WidgetOpeningsQuery['openings'][number];

const RELOAD_MS = 30 * 60 * 1000;
/** Openings fetched: enough for the next few of every point, well below the API's 500. */
const FETCH = 200;
/** Later openings named on a card besides the next one. */
const LATER = 2;
const time = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});

function isOpen(o: Opening, now: number): boolean {
  return new Date(o.startsAt).getTime() <= now && now < new Date(o.endsAt).getTime();
}

export class OfficeHoursView implements WidgetView {
  private openings: Opening[] = [];
  private readonly list: HTMLUListElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private openIds = new Set<string>();

  constructor(private readonly host: ViewHost) {
    this.list = h('ul', { 'aria-labelledby': host.heading.id });
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  async load(): Promise<void> {
    const { host } = this;
    host.heading.textContent = 'Sprechzeiten';
    host.setLive(null);
    clearTimeout(this.timer);
    try {
      const data = await host.hub.request(WidgetOpeningsDocument, {
        regionId: host.regionId,
        first: FETCH,
      });
      if (!host.current()) return;
      if (!data.region) {
        host.showMessage('Diese Region ist dem Engagement-Hub nicht bekannt.', false);
        return;
      }
      host.where.textContent = `in ${data.region.name} und Umgebung`;
      this.openings = data.openings;
      this.render();
      host.ready();
    } catch (e) {
      if (!host.current()) return;
      const err = e instanceof HubError ? e : new HubError('ERROR', String(e));
      host.showMessage(
        err.code === 'NETWORK'
          ? 'Die Sprechzeiten können gerade nicht geladen werden, weil der Engagement-Hub nicht erreichbar ist.'
          : 'Die Sprechzeiten können gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
        true,
      );
    }
  }

  /** Redraws at the next boundary; an opening that closed makes room, so that one reloads. */
  private schedule(now: number): void {
    const boundaries = this.openings
      .flatMap((o) => [new Date(o.startsAt).getTime(), new Date(o.endsAt).getTime()])
      .filter((t) => t > now);
    const next = Math.min(now + RELOAD_MS, ...boundaries);
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        if (!this.host.current()) return;
        const t = Date.now();
        if (t >= now + RELOAD_MS || this.openings.some((o) => new Date(o.endsAt).getTime() <= t))
          void this.load();
        else this.render();
      },
      Math.max(0, next - now) + 50,
    );
  }

  private render(): void {
    const { host } = this;
    const now = Date.now();
    const ahead = this.openings.filter((o) => new Date(o.endsAt).getTime() > now);
    // Openings come in start order, so each point's first is its current or next one.
    const byPoint = new Map<string, Opening[]>();
    for (const o of ahead) {
      const list = byPoint.get(o.contactPoint.id) ?? [];
      byPoint.set(o.contactPoint.id, list);
      list.push(o);
    }
    const points = [...byPoint.values()].slice(0, host.limit);
    const shown = points.flat();
    const openIds = new Set(shown.filter((o) => isOpen(o, now)).map((o) => o.contactPoint.id));
    const opened = shown.find((o) => isOpen(o, now) && !this.openIds.has(o.contactPoint.id));
    if (opened && this.list.isConnected) {
      host.announcer.textContent = `${opened.contactPoint.name} ist jetzt geöffnet.`;
    }
    this.openIds = openIds;
    this.list.replaceChildren(...points.map((list) => this.card(list, now)));
    if (shown.length === 0) {
      host.content.replaceChildren(
        h(
          'p',
          { className: 'empty' },
          'Für die nächste Zeit sind hier keine Sprechzeiten eingetragen.',
        ),
      );
    } else if (host.content.firstChild !== this.list) host.content.replaceChildren(this.list);
    host.more.hidden = true;
    host.setJsonLd(placesJsonLd(shown));
    this.schedule(now);
  }

  private card([o, ...later]: Opening[], now: number): HTMLLIElement {
    const cp = o.contactPoint;
    const open = isOpen(o, now);
    const next = later.slice(0, LATER).map((l) => whenText(l.startsAt, l.endsAt));
    return h(
      'li',
      { className: open ? 'need opening open' : 'need opening', 'data-contact-point-id': cp.id },
      h(
        'p',
        { className: 'tags' },
        CONTACT_KIND_LABELS[cp.kind],
        open ? ' · ' : '',
        open ? h('span', { className: 'now' }, 'jetzt geöffnet') : null,
      ),
      h('h3', {}, cp.name),
      h(
        'p',
        { className: 'missing' },
        open
          ? `Geöffnet bis ${time.format(new Date(o.endsAt))} Uhr`
          : (whenText(o.startsAt, o.endsAt) ?? ''),
      ),
      h(
        'dl',
        {},
        cp.address ? h('dt', {}, 'Wo') : null,
        cp.address ? h('dd', {}, cp.address) : null,
        o.note ? h('dt', {}, 'Hinweis') : null,
        o.note ? h('dd', {}, o.note) : null,
        cp.accessibility ? h('dt', {}, 'Zugang') : null,
        cp.accessibility ? h('dd', {}, cp.accessibility) : null,
        next.length ? h('dt', {}, open ? 'Wieder' : 'Danach') : null,
        next.length ? h('dd', {}, next.join('; ')) : null,
      ),
    );
  }
}
