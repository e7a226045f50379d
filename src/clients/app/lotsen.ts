// The Lotsen screens of the workspace (a chunk of its own, loaded when first opened):
//   #/lotsen                 a member: their actors' questions; a pilot: those assigned to them
//   #/lotsen/neu             a member asks the Lotsen (field errors of the API at the field)
//   #/lotsen/warteschlange   a coordinator: open and overdue questions of their regions
//   #/lotsen/<id>            one consultation: the thread, replying, and for a coordinator the
//                            suggested pilots with their reasons and assigning one
// There is no subscription for a consultation's thread: a shown thread or list is loaded again
// when the page regains focus.
import {
  AppAskPilotsDocument,
  AppAssignConsultationDocument,
  AppConsultationDocument,
  AppConsultationsDocument,
  AppReplyToConsultationDocument,
  type AppConsultationQuery,
  type AppConsultationRowFragment,
  type ExpertiseArea,
} from '../generated/graphql';
import { fill, h } from '../shared/dom';
import type { DashboardError } from '../shared/hub-client';
import { AREA_LABELS } from '../shared/expertise-areas';
import {
  forbiddenPage,
  germanDate,
  germanDateTime,
  germanError,
  isCoordinator,
  STATUS_LABELS,
  type AppContext,
} from './app-context';

type Row = AppConsultationRowFragment;
type Detail = Extract<NonNullable<AppConsultationQuery['node']>, { __typename?: 'Consultation' }>;

export async function lotsenScreen(ctx: AppContext, route: string): Promise<HTMLElement> {
  const rest = route.replace(/^\/lotsen\/?/, '');
  try {
    if (rest === '') return await listScreen(ctx);
    if (rest === 'neu') return askScreen(ctx);
    if (rest === 'warteschlange') return await queueScreen(ctx);
    return await threadScreen(ctx, decodeURIComponent(rest));
  } catch (e) {
    const err = e as DashboardError;
    if (err.code === 'FORBIDDEN') return forbiddenPage();
    return screen('Das hat nicht geklappt', h('p', { role: 'alert' }, germanError(err)));
  }
}

function screen(title: string, ...content: Array<Node | null>): HTMLElement {
  return h(
    'section',
    { className: 'screen', 'aria-labelledby': 'screen-title' },
    h('h1', { id: 'screen-title', tabindex: '-1' }, title),
    ...content,
  );
}

function rowList(rows: Row[], empty: string, showPilot: boolean): HTMLElement {
  if (rows.length === 0) return h('p', { className: 'empty' }, empty);
  return h(
    'ul',
    { className: 'cards' },
    ...rows.map((c) =>
      h(
        'li',
        { className: 'card' },
        h('a', { href: `#/lotsen/${encodeURIComponent(c.id)}` }, c.subject),
        h(
          'p',
          { className: 'meta' },
          `${AREA_LABELS[c.area]} · ${c.actor.name} · gestellt am ${germanDate(c.createdAt)}`,
          c.dueAt && (c.status === 'OPEN' || c.status === 'ASSIGNED')
            ? ` · Antwort bis ${germanDate(c.dueAt)}`
            : '',
        ),
        h(
          'p',
          { className: `status status-${c.status.toLowerCase()}` },
          STATUS_LABELS[c.status],
          showPilot && c.pilot ? `: ${c.pilot.displayName}` : '',
        ),
      ),
    ),
  );
}

/** A member's questions, or a pilot's assigned consultations. */
async function listScreen(ctx: AppContext): Promise<HTMLElement> {
  if (ctx.viewer.role !== 'MEMBER' && ctx.viewer.role !== 'PILOT') {
    if (isCoordinator(ctx.viewer)) {
      ctx.navigate('/lotsen/warteschlange');
      return screen('Lotsen: Warteschlange', h('p', {}, 'Wird geladen …'));
    }
    return forbiddenPage();
  }
  const pilot = ctx.viewer.role === 'PILOT';
  const body = h('div', {});
  const load = async () => {
    const { consultations } = await ctx.client.request(AppConsultationsDocument, { filter: {} });
    body.replaceChildren(
      rowList(
        consultations.nodes,
        pilot
          ? 'Ihnen ist gerade keine Frage zugewiesen.'
          : 'Sie haben den Lotsen noch keine Frage gestellt.',
        !pilot,
      ),
    );
  };
  await load();
  ctx.onFocus(() => void load().catch(() => undefined));
  return screen(
    pilot ? 'Meine Beratungen' : 'Unsere Fragen an die Lotsen',
    h(
      'p',
      { className: 'intro' },
      pilot
        ? 'Die Fragen, die die Koordination Ihnen zugewiesen hat. Ihre erste Antwort gilt als Antwort der Lotsen.'
        : 'Ehrenamtslotsen sind erfahrene Ehrenamtliche, die Vereinen bei schwierigen Fragen helfen. Nur Ihr Verein, der zuständige Lotse und die Koordination sehen Ihre Fragen.',
    ),
    pilot
      ? null
      : h('p', {}, h('a', { href: '#/lotsen/neu', className: 'button' }, 'Neue Frage stellen')),
    body,
  );
}

