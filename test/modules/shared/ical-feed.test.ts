// The feeds' times: Berlin wall clock with TZID and the VTIMEZONE of timezones-ical-library,
// read back by ical.js with nothing but that VTIMEZONE, on both daylight-saving change days
// (last Sunday of March and of October) and in the hour October repeats.
import { berlinTimes, newCalendar } from '../../../src/modules/shared/ical-feed';
import { parseFeed, startTzid, vtimezoneIds } from '../contact-points/ical-parser';

function feed(spans: Array<[string, string]>): string {
  const cal = newCalendar('Test');
  spans.forEach(([s, e], i) =>
    cal.createEvent({ id: `e${i}`, summary: `e${i}`, ...berlinTimes(new Date(s), new Date(e)) }),
  );
  return cal.toString();
}

describe('iCalendar times in Europe/Berlin', () => {
  const spans: Array<[string, string]> = [
    ['2027-03-27T15:00:00.000Z', '2027-03-27T17:00:00.000Z'], // Sat 16:00 CET
    ['2027-03-28T00:30:00.000Z', '2027-03-28T01:30:00.000Z'], // 01:30 CET to 03:30 CEST, over the gap
    ['2027-03-28T14:00:00.000Z', '2027-03-28T16:00:00.000Z'], // Sun 16:00 CEST
    ['2027-10-30T14:00:00.000Z', '2027-10-30T16:00:00.000Z'], // Sat 16:00 CEST
    ['2027-10-31T15:00:00.000Z', '2027-10-31T17:00:00.000Z'], // Sun 16:00 CET
  ];

  it('writes DTSTART/DTEND with TZID=Europe/Berlin and one VTIMEZONE, instants unchanged', () => {
    const text = feed(spans);
    const { calendar, events } = parseFeed(text);
    expect(vtimezoneIds(calendar)).toEqual(['Europe/Berlin']);
    expect(events.map(startTzid)).toEqual(spans.map(() => 'Europe/Berlin'));
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20270327T160000\r?$/m);
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20270328T013000\r?$/m);
    expect(text).toMatch(/^DTEND;TZID=Europe\/Berlin:20270328T033000\r?$/m);
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20270328T160000\r?$/m);
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20271030T160000\r?$/m);
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20271031T160000\r?$/m);
    expect(
      events.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]),
    ).toEqual(spans);
    // The VTIMEZONE has both rules, and DTSTAMP stays UTC.
    expect(text).toMatch(/RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/);
    expect(text).toMatch(/RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU/);
    expect(text.match(/^DTSTAMP:\d{8}T\d{6}Z\r?$/gm)?.length).toBe(spans.length);
  });

  it('keeps UTC for instants in the hour October repeats, which a wall clock cannot tell apart', () => {
    // 02:30 CEST (00:30Z) and 02:30 CET (01:30Z) share a wall clock.
    const first: [string, string] = ['2027-10-31T00:30:00.000Z', '2027-10-31T00:45:00.000Z'];
    const second: [string, string] = ['2027-10-31T01:30:00.000Z', '2027-10-31T01:45:00.000Z'];
    const text = feed([first, second]);
    const { events } = parseFeed(text);
    expect(events.map(startTzid)).toEqual([undefined, undefined]);
    expect(text).toMatch(/^DTSTART:20271031T003000Z\r?$/m);
    expect(text).toMatch(/^DTSTART:20271031T013000Z\r?$/m);
    expect(
      events.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]),
    ).toEqual([first, second]);
  });
});
