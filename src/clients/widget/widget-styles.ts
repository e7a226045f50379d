// Shadow-DOM styles. Every colour, the font and the corner radius come from CSS custom
// properties, so a municipality restyles the widget from its own stylesheet:
//   engagement-needs { --en-accent: #005ca9; --en-font: 'Source Sans 3', sans-serif; }
// Defaults keep a contrast of at least 4.5:1 for text and 3:1 for borders and focus rings.
export const WIDGET_CSS = `
:host {
  --en-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --en-text: #1f2933;
  --en-muted: #4b5563;
  --en-bg: #ffffff;
  --en-card-bg: #f8fafc;
  --en-border: #cbd5e1;
  --en-accent: #0b6e4f;
  --en-accent-text: #ffffff;
  --en-accent-soft: #e3f2ec;
  --en-urgent: #b42318;
  --en-focus: #1d4ed8;
  --en-radius: 10px;
  display: block;
  font-family: var(--en-font);
  color: var(--en-text);
  line-height: 1.45;
  font-size: 1rem;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.en { background: var(--en-bg); border: 1px solid var(--en-border); border-radius: var(--en-radius); padding: 1rem 1.1rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; margin-bottom: .75rem; }
h2 { font-size: 1.2rem; margin: 0; }
.where { color: var(--en-muted); margin: 0; }
.live { margin-left: auto; font-size: .8rem; color: var(--en-muted); display: inline-flex; align-items: center; gap: .35rem; }
.live::before { content: ''; width: .55rem; height: .55rem; border-radius: 50%; background: #94a3b8; }
.live[data-status='live']::before { background: #15803d; }
.live[data-status='offline']::before { background: var(--en-urgent); }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
.need { background: var(--en-card-bg); border: 1px solid var(--en-border); border-left: 4px solid var(--en-accent); border-radius: var(--en-radius); padding: .8rem 1rem; }
.need.urgent { border-left-color: var(--en-urgent); }
.need.changed { animation: flash 1.6s ease-out; }
@keyframes flash { from { background: var(--en-accent-soft); } }
@media (prefers-reduced-motion: reduce) { .need.changed { animation: none; outline: 2px solid var(--en-accent); } }
.tags { margin: 0 0 .2rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--en-muted); }
.tags .u { color: var(--en-urgent); font-weight: 700; }
h3 { font-size: 1.05rem; margin: 0 0 .35rem; }
.missing { margin: 0 0 .35rem; font-weight: 700; color: var(--en-accent); }
.urgent .missing { color: var(--en-urgent); }
.bar { height: .4rem; background: var(--en-border); border-radius: 1rem; overflow: hidden; margin-bottom: .5rem; }
.bar > span { display: block; height: 100%; background: var(--en-accent); }
dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; margin: 0 0 .6rem; font-size: .92rem; }
dt { color: var(--en-muted); }
dd { margin: 0; }
button { font: inherit; cursor: pointer; border-radius: calc(var(--en-radius) * .7); padding: .45rem .95rem; border: 2px solid var(--en-accent); }
.primary { background: var(--en-accent); color: var(--en-accent-text); font-weight: 600; }
.secondary { background: transparent; color: var(--en-accent); }
button:focus-visible, input:focus-visible, textarea:focus-visible, h2:focus-visible { outline: 3px solid var(--en-focus); outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: wait; }
.msg { padding: .75rem 1rem; border-radius: var(--en-radius); background: var(--en-card-bg); border: 1px solid var(--en-border); }
.msg.error { border-color: var(--en-urgent); }
.msg p { margin: 0 0 .5rem; }
.empty { color: var(--en-muted); }
.more { margin: .75rem 0 0; font-size: .9rem; color: var(--en-muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dialog { border: 1px solid var(--en-border); border-radius: var(--en-radius); padding: 1.2rem; max-width: 30rem; width: calc(100% - 2rem); color: var(--en-text); background: var(--en-bg); font-family: var(--en-font); }
dialog::backdrop { background: rgb(15 23 42 / .55); }
dialog h2 { margin-bottom: .25rem; }
dialog .about { margin: 0 0 1rem; color: var(--en-muted); }
.field { margin-bottom: .8rem; }
.field label { display: block; font-weight: 600; margin-bottom: .2rem; }
.field input[type='text'], .field input[type='email'], .field input[type='number'], textarea { width: 100%; font: inherit; padding: .45rem .55rem; border: 1px solid #64748b; border-radius: 6px; color: var(--en-text); background: #fff; }
textarea { min-height: 4.5rem; resize: vertical; }
.hint { font-size: .85rem; color: var(--en-muted); margin: .15rem 0 0; }
.faq-search { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin-bottom: .4rem; }
.faq-search label { flex-basis: 100%; font-weight: 600; }
.faq-search input { flex: 1 1 12rem; font: inherit; padding: .45rem .55rem; border: 1px solid #64748b; border-radius: 6px; color: var(--en-text); background: #fff; }
.faq-search button { background: var(--en-accent); color: var(--en-accent-text); font-weight: 600; }
.faq { margin-top: .6rem; }
.faq li { background: var(--en-card-bg); border: 1px solid var(--en-border); border-radius: var(--en-radius); padding: .6rem 1rem; }
.faq summary { cursor: pointer; font-weight: 600; }
.faq summary:focus-visible { outline: 3px solid var(--en-focus); outline-offset: 2px; }
.faq .answer { white-space: pre-line; margin: .5rem 0; }
.faq .meta { font-size: .85rem; color: var(--en-muted); margin: 0; }
.ask { margin: .75rem 0 0; }
.ask a { color: var(--en-accent); font-weight: 600; }
.check { display: flex; gap: .5rem; align-items: flex-start; }
.check input { width: 1.15rem; height: 1.15rem; margin-top: .2rem; flex: none; }
.check label { font-weight: 400; }
.err { color: var(--en-urgent); font-size: .9rem; margin: .2rem 0 0; font-weight: 600; }
[aria-invalid='true'] { border-color: var(--en-urgent) !important; border-width: 2px !important; }
.actions { display: flex; gap: .6rem; flex-wrap: wrap; margin-top: 1rem; }
.alert { border: 2px solid var(--en-urgent); border-radius: 6px; padding: .5rem .75rem; margin-bottom: .8rem; }
.done { border: 2px solid var(--en-accent); border-radius: 6px; padding: .75rem; background: var(--en-accent-soft); }
/* events and office hours */
.desc { margin: 0 0 .5rem; }
.closed { margin: 0; color: var(--en-muted); font-style: italic; }
.opening.open { border-left-color: #15803d; }
.now { color: #fff; background: #15803d; padding: 0 .4em; border-radius: .3em; font-weight: 700; }
footer { margin-top: .8rem; font-size: .8rem; color: var(--en-muted); }
`;
