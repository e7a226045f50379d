// The schema.org JSON-LD builder both the widget and the events page use: ISO times on the
// Berlin clock with the offset of that day (either side of both daylight-saving changes), a
// Place per contact point with day-exact opening hours, and text that cannot end its <script>.
import {
  berlinIso,
  eventJsonLd,
  jsonLdText,
  needsJsonLd,
  placesJsonLd,
} from '../../src/clients/shared/json-ld';

describe('berlinIso', () => {
  test.each([
    ['2027-03-28T00:59:59.000Z', '2027-03-28T01:59:59+01:00'], // just before the spring change
    ['2027-03-28T01:00:00.000Z', '2027-03-28T03:00:00+02:00'], // just after it
    ['2027-10-31T00:30:00.000Z', '2027-10-31T02:30:00+02:00'], // the repeated hour, first pass
    ['2027-10-31T01:30:00.000Z', '2027-10-31T02:30:00+01:00'], // and second pass
    ['2027-12-31T23:30:00.000Z', '2028-01-01T00:30:00+01:00'], // the day (and year) in Berlin
  ])('%s is %s', (utc, berlin) => {
    expect(berlinIso(utc)).toBe(berlin);
    expect(new Date(berlin).toISOString()).toBe(utc);
  });
});

describe('eventJsonLd', () => {
  const base = {
    id: 'RXZlbnQ6MQ',
    title: 'Stammtisch',
    startsAt: '2027-07-15T17:00:00.000Z',
    endsAt: '2027-07-15T19:00:00.000Z',
    status: 'SCHEDULED',
    region: { name: 'Büsum' },
    organizer: { name: 'Sportverein Büsum' },
  };

  test('a full event is SoldOut; without a venue the contact point, else the region, is the place', () => {
    const full = eventJsonLd({ ...base, capacity: 10, remainingSeats: 0 });
    expect((full.offers as Record<string, unknown>).availability).toBe(
      'https://schema.org/SoldOut',
    );
    expect(full.remainingAttendeeCapacity).toBe(0);
    expect(full.location).toEqual({ '@type': 'Place', name: 'Büsum', address: 'Büsum' });
    const atPoint = eventJsonLd({
      ...base,
      contactPoint: { name: 'Anlaufstelle', address: 'Am Markt 1' },
    });
    expect(atPoint.location).toEqual({
      '@type': 'Place',
      name: 'Anlaufstelle',
      address: 'Am Markt 1',
    });
    expect(atPoint.maximumAttendeeCapacity).toBeUndefined();
  });

  test('jsonLdText leaves no "<" that could close the script element', () => {
    const text = jsonLdText(eventJsonLd({ ...base, title: '</script><script>alert(1)</script>' }));
    expect(text).not.toContain('<');
    expect((JSON.parse(text) as { name: string }).name).toBe('</script><script>alert(1)</script>');
  });
});

describe('placesJsonLd', () => {
  test('one Place per contact point, each opening as a day-exact specification', () => {
    const cp = { id: 'a', name: 'Zentrale', address: 'Am Markt 1', location: null };
    const places = placesJsonLd([
      {
        startsAt: '2027-03-23T08:00:00.000Z',
        endsAt: '2027-03-23T11:00:00.000Z',
        contactPoint: cp,
      },
      {
        startsAt: '2027-03-30T07:00:00.000Z',
        endsAt: '2027-03-30T10:00:00.000Z',
        contactPoint: cp,
      },
      {
        startsAt: '2027-03-24T15:00:00.000Z',
        endsAt: '2027-03-24T17:00:00.000Z',
        contactPoint: { id: 'b', name: 'Dorfgemeinschaftshaus' },
      },
    ]);
    expect(places).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Place',
        name: 'Zentrale',
        address: 'Am Markt 1',
        openingHoursSpecification: [
          // 09:00-12:00 on the Berlin clock in winter and in summer time alike.
          spec('Tuesday', '09:00', '12:00', '2027-03-23'),
          spec('Tuesday', '09:00', '12:00', '2027-03-30'),
        ],
      },
      {
        '@context': 'https://schema.org',
        '@type': 'Place',
        name: 'Dorfgemeinschaftshaus',
        openingHoursSpecification: [spec('Wednesday', '16:00', '18:00', '2027-03-24')],
      },
    ]);
  });
});

function spec(day: string, opens: string, closes: string, date: string) {
  return {
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: `https://schema.org/${day}`,
    opens,
    closes,
    validFrom: date,
    validThrough: date,
  };
}

describe('needsJsonLd', () => {
  test('groups the needs by actor as Organizations that seek Demands, with what is missing', () => {
    const need = (id: string, actor: string, extra: Record<string, unknown> = {}) => ({
      id,
      title: `Bedarf ${id}`,
      quantity: 10,
      remainingQuantity: 4,
      unit: 'Personen',
      region: { name: 'Büsum' },
      actor: { name: actor, publicContact: { address: 'Am Hafen 1' } },
      ...extra,
    });
    const ld = needsJsonLd([
      need('1', 'Sportverein Büsum', {
        startsAt: '2027-07-15T08:00:00.000Z',
        endsAt: '2027-07-15T16:00:00.000Z',
      }),
      need('2', 'Sportverein Büsum', { deadline: '2027-01-10T11:00:00.000Z' }),
      need('3', 'Tafel Büsum'),
    ]);
    expect(ld.map((o) => [o['@type'], o.name])).toEqual([
      ['Organization', 'Sportverein Büsum'],
      ['Organization', 'Tafel Büsum'],
    ]);
    const [first, second] = ld[0].seeks as Array<Record<string, unknown>>;
    expect(first).toMatchObject({
      '@type': 'Demand',
      name: 'Bedarf 1',
      eligibleQuantity: {
        '@type': 'QuantitativeValue',
        value: 4,
        maxValue: 10,
        unitText: 'Personen',
      },
      areaServed: { '@type': 'AdministrativeArea', name: 'Büsum' },
      availabilityStarts: '2027-07-15T10:00:00+02:00',
      availabilityEnds: '2027-07-15T18:00:00+02:00',
    });
    expect(second.availabilityStarts).toBeUndefined();
    expect(second.availabilityEnds).toBe('2027-01-10T12:00:00+01:00');
    expect(ld[0].address).toBe('Am Hafen 1');
  });
});
