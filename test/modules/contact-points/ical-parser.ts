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
  getAllSubcomponents(name: string): IcalComponent[];
  getFirstPropertyValue(name: string): unknown;
}
interface IcalModule {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  Event: new (c: IcalComponent) => IcalEvent;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ICAL = require('ical.js') as IcalModule;
