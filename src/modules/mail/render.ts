// TEMPORARY stand-in for the mail module's renderer (branch h14-infra, interfaces.md), so the
// accounts module compiles before that branch is merged; the merge takes h14-infra's file.
export function renderMail(c: {
  subject: string;
  heading: string;
  paragraphs: string[];
  actions?: Array<{ label: string; url: string }>;
}): { subject: string; text: string; html: string } {
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const actions = c.actions ?? [];
  return {
    subject: c.subject,
    text: [c.heading, '', ...c.paragraphs, '', ...actions.map((a) => `${a.label}: ${a.url}`)].join(
      '\n',
    ),
    html: `<h1>${esc(c.heading)}</h1>${c.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${actions
      .map((a) => `<p><a href="${esc(a.url)}">${esc(a.label)}</a></p>`)
      .join('')}`,
  };
}
