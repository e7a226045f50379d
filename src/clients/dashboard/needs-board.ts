// The live board: needs of a region in three columns (nobody yet, partly pledged, filled),
// counters by kind and urgency, and a feed of what just happened. Events from the needEvents
// subscription move cards between columns without a reload.
import {
  DashboardNeedEventsDocument,
  DashboardNeedsDocument,
  type BoardNeedFragment,
  type DashboardNeedsQuery,
  type NeedEventType,
  type NeedKind,
  type Urgency,
} from '../generated/graphql';
import { h } from '../shared/dom';
import { filledText, isUrgent, KIND_LABELS, missingText, whenText } from '../shared/need-format';
import type { DashboardClient } from './dashboard-client';

const EVENT_LABELS: Record<NeedEventType, string> = {
  OPENED: 'Neu',
  UPDATED: 'Geändert',
  PLEDGED: 'Zusage',
  PLEDGE_WITHDRAWN: 'Zusage zurückgezogen',
  FILLED: 'Gedeckt',
  REOPENED: 'Wieder offen',
  CLOSED: 'Geschlossen',
  EXPIRED: 'Abgelaufen',
};

const URGENCY_NAMES: Record<Urgency, string> = {
  HIGH: 'Dringend',
  NORMAL: 'Normal',
  LOW: 'Bei Gelegenheit',
};

type Column = 'open' | 'partial' | 'filled';
const COLUMNS: Array<{ key: Column; title: string; hint: string }> = [
  { key: 'open', title: 'Offen', hint: 'noch keine Zusage' },
  { key: 'partial', title: 'Teilweise zugesagt', hint: 'es fehlt noch etwas' },
  { key: 'filled', title: 'Gedeckt', hint: 'alles zugesagt' },
];

function columnOf(n: BoardNeedFragment): Column | null {
  if (n.status === 'FILLED' || (n.status === 'OPEN' && n.remainingQuantity === 0)) return 'filled';
  if (n.status !== 'OPEN') return null;
  return n.pledgedQuantity > 0 ? 'partial' : 'open';
}

