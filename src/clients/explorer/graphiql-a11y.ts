// GraphiQL 4 leaves a few WCAG 2.1 AA gaps that axe-core reports: CodeMirror's hidden text
// areas have no label, its scroll areas cannot be reached by keyboard, and the tab strip nests
// a button inside an element with role "tab". GraphiQL has no options for these, so the page
// patches the DOM it renders (again after every React update, hence the observer).
const EDITOR_LABELS: Array<[string, string]> = [
  ['.graphiql-query-editor', 'Abfrage (GraphQL)'],
  ['.graphiql-editor-tool .graphiql-editor:nth-of-type(1)', 'Variablen (JSON)'],
  ['.graphiql-editor-tool .graphiql-editor:nth-of-type(2)', 'Header (JSON), z. B. Authorization'],
  ['.result-window', 'Ergebnis'],
];

function set(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function patch(root: HTMLElement): void {
  for (const [selector, label] of EDITOR_LABELS) {
    for (const box of root.querySelectorAll(selector)) {
      for (const area of box.querySelectorAll('textarea')) set(area, 'aria-label', label);
      // Keyboard users scroll a long result or query with the arrow keys once it has focus.
      for (const scroll of box.querySelectorAll('.CodeMirror-scroll')) {
        set(scroll, 'tabindex', '0');
        set(scroll, 'aria-label', label);
        set(scroll, 'role', 'region');
      }
    }
  }
  // The open operations become a plain list of buttons; the active one is aria-current.
  for (const list of root.querySelectorAll('.graphiql-tabs')) {
    set(list, 'role', null);
    set(list, 'aria-label', 'Geöffnete Abfragen');
    for (const item of list.querySelectorAll('.graphiql-tab')) {
      set(item, 'role', null);
      set(item, 'aria-selected', null);
      const button = item.querySelector('.graphiql-tab-button');
      if (button)
        set(button, 'aria-current', item.classList.contains('graphiql-tab-active') ? 'true' : null);
    }
  }
}

export function patchGraphiQLAccessibility(root: HTMLElement): void {
  patch(root);
  new MutationObserver(() => patch(root)).observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['role', 'aria-selected', 'class', 'tabindex'],
  });
}
