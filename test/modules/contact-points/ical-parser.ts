// ical.js, an iCalendar parser independent of the generator the hub uses. Its package is an ES
// module for TypeScript's checker but ships a CommonJS build, which is what jest loads here.
type IcalTime = { toJSDate(): Date };
export interface IcalEvent {
  uid: string;
  summary: string;
  startDate: IcalTime;
  endDate: IcalTime;
  component: IcalComponent;
}
export interface IcalComponent {
  name: string;
  getAllSubcomponents(name: string): IcalComponent[];
  getFirstPropertyValue(name: string): unknown;
  getFirstProperty(name: string): { getParameter(name: string): unknown } | null;
}
interface IcalModule {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  Event: new (c: IcalComponent) => IcalEvent;
  TimezoneService: { reset(): void; register(c: IcalComponent): void; has(id: string): boolean };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ICAL = require('ical.js') as IcalModule;

/**
 * Parses a feed with only its own VTIMEZONE components known to ical.js, so that a TZID time
 * is read by the rules the feed ships (a TZID without a VTIMEZONE would be read as floating
 * time and the comparison with the API's instants would fail).
 */
export function parseFeed(text: string): { calendar: IcalComponent; events: IcalEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

/** The TZID parameter of a VEVENT's DTSTART (undefined for a UTC time). */
export function startTzid(e: IcalEvent): unknown {
  return e.component.getFirstProperty('dtstart')?.getParameter('tzid');
}

/** TZID values of the feed's VTIMEZONE components. */
export function vtimezoneIds(calendar: IcalComponent): unknown[] {
  return calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'));
}
