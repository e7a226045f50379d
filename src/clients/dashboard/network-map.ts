// The network map: a region's actors as nodes coloured by kind, cooperations as edges, actors
// without any cooperation ringed in red, possible duplicate structures (overlaps) as dashed
// orange links. Clicking an actor shows its partners, open needs and cooperation suggestions.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import {
  DashboardActorDocument,
  DashboardNetworkDocument,
  type ActorKind,
  type DashboardNetworkQuery,
} from '../generated/graphql';
import { fill, h } from '../shared/dom';
import { KIND_LABELS as NEED_KIND_LABELS, missingText } from '../shared/need-format';
import type { DashboardClient } from './dashboard-client';

export const ACTOR_KINDS: Record<ActorKind, { label: string; color: string }> = {
  SCHOOL: { label: 'Schule', color: '#2563eb' },
  CLUB: { label: 'Verein', color: '#16a34a' },
  INITIATIVE: { label: 'Initiative', color: '#9333ea' },
  NETWORK_ROLE: { label: 'Koordination', color: '#0891b2' },
  MUNICIPALITY: { label: 'Gemeinde/Amt', color: '#475569' },
  VOLUNTEER_AGENCY: { label: 'Freiwilligenagentur', color: '#db2777' },
  COMPANY: { label: 'Unternehmen', color: '#ca8a04' },
  FOUNDATION: { label: 'Stiftung', color: '#c2410c' },
  ADVISORY_BOARD: { label: 'Beirat', color: '#65a30d' },
  FIRE_BRIGADE: { label: 'Feuerwehr', color: '#dc2626' },
  RELIGIOUS_COMMUNITY: { label: 'Kirchengemeinde', color: '#92400e' },
  OTHER: { label: 'Sonstige', color: '#64748b' },
};

type Network = DashboardNetworkQuery['network'];

/** Smallest node on screen, in CSS pixels, whatever the zoom. */
const MIN_NODE_PX = 12;

export class NetworkMap {
  readonly element: HTMLElement;
  private readonly stats = h('dl', { className: 'stats' });
  private readonly canvas = h('div', { className: 'map', id: 'network-map', role: 'img' });
  // Names as HTML over the canvas: a fixed, readable size at any zoom, and placed so that no
  // two overlap (the canvas's own labels shrank with the zoom and piled up on each other).
  private readonly labels = h('div', { className: 'map-labels', 'aria-hidden': 'true' });
  private readonly labelEls = new Map<string, { el: HTMLElement; w: number; h: number }>();
  private labelFrame = 0;
  private hovered: string | null = null;
  private readonly legend = h('ul', { className: 'legend', 'aria-label': 'Legende' });
  private readonly detail = h('div', { className: 'detail', 'aria-live': 'polite' });
  private cy: Core | null = null;
  private network: Network | null = null;
  private overlaps: DashboardNetworkQuery['overlaps'] = [];

  constructor(private readonly client: DashboardClient) {
    this.element = h(
      'div',
      { className: 'network-layout' },
      h(
        'div',
        { className: 'network-main' },
        this.stats,
        h('div', { className: 'map-wrap' }, this.canvas, this.labels),
        this.legend,
      ),
      h('aside', { className: 'detail-panel', 'aria-label': 'Details' }, this.detail),
    );
  }

  async show(regionId: string, regionName: string): Promise<void> {
    this.detail.replaceChildren(h('p', { className: 'hint' }, 'Netzwerk wird geladen …'));
    const data = await this.client.request(DashboardNetworkDocument, { regionId });
    this.network = data.network;
    this.overlaps = data.overlaps;
    this.renderStats();
    this.draw(regionName);
    this.renderOverview();
  }

  private renderStats(): void {
    const s = this.network!.stats;
    const item = (label: string, value: string, cls = '') =>
      h('div', { className: `stat ${cls}` }, h('dt', {}, label), h('dd', {}, value));
    this.stats.replaceChildren(
      item('Akteure', String(s.actorCount)),
      item('Kooperationen', String(s.cooperationCount)),
      item('Gruppen', String(s.componentCount)),
      item('ohne Kooperation', String(s.isolatedActorCount), s.isolatedActorCount ? 'warn' : ''),
      item(
        'Dichte',
        `${(s.density * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`,
      ),
      item(
        'mögliche Doppelstrukturen',
        String(this.overlaps.length),
        this.overlaps.length ? 'warn' : '',
      ),
    );
  }