const ASK_FIELD_MESSAGES: Record<string, string> = {
  actorId: 'Bitte wählen Sie, für wen Sie fragen.',
  area: 'Bitte wählen Sie ein Fachgebiet.',
  subject: 'Bitte geben Sie einen Betreff ein (1 bis 200 Zeichen).',
  question: 'Bitte schreiben Sie Ihre Frage auf (höchstens 10.000 Zeichen).',
};

/** A labelled field with its error message tied to it. */
function field(
  id: string,
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): { wrap: HTMLElement; error: HTMLElement } {
  const error = h('p', { className: 'field-error', id: `${id}-error`, hidden: true });
  const hintEl = hint ? h('p', { className: 'hint', id: `${id}-hint` }, hint) : null;
  control.id = id;
  control.setAttribute(
    'aria-describedby',
    [hintEl ? `${id}-hint` : '', `${id}-error`].join(' ').trim(),
  );
  return {
    wrap: h('div', { className: 'field' }, h('label', { for: id }, label), hintEl, control, error),
    error,
  };
}

function showFieldError(control: HTMLElement, error: HTMLElement, message: string | null): void {
  error.textContent = message ?? '';
  error.hidden = !message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/** A member asks the Lotsen for one of their actors. */
function askScreen(ctx: AppContext): HTMLElement {
  if (ctx.viewer.role !== 'MEMBER' || ctx.viewer.actors.length === 0) return forbiddenPage();
  const actor = h('select', { name: 'actorId' });
  for (const a of ctx.viewer.actors) actor.append(h('option', { value: a.id }, a.name));
  const area = h('select', { name: 'area' });
  for (const [value, label] of Object.entries(AREA_LABELS)) {
    area.append(h('option', { value }, label));
  }
  const subject = h('input', { name: 'subject', type: 'text', maxlength: 200 });
  const question = h('textarea', { name: 'question', rows: 8 });
  const fields = {
    actorId: { control: actor, ...field('ask-actor', 'Für', actor) },
    area: { control: area, ...field('ask-area', 'Fachgebiet', area) },
    subject: {
      control: subject,
      ...field('ask-subject', 'Betreff', subject, 'Worum geht es, in wenigen Worten?'),
    },
    question: {
      control: question,
      ...field(
        'ask-question',
        'Ihre Frage',
        question,
        'Bitte ohne Namen von Mitgliedern oder anderen Personen.',
      ),
    },
  };
  const formError = h('p', { className: 'error', role: 'alert', hidden: true });
  const send = h('button', { type: 'submit', className: 'primary' }, 'Frage senden');
  const form = h(
    'form',
    { className: 'form', novalidate: true },
    ...Object.values(fields).map((f) => f.wrap),
    formError,
    send,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const f of Object.values(fields)) showFieldError(f.control, f.error, null);
    formError.hidden = true;
    send.disabled = true;
    ctx.client
      .request(AppAskPilotsDocument, {
        input: {
          actorId: actor.value,
          area: area.value as ExpertiseArea,
          subject: subject.value,
          question: question.value,
        },
      })
      .then(
        ({ askPilots }) => ctx.navigate(`/lotsen/${encodeURIComponent(askPilots.id)}`),
        (e: DashboardError) => {
          const name = String(e.extensions.field ?? '').replace(/^input\./, '');
          const f = fields[name as keyof typeof fields];
          if (e.code === 'BAD_USER_INPUT' && f) {
            showFieldError(f.control, f.error, ASK_FIELD_MESSAGES[name]);
            f.control.focus();
          } else {
            formError.textContent = germanError(e);
            formError.hidden = false;
          }
        },
      )
      .finally(() => (send.disabled = false));
  });
  return screen(
    'Die Lotsen fragen',
    h(
      'p',
      { className: 'intro' },
      'Die Koordination gibt Ihre Frage an einen passenden Lotsen weiter. Eine Antwort kommt in der Regel innerhalb von 14 Tagen; Sie bekommen dann eine E-Mail.',
    ),
    form,
  );
}

