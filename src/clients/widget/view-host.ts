// What a view of <engagement-needs> (view="events", view="office-hours") gets from the element:
// its header, content area and live region in the shadow root, the shared transport, and a slot
// in the host page's light DOM for schema.org JSON-LD (search engines read the page, not the
// shadow root).
import { h } from '../shared/dom';
import { jsonLdText } from '../shared/json-ld';
import type { HubTransport, LiveStatus } from './hub-transport';

export interface ViewHost {
  readonly hub: HubTransport;
  readonly root: ShadowRoot;
  readonly regionId: string;
  readonly limit: number;
  readonly heading: HTMLHeadingElement;
  readonly where: HTMLElement;
  readonly content: HTMLElement;
  readonly more: HTMLElement;
  readonly announcer: HTMLElement;
  /** False once the attributes changed or the element left the page: drop late answers. */
  current(): boolean;
  showMessage(text: string, retry: boolean): void;
  setLive(status: LiveStatus | null): void;
  /** Puts (or with null removes) the view's JSON-LD into the host page beside the element. */
  setJsonLd(data: unknown[] | null): void;
  /** Marks the element ready (data-state), for pages and tests that wait for it. */
  ready(): void;
}

export interface WidgetView {
  load(): Promise<void>;
  stop(): void;
}

/** The light-DOM script element a widget keeps its JSON-LD in. */
export function writeJsonLd(el: HTMLElement, data: unknown[] | null): void {
  let script = el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  if (!data || data.length === 0) {
    script?.remove();
    return;
  }
  if (!script) {
    script = h('script', { type: 'application/ld+json' });
    el.append(script);
  }
  script.textContent = jsonLdText(data.length === 1 ? data[0] : data);
}