  private elements(): { elements: ElementDefinition[]; isolated: Set<string> } {
    const net = this.network!;
    const ids = new Set(net.actors.map((a) => a.id));
    const degree = new Map<string, number>();
    const edges: ElementDefinition[] = [];
    const seen = new Set<string>();
    for (const c of net.cooperations) {
      const members = c.participants.map((p) => p.id).filter((id) => ids.has(id));
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const [a, b] = [members[i], members[j]].sort();
          const key = `${a}|${b}`;
          degree.set(a, (degree.get(a) ?? 0) + 1);
          degree.set(b, (degree.get(b) ?? 0) + 1);
          if (seen.has(key)) continue;
          seen.add(key);
          edges.push({
            data: { id: `c:${key}`, source: a, target: b, title: c.title },
            classes: 'coop',
          });
        }
      }
    }
    for (const o of this.overlaps) {
      const members = o.actors.map((a) => a.id).filter((id) => ids.has(id));
      for (let i = 1; i < members.length; i++) {
        edges.push({
          data: { id: `o:${members[0]}|${members[i]}`, source: members[0], target: members[i] },
          classes: 'overlap',
        });
      }
    }
    const isolated = new Set(net.actors.filter((a) => !degree.get(a.id)).map((a) => a.id));
    const overlapping = new Set(this.overlaps.flatMap((o) => o.actors.map((a) => a.id)));
    const nodes: ElementDefinition[] = net.actors.map((a) => ({
      data: {
        id: a.id,
        label: a.name.length > 30 ? `${a.name.slice(0, 28)}…` : a.name,
        degree: degree.get(a.id) ?? 0,
        color: ACTOR_KINDS[a.kind].color,
        size: 18 + Math.min(30, (degree.get(a.id) ?? 0) * 4),
      },
      classes: [isolated.has(a.id) ? 'isolated' : '', overlapping.has(a.id) ? 'overlapping' : '']
        .filter(Boolean)
        .join(' '),
    }));
    return { elements: [...nodes, ...edges], isolated };
  }

  private draw(regionName: string): void {
    const { elements, isolated } = this.elements();
    // Fitting a whole region scales everything down; rings, lines and nodes keep a size on
    // screen that can be seen and clicked (the names are HTML, see placeLabels).
    const zoom = () => this.cy?.zoom() ?? 1;
    const screenPx = (px: number) => () => px / zoom();
    const nodeSize = (n: cytoscape.NodeSingular) =>
      Math.max(n.data('size') as number, MIN_NODE_PX / zoom());
    this.cy?.destroy();
    this.canvas.setAttribute(
      'aria-label',
      `Netzwerkkarte ${regionName}: ${this.network!.stats.actorCount} Akteure, ${this.network!.stats.cooperationCount} Kooperationen, ${isolated.size} ohne Kooperation`,
    );
    this.cy = cytoscape({
      container: this.canvas,
      elements,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            width: nodeSize,
            height: nodeSize,
            'border-width': screenPx(2),
            'border-color': '#ffffff',
          },
        },
        {
          selector: 'node.isolated',
          style: {
            'border-color': '#dc2626',
            'border-width': screenPx(3),
            'border-style': 'dashed',
          },
        },
        {
          selector: 'node.overlapping',
          style: { 'outline-color': '#f59e0b', 'outline-width': screenPx(3) } as never,
        },
        {
          selector: 'edge.coop',
          style: { width: screenPx(1.5), 'line-color': '#94a3b8', 'curve-style': 'haystack' },
        },
        {
          selector: 'edge.overlap',
          style: {
            width: screenPx(2),
            'line-color': '#f59e0b',
            'line-style': 'dashed',
            'curve-style': 'bezier',
          },
        },
        { selector: '.faded', style: { opacity: 0.15 } },
        {
          selector: 'node:selected',
          style: {
            'border-color': '#111827',
            'border-width': screenPx(4),
            'border-style': 'solid',
          },
        },
      ],
      layout: {
        name: 'cose',
        animate: false,
        randomize: false,
        // Room for the names between the nodes, and less pull into the middle.
        nodeRepulsion: () => 100000,
        idealEdgeLength: () => 120,
        edgeElasticity: () => 100,
        gravity: 0.5,
        padding: 30,
      } as cytoscape.LayoutOptions,
    });
    this.canvas.dataset.nodeCount = String(this.cy.nodes().length);
    this.canvas.dataset.edgeCount = String(this.cy.edges('.coop').length);
    const spans = this.cy
      .nodes()
      .map((n) => h('span', { 'data-node-id': n.id() }, String(n.data('label'))));
    fill(this.labels, ...spans);
    // Measured once (one layout pass): the text and its size never change.
    this.labelEls.clear();
    for (const el of spans) {
      this.labelEls.set(el.dataset.nodeId!, { el, w: el.offsetWidth, h: el.offsetHeight });
    }
    this.cy.on('zoom', () => this.cy?.style().update());
    this.cy.on('viewport resize position select unselect', () => this.scheduleLabels());
    this.cy.on('mouseover', 'node', (ev) => {
      this.hovered = ev.target.id();
      this.scheduleLabels();
    });
    this.cy.on('mouseout', 'node', () => {
      this.hovered = null;
      this.scheduleLabels();
    });
    this.placeLabels();
    this.cy.on('tap', 'node', (ev) => void this.select(ev.target.id()));
    this.cy.on('tap', (ev) => {
      if (ev.target === this.cy) this.clearSelection();
    });
    this.renderLegend(isolated.size);
  }

  private scheduleLabels(): void {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.placeLabels();
    });
  }

  /**
   * Places each name below (else above, right or left of) its node where it overlaps no name
   * placed before it and stays inside the map; names that find no room are hidden until the
   * user zooms in, points at the node or selects it. The hovered and selected actors and their
   * partners go first, then the best connected ones.
   */
  private placeLabels(): void {
    const cy = this.cy;
    if (!cy) return;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const selected = cy.$('node:selected');
    const focus = new Set<string>([
      ...(this.hovered ? [this.hovered] : []),
      ...selected.closedNeighborhood('node').map((n) => n.id()),
    ]);
    const nodes = cy
      .nodes()
      .toArray()
      .sort(
        (a, b) =>
          Number(focus.has(b.id())) - Number(focus.has(a.id())) ||
          Number(b.selected()) - Number(a.selected()) ||
          b.data('degree') - a.data('degree'),
      );
    const placed: Array<{ x: number; y: number; w: number; h: number }> = [];
    const GAP = 2;
    const free = (r: { x: number; y: number; w: number; h: number }) =>
      r.x >= 0 &&
      r.y >= 0 &&
      r.x + r.w <= width &&
      r.y + r.h <= height &&
      placed.every(
        (p) =>
          r.x + r.w + GAP <= p.x ||
          p.x + p.w + GAP <= r.x ||
          r.y + r.h + GAP <= p.y ||
          p.y + p.h + GAP <= r.y,
      );
    for (const node of nodes) {
      const label = this.labelEls.get(node.id());
      if (!label) continue;
      const { el, w, h: hgt } = label;
      const { x, y } = node.renderedPosition();
      const r = node.renderedOuterWidth() / 2 + 2;
      const spots = [
        { x: x - w / 2, y: y + r },
        { x: x - w / 2, y: y - r - hgt },
        { x: x + r, y: y - hgt / 2 },
        { x: x - r - w, y: y - hgt / 2 },
      ];
      const spot = spots.find(
        (p) =>
          free({ x: p.x, y: p.y, w, h: hgt }) || (node.id() === this.hovered && p === spots[0]),
      );
      el.hidden = !spot;
      if (!spot) continue;
      placed.push({ x: spot.x, y: spot.y, w, h: hgt });
      el.style.transform = `translate(${Math.round(spot.x)}px, ${Math.round(spot.y)}px)`;
      el.classList.toggle('faded', node.hasClass('faded'));
    }
  }

  private renderLegend(isolatedCount: number): void {
    const kinds = new Set(this.network!.actors.map((a) => a.kind));
    fill(
      this.legend,
      ...[...kinds].map((k) =>
        h(
          'li',
          {},
          h('span', { className: 'dot', style: `background:${ACTOR_KINDS[k].color}` }),
          ACTOR_KINDS[k].label,
        ),
      ),
      isolatedCount
        ? h('li', {}, h('span', { className: 'dot isolated' }), 'ohne Kooperation')
        : null,
      this.overlaps.length
        ? h('li', {}, h('span', { className: 'line overlap' }), 'mögliche Doppelstruktur')
        : null,
    );
  }

  private clearSelection(): void {
    this.cy?.elements().removeClass('faded');
    this.scheduleLabels();
    this.renderOverview();
  }

  /** Without a selection: what deserves a coordinator's attention. */
  private renderOverview(): void {
    const net = this.network!;
    const byId = new Map(net.actors.map((a) => [a.id, a]));
    const isolated = this.cy ? this.cy.nodes('.isolated').map((n) => byId.get(n.id())!) : [];
    this.detail.replaceChildren(
      h('h3', {}, 'Worauf achten?'),
      h(
        'p',
        { className: 'hint' },
        'Klicken Sie auf einen Akteur, um Partner, offene Bedarfe und Vorschläge zu sehen.',
      ),
      h('h4', {}, `Mögliche Doppelstrukturen (${this.overlaps.length})`),
      this.overlaps.length
        ? h(
            'ul',
            { className: 'plain' },
            ...this.overlaps
              .slice(0, 8)
              .map((o) =>
                h(
                  'li',
                  {},
                  this.actorLinks(o.actors),
                  h(
                    'span',
                    { className: 'hint' },
                    o.sharedTopics.length
                      ? ` – gemeinsame Themen: ${o.sharedTopics.join(', ')}`
                      : ' – ähnliche Themen, aber keines haben alle gemeinsam',
                  ),
                ),
              ),
          )
        : h('p', { className: 'hint' }, 'Keine gefunden.'),
      h('h4', {}, `Ohne Kooperation (${isolated.length})`),
      isolated.length
        ? h(
            'ul',
            { className: 'plain' },
            ...isolated.slice(0, 12).map((a) => h('li', {}, this.actorLink(a.id, a.name))),
          )
        : h('p', { className: 'hint' }, 'Alle Akteure sind vernetzt.'),
    );
  }

  private actorLink(id: string, name: string): HTMLButtonElement {
    return h(
      'button',
      { type: 'button', className: 'link', onclick: () => void this.select(id) },
      name,
    );
  }

  private actorLinks(actors: Array<{ id: string; name: string }>): HTMLElement {
    const span = h('span');
    actors.forEach((a, i) => {
      if (i) span.append(' & ');
      span.append(this.actorLink(a.id, a.name));
    });
    return span;
  }

  private async select(id: string): Promise<void> {
    const cy = this.cy;
    if (cy) {
      const node = cy.getElementById(id);
      cy.elements().addClass('faded');
      node.closedNeighborhood().removeClass('faded');
      cy.$(':selected').unselect();
      node.select();
    }
    this.detail.replaceChildren(h('p', { className: 'hint' }, 'Wird geladen …'));
    const data = await this.client.request(DashboardActorDocument, { id });
    const a = data.actor;
    if (!a) {
      this.detail.replaceChildren(h('p', {}, 'Dieser Akteur ist nicht (mehr) sichtbar.'));
      return;
    }
    const back = h(
      'button',
      { type: 'button', className: 'link', onclick: () => this.clearSelection() },
      '← Übersicht',
    );
    fill(
      this.detail,
      back,
      h('h3', { id: 'actor-title' }, a.name),
      h(
        'p',
        { className: 'card-tags' },
        h('span', { className: 'dot', style: `background:${ACTOR_KINDS[a.kind].color}` }),
        `${ACTOR_KINDS[a.kind].label} · ${a.region.name}`,
      ),
      a.description ? h('p', {}, a.description) : null,
      a.topics.length ? h('p', { className: 'hint' }, `Themen: ${a.topics.join(', ')}`) : null,
      h('h4', {}, `Partner (${a.partners.length})`),
      a.partners.length
        ? h(
            'ul',
            { className: 'plain' },
            ...a.partners.map((p) =>
              h(
                'li',
                {},
                this.actorLink(p.id, p.name),
                h('span', { className: 'hint' }, ` · ${ACTOR_KINDS[p.kind].label}`),
              ),
            ),
          )
        : h('p', { className: 'hint warn-text' }, 'Noch keine aktive Kooperation.'),
      h('h4', {}, `Offene Bedarfe (${a.needs.nodes.length})`),
      a.needs.nodes.length
        ? h(
            'ul',
            { className: 'plain' },
            ...a.needs.nodes.map((n) =>
              h(
                'li',
                {},
                `${n.title} `,
                h(
                  'span',
                  { className: 'hint' },
                  `(${NEED_KIND_LABELS[n.kind]}, ${missingText(n)})`,
                ),
              ),
            ),
          )
        : h('p', { className: 'hint' }, 'Keine.'),
      h('h4', {}, 'Kooperationsvorschläge'),
      data.cooperationSuggestions.length
        ? h(
            'ol',
            { className: 'suggestions' },
            ...data.cooperationSuggestions.map((s) =>
              h(
                'li',
                {},
                this.actorLink(s.actor.id, s.actor.name),
                h(
                  'span',
                  { className: 'score', title: 'Je höher, desto besser passt es' },
                  ` · Passung ${s.score.toLocaleString('de-DE', { maximumFractionDigits: 1 })}`,
                ),
                h('ul', { className: 'reasons' }, ...s.reasons.map((r) => h('li', {}, r))),
              ),
            ),
          )
        : h('p', { className: 'hint' }, 'Keine Vorschläge.'),
    );
    (this.detail.querySelector('#actor-title') as HTMLElement | null)?.setAttribute(
      'tabindex',
      '-1',
    );
  }
}