/** The coordinator's queue: what waits for a pilot, and what is overdue. */
async function queueScreen(ctx: AppContext): Promise<HTMLElement> {
  // The consultation list never fails (it shows each caller what they may see), so the screen
  // asks who the hub says the caller is; only coordinators distribute questions.
  if (!isCoordinator(ctx.viewer)) return forbiddenPage();
  const open = h('div', {});
  const overdue = h('div', {});
  const load = async () => {
    const [a, b] = await Promise.all([
      ctx.client.request(AppConsultationsDocument, { filter: { status: ['OPEN'] } }),
      ctx.client.request(AppConsultationsDocument, { filter: { overdue: true } }),
    ]);
    open.replaceChildren(rowList(a.consultations.nodes, 'Keine offenen Fragen.', true));
    overdue.replaceChildren(rowList(b.consultations.nodes, 'Nichts ist überfällig.', true));
  };
  await load();
  ctx.onFocus(() => void load().catch(() => undefined));
  return screen(
    'Lotsen: Warteschlange',
    h(
      'p',
      { className: 'intro' },
      'Fragen der Vereine aus Ihren Regionen. Öffnen Sie eine Frage, um einen Lotsen zuzuweisen.',
    ),
    h('h2', {}, 'Warten auf einen Lotsen'),
    open,
    h('h2', {}, 'Überfällig (noch nicht beantwortet)'),
    overdue,
  );
}

/** One consultation: question, thread, reply; for coordinators the suggested pilots. */
async function threadScreen(ctx: AppContext, id: string): Promise<HTMLElement> {
  const coordinator = isCoordinator(ctx.viewer);
  const live = h('p', { className: 'sr', role: 'status' });
  const content = h('div', {});
  let c: Detail | null = null;
  let count = -1;
  const load = async () => {
    const { node } = await ctx.client.request(AppConsultationDocument, {
      id,
      suggest: coordinator,
    });
    if (!node || node.__typename !== 'Consultation') {
      c = null;
      return;
    }
    c = node as Detail;
    if (count >= 0 && c.messages.length > count) live.textContent = 'Neue Nachricht im Verlauf.';
    count = c.messages.length;
  };
  await load();
  if (!c) {
    return screen(
      'Diese Anfrage gibt es nicht',
      h(
        'p',
        {},
        'Vielleicht ist der Link unvollständig, oder die Anfrage gehört zu einem anderen Verein oder einer anderen Region.',
      ),
    );
  }
  const title = h('h1', { id: 'screen-title', tabindex: '-1' });
  const el = h(
    'section',
    { className: 'screen', 'aria-labelledby': 'screen-title' },
    title,
    live,
    content,
  );
  const render = () => {
    const d = c!;
    title.textContent = d.subject;
    const canReply = d.status !== 'CLOSED' && d.status !== 'WITHDRAWN';
    fill(
      content,
      h(
        'p',
        { className: 'meta' },
        `${AREA_LABELS[d.area]} · ${d.actor.name} · gestellt am ${germanDate(d.createdAt)}`,
      ),
      h(
        'p',
        { className: `status status-${d.status.toLowerCase()}` },
        `Stand: ${STATUS_LABELS[d.status]}`,
        d.pilot ? ` (${d.pilot.displayName})` : '',
        d.dueAt && (d.status === 'OPEN' || d.status === 'ASSIGNED')
          ? ` · Antwort bis ${germanDate(d.dueAt)}`
          : '',
      ),
      h('h2', {}, 'Die Frage'),
      h('p', { className: 'question' }, d.question),
      h('h2', {}, 'Verlauf'),
      d.messages.length === 0
        ? h('p', { className: 'empty' }, 'Noch keine Nachrichten.')
        : h(
            'ol',
            { className: 'thread' },
            ...d.messages.map((m) =>
              h(
                'li',
                {},
                h(
                  'p',
                  { className: 'meta' },
                  h('strong', {}, m.author),
                  ` am ${germanDateTime(m.createdAt)}`,
                ),
                h('p', { className: 'body' }, m.body),
              ),
            ),
          ),
      // A coordinator's task here is mostly assigning: the pilots come before the message form.
      coordinator && canReply ? suggestions(ctx, d, refresh) : null,
      canReply ? replyForm(ctx, d, refresh) : null,
    );
  };
  async function refresh(): Promise<void> {
    await load();
    if (c) render();
  }
  render();
  ctx.onFocus(() => void refresh().catch(() => undefined));
  return el;
}

