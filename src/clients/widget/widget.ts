// <engagement-needs region="<id>" kinds="HELPERS,EQUIPMENT" limit="10">: the open PUBLIC needs
// of a municipality, kept live through the needEvents subscription. view="events" shows the
// region's upcoming events with registration instead (events-view.ts), view="office-hours" the
// next openings of its contact points (office-hours-view.ts). Served as /widget.js; the hub's
// address is taken from the script's own src, so it talks to no other host.
import {
  WidgetNeedEventsDocument,
  WidgetNeedsDocument,
  type NeedKind,
  type WidgetNeedFragment,
} from '../generated/graphql';
import { h, uid } from '../shared/dom';
import { needsJsonLd } from '../shared/json-ld';
import { HubError, HubTransport, type LiveStatus } from './hub-transport';
import { EventsView } from './events-view';
import { OfficeHoursView } from './office-hours-view';
import { writeJsonLd, type ViewHost, type WidgetView } from './view-host';
import { VolunteerForm } from './volunteer-form';
import {
  deadlineText,
  errorText,
  isUrgent,
  KIND_LABELS,
  missingText,
  URGENCY_LABELS,
  whenText,
} from '../shared/need-format';
import { WIDGET_CSS } from './widget-styles';

// Must be read while the script runs for the first time: currentScript is null afterwards.
const SCRIPT_SRC = (document.currentScript as HTMLScriptElement | null)?.src;
const HUB_ORIGIN = new URL(SCRIPT_SRC ?? location.href).origin;

const KINDS = Object.keys(KIND_LABELS) as NeedKind[];
const FAR_FUTURE = '9999';

function sortKey(n: WidgetNeedFragment): string {
  return n.startsAt ?? n.deadline ?? FAR_FUTURE;
}

function isOpenForHelp(n: WidgetNeedFragment): boolean {
  return n.status === 'OPEN' && n.remainingQuantity > 0;
}

const VIEWS: Record<string, (new (host: ViewHost) => WidgetView) | null> = {
  needs: null,
  events: EventsView,
  'office-hours': OfficeHoursView,
};

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: 'verbinde …',
  live: 'live',
  offline: 'Verbindung unterbrochen',
};

export class EngagementNeedsElement extends HTMLElement {
  static observedAttributes = ['region', 'kinds', 'limit', 'view'];

