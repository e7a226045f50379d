// view="faq": what the Ehrenamtslotsen answered, published as the knowledge base (anonymised by
// the coordination), searchable with the hub's German full text ("Übungsleiterpauschale",
// "Versicherung Helfer Fest"). Each answer opens in place (details/summary: keyboard and screen
// readers know it); the search says how many answers it found (and the element's live region says it aloud).
import { WidgetKnowledgeDocument, type WidgetKnowledgeQuery } from '../generated/graphql';
import { h, uid } from '../shared/dom';
import { AREA_LABELS } from '../shared/expertise-areas';
import { HubError } from './hub-transport';
import type { ViewHost, WidgetView } from './view-host';

type Article = WidgetKnowledgeQuery['knowledgeArticles']['nodes'][number];

const date = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export class FaqView implements WidgetView {
  private readonly list: HTMLUListElement;
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly count: HTMLElement;
  private searched = '';

  constructor(private readonly host: ViewHost) {
    this.list = h('ul', { className: 'faq', 'aria-labelledby': host.heading.id });
    const inputId = uid('en-faq-text');
    this.input = h('input', {
      id: inputId,
      type: 'search',
      name: 'text',
      maxlength: 200,
      autocomplete: 'off',
    });
    this.count = h('p', { className: 'hint faq-count' });
    this.form = h(
      'form',
      { className: 'faq-search', role: 'search' },
      h('label', { for: inputId }, 'Frage oder Stichwort'),
      this.input,
      h('button', { type: 'submit' }, 'Suchen'),
    );
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.searched = this.input.value.trim();
      void this.load();
    });
  }

  stop(): void {}

  async load(): Promise<void> {
    const { host } = this;
    host.heading.textContent = 'Antworten der Ehrenamtslotsen';
    host.where.textContent = 'Fragen aus Vereinen, Schulen und Initiativen';
    host.setLive(null);
    try {
      const data = await host.hub.request(WidgetKnowledgeDocument, {
        text: this.searched || null,
        first: host.limit,
      });
      if (!host.current()) return;
      this.render(data.knowledgeArticles.nodes, data.knowledgeArticles.totalCount);
      host.ready();
    } catch (e) {
      if (!host.current()) return;
      const err = e instanceof HubError ? e : new HubError('ERROR', String(e));
      host.showMessage(
        err.code === 'NETWORK'
          ? 'Die Antworten können gerade nicht geladen werden, weil der Engagement-Hub nicht erreichbar ist.'
          : err.code === 'BAD_USER_INPUT'
            ? 'Diese Suche geht so nicht. Bitte versuchen Sie andere Wörter.'
            : 'Die Antworten können gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
        true,
      );
    }
  }

  private render(articles: Article[], total: number): void {
    const { host } = this;
    this.list.replaceChildren(...articles.map((a) => this.item(a)));
    const shown = articles.length;
    this.count.textContent = this.searched
      ? total === 0
        ? `Zu „${this.searched}“ gibt es noch keine Antwort.`
        : `${total === 1 ? 'Eine Antwort' : `${total} Antworten`} zu „${this.searched}“.`
      : '';
    // Screen readers hear it through the element's one live region.
    if (this.searched) host.announcer.textContent = this.count.textContent;
    const body: HTMLElement[] = [this.form, this.count];
    if (shown > 0) body.push(this.list);
    else if (!this.searched)
      body.push(h('p', { className: 'empty' }, 'Noch sind keine Antworten veröffentlicht.'));
    // Not answered yet: members of a club, school or initiative ask in the hub's workspace.
    body.push(
      h(
        'p',
        { className: 'ask' },
        'Ihre Frage ist nicht dabei? ',
        h(
          'a',
          {
            href: `${new URL(host.hub.httpUrl).origin}/app#/lotsen/neu`,
            target: '_blank',
            rel: 'noopener',
          },
          'Frage an die Lotsen stellen',
        ),
        ' (für Mitglieder von Vereinen, Schulen und Initiativen, nach der Anmeldung; öffnet in neuem Fenster)',
      ),
    );
    host.content.replaceChildren(...body);
    const hidden = total - shown;
    host.more.hidden = hidden <= 0;
    host.more.textContent =
      hidden === 1
        ? 'Eine weitere Antwort passt: Suchen Sie genauer.'
        : `${hidden} weitere Antworten passen: Suchen Sie genauer.`;
    host.setJsonLd(null);
  }

  private item(a: Article): HTMLLIElement {
    const meta = [AREA_LABELS[a.area], a.region?.name, date.format(new Date(a.publishedAt))]
      .filter(Boolean)
      .join(' · ');
    return h(
      'li',
      { 'data-article-id': a.id },
      h(
        'details',
        {},
        h('summary', {}, a.title),
        h('p', { className: 'answer' }, a.body),
        h('p', { className: 'meta' }, meta),
      ),
    );
  }
}