function replyForm(ctx: AppContext, c: Detail, refresh: () => Promise<void>): HTMLElement {
  const pilot = ctx.viewer.role === 'PILOT';
  const body = h('textarea', { name: 'body', rows: 6 });
  const f = field(
    'reply-body',
    pilot ? 'Ihre Antwort' : 'Ihre Nachricht',
    body,
    pilot && c.status === 'ASSIGNED'
      ? 'Mit Ihrer ersten Antwort gilt die Frage als beantwortet.'
      : undefined,
  );
  const formError = h('p', { className: 'error', role: 'alert', hidden: true });
  const send = h('button', { type: 'submit', className: 'primary' }, 'Senden');
  const form = h('form', { className: 'form', novalidate: true }, f.wrap, formError, send);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    showFieldError(body, f.error, null);
    formError.hidden = true;
    send.disabled = true;
    ctx.client.request(AppReplyToConsultationDocument, { id: c.id, body: body.value }).then(
      async () => {
        await refresh();
        document.getElementById('screen-title')?.focus();
      },
      (e: DashboardError) => {
        send.disabled = false;
        if (e.code === 'BAD_USER_INPUT') {
          showFieldError(
            body,
            f.error,
            'Bitte schreiben Sie eine Nachricht (höchstens 10.000 Zeichen).',
          );
          body.focus();
        } else {
          formError.textContent = germanError(e);
          formError.hidden = false;
        }
      },
    );
  });
  return h(
    'section',
    { 'aria-labelledby': 'reply-title' },
    h('h2', { id: 'reply-title' }, pilot ? 'Antworten' : 'Nachricht schreiben'),
    form,
  );
}

/** The suggested pilots with their German reasons; assigning one, over capacity if need be. */
function suggestions(ctx: AppContext, c: Detail, refresh: () => Promise<void>): HTMLElement {
  const notice = h('div', { className: 'notice-box', role: 'alert', hidden: true });
  const assign = (pilotId: string, name: string, overCapacity: boolean) => {
    notice.hidden = true;
    ctx.client.request(AppAssignConsultationDocument, { id: c.id, pilotId, overCapacity }).then(
      async () => {
        await refresh();
        document.getElementById('screen-title')?.focus();
      },
      (e: DashboardError) => {
        if (e.code === 'CONFLICT' && e.extensions.reason === 'PILOT_CAPACITY') {
          const anyway = h(
            'button',
            { type: 'button', className: 'secondary' },
            `Trotzdem ${name} zuweisen`,
          );
          anyway.addEventListener('click', () => assign(pilotId, name, true));
          notice.replaceChildren(
            h('p', {}, `${name} hat in diesem Monat keine Beratung mehr frei.`),
            h(
              'p',
              {},
              'Sie können einen anderen Lotsen wählen oder die Frage trotzdem zuweisen, wenn Sie das mit dem Lotsen abgesprochen haben.',
            ),
            anyway,
          );
        } else {
          notice.replaceChildren(h('p', {}, germanError(e)));
        }
        notice.hidden = false;
        notice.querySelector('button')?.focus();
      },
    );
  };
  const list = c.suggestedPilots ?? [];
  return h(
    'section',
    { 'aria-labelledby': 'suggest-title', className: 'suggestions' },
    h('h2', { id: 'suggest-title' }, c.pilot ? 'Anderen Lotsen zuweisen' : 'Passende Lotsen'),
    list.length === 0
      ? h(
          'p',
          { className: 'empty' },
          'Für dieses Fachgebiet und diese Region gibt es gerade keinen Lotsen.',
        )
      : h(
          'ul',
          { className: 'cards' },
          ...list.map((s) => {
            const button = h(
              'button',
              { type: 'button', className: 'primary' },
              `${s.pilot.displayName} zuweisen`,
            );
            button.disabled = c.pilot?.id === s.pilot.id;
            button.addEventListener('click', () => assign(s.pilot.id, s.pilot.displayName, false));
            return h(
              'li',
              { className: 'card' },
              h('p', { className: 'name' }, h('strong', {}, s.pilot.displayName)),
              h('ul', { className: 'reasons' }, ...s.reasons.map((r) => h('li', {}, r))),
              button,
            );
          }),
        ),
    notice,
  );
}
