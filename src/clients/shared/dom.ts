// A tiny element builder: text always goes in as text nodes, never as HTML, so titles and
// names coming from the hub cannot inject markup into the embedding page.
type Attrs = Record<string, string | number | boolean | undefined | ((ev: Event) => void)>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'className') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

let counter = 0;
/** Ids unique inside one shadow root (and across widgets on the page, for good measure). */
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`;
}

/** replaceChildren that skips the null/false placeholders of conditional content. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}