const timeFmt = new Intl.DateTimeFormat('de-DE', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export class NeedsBoard {
  readonly element: HTMLElement;
  private readonly counters = h('div', { className: 'counters' });
  private readonly columns = new Map<Column, HTMLElement>();
  private readonly feed = h('ol', { className: 'feed', 'aria-label': 'Live-Ereignisse' });
  private readonly announcer = h('div', { className: 'sr', role: 'status', 'aria-live': 'polite' });
  private readonly status = h('p', { className: 'board-status' });
  private needs = new Map<string, BoardNeedFragment>();
  private cursor: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly client: DashboardClient) {
    const board = h('div', { className: 'board' });
    for (const c of COLUMNS) {
      const list = h('ul', { className: 'cards', 'aria-labelledby': `col-${c.key}` });
      this.columns.set(c.key, list);
      board.append(
        h(
          'section',
          { className: `column column-${c.key}` },
          h(
            'h3',
            { id: `col-${c.key}` },
            c.title,
            ' ',
            h('span', { className: 'count', 'data-count': c.key }, '0'),
          ),
          h('p', { className: 'hint' }, c.hint),
          list,
        ),
      );
    }
    this.element = h(
      'div',
      { className: 'board-layout' },
      h('div', { className: 'board-main' }, this.counters, this.status, board),
      h(
        'aside',
        { className: 'feed-panel', 'aria-labelledby': 'feed-title' },
        h('h3', { id: 'feed-title' }, 'Live-Ereignisse'),
        this.feed,
        h(
          'p',
          { className: 'hint feed-empty' },
          'Neue Zusagen und Bedarfe erscheinen hier sofort.',
        ),
      ),
      this.announcer,
    );
  }

  async show(regionId: string): Promise<void> {
    this.unsubscribe?.();
    this.needs.clear();
    this.cursor = null;
    this.feed.replaceChildren();
    this.status.textContent = 'Bedarfe werden geladen …';
    let after: string | null = null;
    // Up to 500 needs in pages of 100: a region's board, not an archive.
    for (let page = 0; page < 5; page++) {
      const data: DashboardNeedsQuery = await this.client.request(DashboardNeedsDocument, {
        regionId,
        after,
      });
      for (const n of data.needs.nodes) this.needs.set(n.id, n);
      if (!data.needs.pageInfo.hasNextPage) break;
      after = data.needs.pageInfo.endCursor ?? null;
    }
    this.status.textContent = '';
    this.render(null);
    this.unsubscribe = this.client.subscribe(
      DashboardNeedEventsDocument,
      () => ({ regionId, after: this.cursor }),
      (data) => {
        const ev = data.needEvents;
        this.cursor = ev.cursor;
        this.apply(ev.type, ev.need, ev.occurredAt);
      },
      (e) => {
        this.status.textContent = `Live-Aktualisierung gestört: ${e.message}`;
      },
    );
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private apply(type: NeedEventType, need: BoardNeedFragment, at: string): void {
    if (columnOf(need)) this.needs.set(need.id, need);
    else this.needs.delete(need.id);
    this.render(need.id);
    const text = `${EVENT_LABELS[type]}: ${need.title}`;
    this.feed.prepend(
      h(
        'li',
        { className: `event event-${type.toLowerCase()}` },
        h('time', { datetime: at }, timeFmt.format(new Date(at))),
        h('span', { className: 'event-type' }, EVENT_LABELS[type]),
        h('span', { className: 'event-title' }, need.title),
        h(
          'span',
          { className: 'event-detail' },
          `${need.remainingQuantity > 0 ? missingText(need) : 'alles zugesagt'} · ${need.actor.name}`,
        ),
      ),
    );
    while (this.feed.children.length > 50) this.feed.lastElementChild?.remove();
    this.announcer.textContent = text;
  }

  private render(changedId: string | null): void {
    const byColumn = new Map<Column, BoardNeedFragment[]>(COLUMNS.map((c) => [c.key, []]));
    for (const n of this.needs.values()) {
      const col = columnOf(n);
      if (col) byColumn.get(col)!.push(n);
    }
    for (const [key, list] of byColumn) {
      list.sort(
        (a, b) =>
          Number(isUrgent(b)) - Number(isUrgent(a)) ||
          (a.startsAt ?? a.deadline ?? '9').localeCompare(b.startsAt ?? b.deadline ?? '9'),
      );
      this.columns.get(key)!.replaceChildren(...list.map((n) => this.card(n, n.id === changedId)));
      const count = this.element.querySelector(`[data-count="${key}"]`);
      if (count) count.textContent = String(list.length);
    }
    this.renderCounters();
  }

  private renderCounters(): void {
    const open = [...this.needs.values()].filter(
      (n) => n.status === 'OPEN' && n.remainingQuantity > 0,
    );
    const byKind = new Map<NeedKind, number>();
    const byUrgency = new Map<Urgency, number>();
    for (const n of open) {
      byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
      byUrgency.set(n.urgency, (byUrgency.get(n.urgency) ?? 0) + 1);
    }
    const helpers = open
      .filter((n) => n.kind === 'HELPERS')
      .reduce((s, n) => s + n.remainingQuantity, 0);
    const tile = (label: string, value: number, cls = '') =>
      h(
        'div',
        { className: `tile ${cls}` },
        h('span', { className: 'tile-value' }, String(value)),
        h('span', { className: 'tile-label' }, label),
      );
    this.counters.replaceChildren(
      h(
        'div',
        { className: 'tiles' },
        tile('offene Bedarfe', open.length),
        tile('davon dringend', byUrgency.get('HIGH') ?? 0, 'urgent'),
        tile('Helfende fehlen noch', helpers),
      ),
      h(
        'div',
        { className: 'chips', 'aria-label': 'Offene Bedarfe nach Art' },
        ...[...byKind.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) =>
            h(
              'span',
              { className: `chip kind-${k.toLowerCase()}` },
              `${KIND_LABELS[k]} `,
              h('b', {}, String(v)),
            ),
          ),
      ),
      h(
        'div',
        { className: 'chips', 'aria-label': 'Offene Bedarfe nach Dringlichkeit' },
        ...(['HIGH', 'NORMAL', 'LOW'] as Urgency[]).map((u) =>
          h(
            'span',
            { className: `chip urgency-${u.toLowerCase()}` },
            `${URGENCY_NAMES[u]} `,
            h('b', {}, String(byUrgency.get(u) ?? 0)),
          ),
        ),
      ),
    );
  }

  private card(n: BoardNeedFragment, changed: boolean): HTMLLIElement {
    const pct = Math.round((n.pledgedQuantity / Math.max(1, n.quantity)) * 100);
    const when = whenText(n.startsAt, null);
    const urgent = isUrgent(n);
    return h(
      'li',
      {
        className: `card${urgent ? ' urgent' : ''}${changed ? ' changed' : ''}`,
        'data-need-id': n.id,
        'data-remaining': n.remainingQuantity,
      },
      h(
        'p',
        { className: 'card-tags' },
        h('span', { className: `chip kind-${n.kind.toLowerCase()}` }, KIND_LABELS[n.kind]),
        urgent ? h('span', { className: 'badge-urgent' }, 'dringend') : null,
        n.visibility === 'NETWORK'
          ? h(
              'span',
              { className: 'badge-network', title: 'Nur für das Netzwerk sichtbar' },
              'intern',
            )
          : null,
      ),
      h('h4', {}, n.title),
      h(
        'p',
        { className: 'card-missing' },
        n.remainingQuantity > 0 ? missingText(n) : filledText(n),
      ),
      h('div', { className: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })),
      h(
        'p',
        { className: 'card-meta' },
        [n.actor.name, n.region.name, when].filter(Boolean).join(' · '),
      ),
    );
  }
}
