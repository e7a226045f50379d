// HTML shells of the pages the hub serves. Pages load their hashed bundles from /assets/ and
// nothing from any other host.
import { escapeHtml } from '../modules/shared/html';
interface Asset {
  js: string;
  css?: string;
}

const BASE_STYLE = `
  :root { color-scheme: light; --ink: #1f2933; --muted: #4b5563; --line: #d5dde6; --accent: #0b6e4f; }
  body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); background: #f3f5f8; }
`;

function shell(
  title: string,
  asset: Asset,
  bodyClass: string,
  body: string,
  module = false,
): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(title)}</title>
<style>${BASE_STYLE}</style>
${asset.css ? `<link rel="stylesheet" href="/assets/${escapeHtml(asset.css)}">` : ''}
</head>
<body class="${bodyClass}">
${body}
<script${module ? ' type="module"' : ''} src="/assets/${escapeHtml(asset.js)}"></script>
</body>
</html>
`;
}

export function explorerPage(asset: Asset): string {
  return shell(
    'Engagement-Hub · GraphQL-Explorer',
    asset,
    'explorer',
    `<style>
  html, body { height: 100%; }
  body.explorer { background: #fff; display: flex; flex-direction: column; }
  .intro { flex: none; padding: .6rem 1.25rem .7rem; border-bottom: 1px solid var(--line); background: #f8fafc; font-size: .95rem; line-height: 1.45; }
  .intro h1 { font-size: 1.15rem; margin: 0 0 .2rem; }
  .intro p { margin: 0; max-width: 80rem; overflow-wrap: anywhere; }
  .intro code { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: .88em; background: #e8edf3; padding: 0 .25em; border-radius: 3px; }
  #graphiql { flex: 1; min-height: 0; }
</style>
<header class="intro">
  <h1>GraphQL-Explorer des Engagement-Hubs</h1>
  <p>Links schreiben Sie eine Abfrage, <kbd>Strg</kbd>+<kbd>Enter</kbd> führt sie aus, rechts steht das Ergebnis;
    <kbd>Strg</kbd>+<kbd>Leertaste</kbd> schlägt Felder vor, das Buch-Symbol öffnet die Dokumentation.
    Ohne Anmeldung sehen Sie alles Öffentliche. Zum Anmelden tragen Sie unten unter „Headers“
    <code>{"Authorization": "Bearer &lt;Token&gt;"}</code> ein; ein Token erzeugt die Administration mit
    <code>npm run hub -- token --role COORDINATOR --region &lt;Region-ID&gt;</code>.</p>
</header>
<div id="graphiql"><p style="padding:1rem">Der GraphQL-Explorer wird geladen …</p></div>
<noscript>Der Explorer braucht JavaScript. Die API selbst erreichen Sie unter /graphql.</noscript>`,
  );
}

export function dashboardPage(asset: Asset): string {
  return shell(
    'Engagement-Hub · Koordination',
    asset,
    'dashboard',
    `<div id="app"><p style="padding:1rem">Das Dashboard wird geladen …</p></div>
<noscript>Das Dashboard braucht JavaScript.</noscript>`,
  );
}

export function appPage(asset: Asset): string {
  return shell(
    'Engagement-Hub · Arbeitsbereich',
    asset,
    'workspace',
    `<div id="app"><p style="padding:1rem">Der Arbeitsbereich wird geladen …</p></div>
<noscript>Der Arbeitsbereich braucht JavaScript.</noscript>`,
    true,
  );
}

export function missingBundlesPage(): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Engagement-Hub</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Die Oberflächen sind noch nicht gebaut</h1>
<p>Die GraphQL-API läuft unter <a href="/graphql">/graphql</a>. Für Explorer, Dashboard und Widget
bitte einmal <code>npm run build:clients</code> ausführen (das macht <code>npm start</code> auch von selbst).</p>
</body></html>`;
}

export function widgetDemoPage(
  region: { id: string; name: string } | null,
  origin: string,
): string {
  const id = region ? escapeHtml(region.id) : 'REGION-ID';
  const name = region ? escapeHtml(region.name) : 'Ihrer Gemeinde';
  // The live preview is built from the very attributes the snippet shows, so what a reader
  // copies is what they see working beside it.
  const example = (regionId: string) => `region="${regionId}" kinds="HELPERS,EQUIPMENT" limit="5"`;
  const snippet = escapeHtml(
    `<script src="${origin}/widget.js" defer></script>\n` +
      `<engagement-needs ${example(region?.id ?? 'REGION-ID')}></engagement-needs>`,
  );
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>Widget „Hier wird Hilfe gebraucht“ einbinden · Engagement-Hub</title>
<style>${BASE_STYLE}
  header.top { background: #fff; border-bottom: 1px solid var(--line); padding: 1rem 1.5rem; }
  header.top h1 { margin: 0; font-size: 1.4rem; }
  header.top p { margin: .25rem 0 0; color: var(--muted); }
  main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; padding: 1.5rem; max-width: 78rem; margin: 0 auto; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
  section.doc { align-self: start; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem 1.5rem; }
  h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; } h2:first-child { margin-top: 0; }
  pre { background: #0f172a; color: #e2e8f0; padding: .9rem 1rem; border-radius: 8px; overflow-x: auto; font-size: .85rem; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
  code { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; }
  table { border-collapse: collapse; width: 100%; font-size: .92rem; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  .themed { --en-accent: #005ca9; --en-accent-soft: #e0ecf7; --en-radius: 4px; --en-font: Georgia, serif; }
  .preview h2 { margin: 0 0 .5rem; }
  .preview > p { color: var(--muted); margin: 0 0 .75rem; }
  .preview + .preview { margin-top: 1.5rem; }
</style>
</head>
<body>
<header class="top">
  <h1>Widget „Hier wird Hilfe gebraucht“</h1>
  <p>Offene Bedarfe aus dem Engagement-Hub auf der Website Ihrer Gemeinde – live aktualisiert, ohne Cookies und ohne Tracking.</p>
</header>
<main>
  <section class="doc" aria-labelledby="embed">
    <h2 id="embed">So binden Sie es ein</h2>
    <p>Zwei Zeilen im HTML Ihrer Seite genügen. Das Beispiel zeigt die offenen Bedarfe in ${name}
      (die ID Ihrer Gemeinde nennt Ihnen die Koordination oder der Explorer):</p>
    <pre><code>${snippet}</code></pre>
    <h2>Attribute</h2>
    <table>
      <thead><tr><th scope="col">Attribut</th><th scope="col">Bedeutung</th></tr></thead>
      <tbody>
        <tr><td><code>region</code></td><td>ID der Gemeinde oder des Amtes (Pflicht); Bedarfe aus allen Orten darunter werden mitgezeigt.</td></tr>
        <tr><td><code>kinds</code></td><td>Nur diese Arten, kommagetrennt: HELPERS, EQUIPMENT, ROOM, EXPERTISE, TRANSPORT, FUNDING, BOARD_POSITION, OTHER.</td></tr>
        <tr><td><code>limit</code></td><td>Höchstens so viele Einträge (1–50, Standard 10).</td></tr>
        <tr><td><code>view</code></td><td>Was gezeigt wird: <code>needs</code> (Bedarfe, Standard), <code>events</code> (kommende Termine mit freien Plätzen und Anmeldung) oder <code>office-hours</code> (die nächsten Sprechzeiten, „jetzt geöffnet“). <code>kinds</code> gilt nur für Bedarfe. Termine und Sprechzeiten schreibt das Widget zusätzlich als schema.org-Daten (JSON-LD) in Ihre Seite, damit Suchmaschinen sie finden. Alle Termine einer Region stehen auch unter <code>/events/&lt;Region-ID&gt;</code>.</td></tr>
      </tbody>
    </table>
    <h2>Gestaltung</h2>
    <p>Farben, Schrift und Rundungen übernehmen Sie mit CSS-Variablen aus Ihrem Stylesheet:</p>
    <pre><code>engagement-needs {
  --en-accent: #005ca9;      /* Buttons, Fortschritt */
  --en-accent-text: #ffffff; /* Schrift auf Buttons */
  --en-accent-soft: #e0ecf7; /* Aufleuchten bei Änderungen */
  --en-text: #1f2933;
  --en-muted: #4b5563;       /* Nebentexte */
  --en-bg: #ffffff;
  --en-card-bg: #f8fafc;
  --en-border: #cbd5e1;
  --en-urgent: #b42318;      /* dringende Bedarfe */
  --en-focus: #1d4ed8;       /* Fokusrahmen */
  --en-radius: 4px;
  --en-font: Georgia, serif;
}</code></pre>
    <p>Achten Sie auf genug Kontrast: Text mindestens 4,5 : 1 zum Hintergrund, Rahmen und Fokus 3 : 1.</p>
    <h2>Datenschutz</h2>
    <p>Das Widget setzt keine Cookies, lädt nichts von fremden Servern und spricht nur mit diesem Hub.
      Name und E-Mail-Adresse von Helfenden werden nur mit ausdrücklicher Einwilligung übermittelt und
      nur dem Träger des Bedarfs und der Koordination angezeigt.</p>
  </section>
  <div>
    <section class="preview" aria-labelledby="live">
      <h2 id="live">Live-Vorschau: ${name}</h2>
      <p>Genau das Beispiel von links, mit den Standardfarben: nur Helfende und Material, höchstens fünf Bedarfe.</p>
      ${region ? `<engagement-needs id="demo-widget" ${example(id)}></engagement-needs>` : '<p>Es sind noch keine Regionen angelegt.</p>'}
    </section>
    <section class="preview" aria-labelledby="themed">
      <h2 id="themed">Eigene Farben, nur Helfende</h2>
      <p>Dieselbe Gemeinde mit <code>kinds="HELPERS"</code>, <code>limit="3"</code> und eigenen CSS-Variablen.</p>
      ${region ? `<engagement-needs class="themed" region="${id}" kinds="HELPERS" limit="3"></engagement-needs>` : ''}
    </section>
  </div>
</main>
<script src="/widget.js" defer></script>
</body>
</html>
`;
}

/** A hand-drawn mark (three linked dots), so browsers find an icon without a 404. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b6e4f"/><path d="M9 22 16 10 23 22Z" fill="none" stroke="#fff" stroke-width="2"/><circle cx="9" cy="22" r="3.5" fill="#fff"/><circle cx="16" cy="10" r="3.5" fill="#fff"/><circle cx="23" cy="22" r="3.5" fill="#fff"/></svg>`;