  private readonly root: ShadowRoot;
  private readonly hub = new HubTransport(HUB_ORIGIN);
  private readonly form: VolunteerForm;
  private readonly heading: HTMLHeadingElement;
  private readonly where: HTMLElement;
  private readonly live: HTMLElement;
  private readonly content: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly more: HTMLElement;
  private readonly announcer: HTMLElement;
  private needs = new Map<string, WidgetNeedFragment>();
  private items = new Map<string, HTMLLIElement>();
  private total = 0;
  private cursor: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private generation = 0;
  private loadQueued = false;
  private refetchTimer: ReturnType<typeof setTimeout> | undefined;
  private view: WidgetView | null = null;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const headingId = uid('en-title');
    this.heading = h('h2', { id: headingId, tabindex: -1 }, 'Hier wird Hilfe gebraucht');
    this.where = h('p', { className: 'where' });
    this.live = h('span', { className: 'live', 'data-status': 'connecting' }, LIVE_TEXT.connecting);
    this.list = h('ul', { 'aria-labelledby': headingId });
    this.more = h('p', { className: 'more', hidden: true });
    this.content = h(
      'div',
      {},
      h('p', { className: 'empty', role: 'status' }, 'Bedarfe werden geladen …'),
    );
    // One polite live region for every change the list goes through while it is open.
    this.announcer = h('div', { className: 'sr', role: 'status', 'aria-live': 'polite' });
    this.form = new VolunteerForm(
      this.hub,
      (pledge) => this.upsert(pledge.need, 'Ihre Zusage'),
      (needId) => (this.items.get(needId)?.querySelector('button') ?? this.heading).focus(),
    );
    const style = h('style', {}, WIDGET_CSS);
    this.root.append(
      style,
      h(
        'section',
        { className: 'en', 'aria-labelledby': headingId },
        h('header', {}, this.heading, this.where, this.live),
        this.content,
        this.more,
        this.announcer,
        h('footer', {}, 'Über den Engagement-Hub der Region · keine Cookies, kein Tracking'),
      ),
      this.form.dialog,
    );
  }

  connectedCallback(): void {
    this.scheduleLoad();
  }

  disconnectedCallback(): void {
    this.stopLive();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value && this.isConnected) this.scheduleLoad();
  }

  private get regionId(): string {
    return (this.getAttribute('region') ?? '').trim();
  }

  /** The kinds named in the attribute (null: all kinds), or the names that are not kinds. */
  private get kinds(): NeedKind[] | null {
    const list = this.kindNames().filter((k): k is NeedKind => (KINDS as string[]).includes(k));
    return list.length ? list : null;
  }

  private kindNames(): string[] {
    return (this.getAttribute('kinds') ?? '')
      .split(',')
      .map((k) => k.trim().toUpperCase())
      .filter(Boolean);
  }

  private get limit(): number {
    const n = Number(this.getAttribute('limit') ?? 10);
    return Number.isInteger(n) && n >= 1 ? Math.min(n, 50) : 10;
  }

  private stopLive(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.view?.stop();
    this.view = null;
  }

  private setLive(status: LiveStatus | null): void {
    this.live.hidden = !status;
    if (!status) return;
    this.live.dataset.status = status;
    this.live.textContent = LIVE_TEXT[status];
  }

  /** What a view (events, office hours) may use of this element, for one load. */
  private viewHost(generation: number): ViewHost {
    const { hub, root, regionId, limit, heading, where, content, more, announcer } = this;
    return {
      hub,
      root,
      regionId,
      limit,
      heading,
      where,
      content,
      more,
      announcer,
      current: () => generation === this.generation && this.isConnected,
      showMessage: (text, retry) => this.showMessage(text, retry),
      setLive: (status) => this.setLive(status),
      setJsonLd: (data) => writeJsonLd(this, data),
      ready: () => this.setAttribute('data-state', 'ready'),
    };
  }

  /**
   * When the element is upgraded, every attribute and the connection each call in at once:
   * one load after the burst, not one per callback.
   */
  private scheduleLoad(): void {
    if (this.loadQueued) return;
    this.loadQueued = true;
    queueMicrotask(() => {
      this.loadQueued = false;
      if (this.isConnected) void this.load();
    });
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.stopLive();
    if (!this.regionId) {
      this.showMessage('Für dieses Element fehlt die Angabe der Region (Attribut region).', false);
      return;
    }
    writeJsonLd(this, null);
    const viewName = (this.getAttribute('view') ?? 'needs').trim().toLowerCase() || 'needs';
    if (!Object.keys(VIEWS).includes(viewName)) {
      this.showMessage(
        `Unbekannte Ansicht im Attribut view: ${viewName}. Möglich sind: ${Object.keys(VIEWS).join(', ')}.`,
        false,
      );
      return;
    }
    const View = VIEWS[viewName];
    if (View) {
      this.removeAttribute('data-state');
      this.content.replaceChildren(
        h('p', { className: 'empty', role: 'status' }, 'Wird geladen …'),
      );
      this.more.hidden = true;
      this.view = new View(this.viewHost(generation));
      return this.view.load();
    }
    this.heading.textContent = 'Hier wird Hilfe gebraucht';
    // A misspelt kind must not quietly widen the list to every kind.
    const unknown = this.kindNames().filter((k) => !(KINDS as string[]).includes(k));
    if (unknown.length) {
      this.showMessage(
        `Unbekannte Art im Attribut kinds: ${unknown.join(', ')}. Möglich sind: ${KINDS.join(', ')}.`,
        false,
      );
      return;
    }
    try {
      const data = await this.hub.request(WidgetNeedsDocument, {
        regionId: this.regionId,
        kinds: this.kinds,
        first: this.limit,
      });
      if (generation !== this.generation) return;
      if (!data.region) {
        this.showMessage('Diese Region ist dem Engagement-Hub nicht bekannt.', false);
        return;
      }
      this.where.textContent = `in ${data.region.name}`;
      this.total = data.needs.totalCount;
      this.needs = new Map(data.needs.nodes.map((n) => [n.id, n]));
      this.content.replaceChildren(this.list);
      this.render(null);
      this.setAttribute('data-state', 'ready');
      if (!this.unsubscribe) this.startLive();
    } catch (e) {
      if (generation !== this.generation) return;
      const err = e instanceof HubError ? e : new HubError('ERROR', String(e));
      this.showMessage(
        err.code === 'NETWORK'
          ? 'Die aktuellen Bedarfe können gerade nicht geladen werden, weil der Engagement-Hub nicht erreichbar ist.'
          : errorText(err),
        true,
      );
    }
  }

  private showMessage(text: string, retry: boolean): void {
    this.setAttribute('data-state', 'error');
    this.live.hidden = true;
    const box = h('div', { className: 'msg error', role: 'alert' }, h('p', {}, text));
    if (retry) {
      box.append(
        h(
          'button',
          { type: 'button', className: 'secondary', onclick: () => void this.load() },
          'Erneut versuchen',
        ),
      );
    }
    this.content.replaceChildren(box);
    this.more.hidden = true;
  }

  private startLive(): void {
    this.unsubscribe = this.hub.subscribe(
      WidgetNeedEventsDocument,
      () => ({ regionId: this.regionId, kinds: this.kinds, after: this.cursor }),
      {
        next: (data) => {
          const ev = data.needEvents;
          this.cursor = ev.cursor;
          this.upsert(ev.need, null);
        },
        status: (status) => this.setLive(status),
        error: () => this.setLive('offline'),
      },
    );
  }

  /** Applies a fresh copy of a need from an event or a pledge and announces the change. */
  private upsert(need: WidgetNeedFragment, who: string | null): void {
    const before = this.needs.get(need.id);
    if (isOpenForHelp(need)) {
      if (!before) this.total++;
      this.needs.set(need.id, need);
    } else if (before) {
      this.needs.delete(need.id);
      this.total = Math.max(0, this.total - 1);
    } else return;
    let text: string;
    if (!before) text = `Neuer Bedarf: ${need.title}, ${missingText(need)}.`;
    else if (!isOpenForHelp(need)) text = `${need.title} ist jetzt gedeckt. Vielen Dank!`;
    else text = `${who ? `${who}: ` : ''}${need.title}, jetzt ${missingText(need)}.`;
    this.render(need.id);
    this.announcer.textContent = text;
    // The list shows the first `limit` needs; when one leaves, fetch again to fill the gap.
    if (before && !isOpenForHelp(need) && this.total > this.needs.size) {
      clearTimeout(this.refetchTimer);
      this.refetchTimer = setTimeout(() => void this.load(), 300);
    }
  }

  private render(changedId: string | null): void {
    const shown = [...this.needs.values()]
      .filter(isOpenForHelp)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .slice(0, this.limit);
    const keep = new Set(shown.map((n) => n.id));
    for (const [id, li] of this.items) {
      if (keep.has(id)) continue;
      const hadFocus = this.root.activeElement && li.contains(this.root.activeElement);
      li.remove();
      this.items.delete(id);
      if (hadFocus) this.heading.focus();
    }
    shown.forEach((need, index) => {
      const fresh = this.card(need);
      const existing = this.items.get(need.id);
      if (existing) {
        // Replace the content, not the <li>, so a focused "Ich helfe mit" keeps focus.
        const focusedButton = this.root.activeElement === existing.querySelector('button');
        existing.className = fresh.className;
        existing.replaceChildren(...fresh.childNodes);
        if (focusedButton) existing.querySelector('button')?.focus();
      } else this.items.set(need.id, fresh);
      const li = this.items.get(need.id)!;
      if (this.list.children[index] !== li)
        this.list.insertBefore(li, this.list.children[index] ?? null);
      if (need.id === changedId) {
        li.classList.remove('changed');
        void li.offsetWidth; // restart the highlight animation
        li.classList.add('changed');
      }
    });
    if (shown.length === 0) {
      this.content.replaceChildren(
        h(
          'p',
          { className: 'empty' },
          'Im Moment wird hier keine Hilfe gesucht. Schauen Sie bald wieder vorbei!',
        ),
      );
    } else if (this.content.firstChild !== this.list) this.content.replaceChildren(this.list);
    const hidden = this.total - shown.length;
    this.more.hidden = hidden <= 0;
    this.more.textContent =
      hidden === 1 ? 'Ein weiterer Bedarf ist offen.' : `${hidden} weitere Bedarfe sind offen.`;
    // The shown needs for search engines, in the host page: Organizations seeking Demands.
    writeJsonLd(this, needsJsonLd(shown));
  }

  private card(need: WidgetNeedFragment): HTMLLIElement {
    const titleId = uid('en-need');
    const urgent = isUrgent(need);
    const urgency = URGENCY_LABELS[need.urgency];
    const pct = need.quantity > 0 ? Math.round((need.pledgedQuantity / need.quantity) * 100) : 0;
    const when = whenText(need.startsAt, need.endsAt);
    const deadline = deadlineText(need.deadline);
    const button = h(
      'button',
      { type: 'button', className: 'primary', 'aria-describedby': titleId },
      'Ich helfe mit',
    );
    button.addEventListener('click', () => this.form.open(this.needs.get(need.id) ?? need));
    return h(
      'li',
      { className: urgent ? 'need urgent' : 'need', 'data-need-id': need.id },
      h(
        'p',
        { className: 'tags' },
        KIND_LABELS[need.kind],
        urgency ? ' · ' : '',
        urgency ? h('span', { className: urgent ? 'u' : '' }, urgency) : null,
      ),
      h('h3', { id: titleId }, need.title),
      h('p', { className: 'missing' }, missingText(need)),
      h('div', { className: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })),
      h(
        'dl',
        {},
        when ? h('dt', {}, 'Wann') : null,
        when ? h('dd', {}, when) : null,
        h('dt', {}, 'Wo'),
        h('dd', {}, need.region.name),
        h('dt', {}, 'Wer'),
        h('dd', {}, need.actor.name),
        deadline ? h('dt', {}, 'Frist') : null,
        deadline ? h('dd', {}, deadline) : null,
      ),
      button,
    );
  }
}

if (!customElements.get('engagement-needs')) {
  customElements.define('engagement-needs', EngagementNeedsElement);
}
