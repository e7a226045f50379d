// The tables of the open-data download: one definition per file (the statement that reads it,
// its fields with Frictionless types and German descriptions, how a row becomes a record), so
// the CSV files and datapackage.json cannot drift apart. Only what a PUBLIC caller of the API may
// see: PUBLIC needs, offers, events and contact points; ACTIVE and ENDED cooperations; never a
// pledge, a registration or anyone's name but an organisation's.
import { toGlobalId } from '../../graphql/global-id';

/** Frictionless Table Schema field types (datapackage.json uses them as they are). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'date';

export interface OpenDataField {
  name: string;
  type: FieldType;
  description: string;
  /** The value for the CSV cell: text, a number, true/false, or null for an empty cell. */
  value: (row: Row) => string | number | boolean | null;
}

export interface OpenDataTable {
  /** File name inside the ZIP, without .csv; also the resource name in datapackage.json. */
  name: string;
  title: string;
  description: string;
  /** Read in id order with a cursor, never all at once. */
  sql: string;
  fields: OpenDataField[];
  primaryKey: string;
}

// A row as pg returns it (snake_case columns).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const list = (a: string[] | null | undefined) => (a && a.length ? a.join(';') : null);
const text = (s: string | null | undefined) => s ?? null;

const id = (
  type: 'Actor' | 'Need' | 'Offer' | 'Event' | 'ContactPoint' | 'Cooperation',
): OpenDataField => ({
  name: 'id',
  type: 'string',
  description: `Die ID im Engagement-Hub (dieselbe wie in der API, Typ ${type})`,
  value: (r) => toGlobalId(type, r.id),
});

const ref = (
  name: string,
  type: 'Actor' | 'ContactPoint',
  column: string,
  what: string,
): OpenDataField => ({
  name,
  type: 'string',
  description: `ID ${what} (wie in actors.csv bzw. contact_points.csv)`,
  value: (r) => (r[column] == null ? null : toGlobalId(type, r[column])),
});

const regionFields: OpenDataField[] = [
  {
    name: 'region_id',
    type: 'string',
    description: 'ID der Region (Gemeinde, Amt, Kreis) in der API',
    value: (r) => toGlobalId('Region', r.region_id),
  },
  { name: 'region', type: 'string', description: 'Name der Region', value: (r) => r.region_name },
];

const place: OpenDataField[] = [
  {
    name: 'latitude',
    type: 'number',
    description: 'Breitengrad (WGS 84)',
    value: (r) => r.latitude,
  },
  {
    name: 'longitude',
    type: 'number',
    description: 'Längengrad (WGS 84)',
    value: (r) => r.longitude,
  },
];

const updated: OpenDataField = {
  name: 'updated_at',
  type: 'datetime',
  description: 'Zuletzt geändert (UTC)',
  value: (r) => iso(r.updated_at),
};

export const OPEN_DATA_TABLES: OpenDataTable[] = [
  {
    name: 'actors',
    title: 'Akteure',
    description:
      'Vereine, Schulen, Initiativen, Organisationen und Netzwerkrollen mit ihren öffentlichen Kontaktwegen',
    sql: `SELECT a.id, a.kind, a.name, a.description, a.region_id, r.name AS region_name, a.topics,
                 a.website, a.latitude, a.longitude, a.contact_email, a.contact_phone,
                 a.contact_address, a.hosted_by_id, a.updated_at
            FROM actor a JOIN region r ON r.id = a.region_id
           ORDER BY a.id`,
    primaryKey: 'id',
    fields: [
      id('Actor'),
      {
        name: 'kind',
        type: 'string',
        description: 'Art (ActorKind der API): SCHOOL, CLUB, INITIATIVE, FIRE_BRIGADE …',
        value: (r) => r.kind,
      },
      { name: 'name', type: 'string', description: 'Name', value: (r) => r.name },
      {
        name: 'description',
        type: 'string',
        description: 'Beschreibung',
        value: (r) => text(r.description),
      },
      ...regionFields,
      {
        name: 'topics',
        type: 'string',
        description: 'Themen, durch Semikolon getrennt',
        value: (r) => list(r.topics),
      },
      { name: 'website', type: 'string', description: 'Website', value: (r) => text(r.website) },
      ...place,
      {
        name: 'contact_email',
        type: 'string',
        description: 'Öffentliche Kontaktadresse der Organisation',
        value: (r) => text(r.contact_email),
      },
      {
        name: 'contact_phone',
        type: 'string',
        description: 'Öffentliche Telefonnummer der Organisation',
        value: (r) => text(r.contact_phone),
      },
      {
        name: 'contact_address',
        type: 'string',
        description: 'Postanschrift der Organisation',
        value: (r) => text(r.contact_address),
      },
      ref('hosted_by_id', 'Actor', 'hosted_by_id', 'des Trägers (bei Netzwerkrollen)'),
      updated,
    ],
  },
  {
    name: 'needs',
    title: 'Bedarfe',
    description:
      'Öffentliche Bedarfe der Akteure (Helfende, Material, Räume, Fachwissen …) mit dem, was noch fehlt',
    sql: `SELECT n.id, n.actor_id, n.kind, n.title, n.description, n.region_id, r.name AS region_name,
                 n.latitude, n.longitude, n.quantity, n.pledged_quantity, n.unit, n.status,
                 n.urgency, n.tags, n.starts_at, n.ends_at, n.deadline, n.updated_at
            FROM need n JOIN region r ON r.id = n.region_id
           WHERE n.visibility = 'PUBLIC' AND n.status <> 'DRAFT'
           ORDER BY n.id`,
    primaryKey: 'id',
    fields: [
      id('Need'),
      ref('actor_id', 'Actor', 'actor_id', 'des Akteurs, der sucht'),
      { name: 'kind', type: 'string', description: 'Art des Bedarfs', value: (r) => r.kind },
      { name: 'title', type: 'string', description: 'Titel', value: (r) => r.title },
      {
        name: 'description',
        type: 'string',
        description: 'Beschreibung',
        value: (r) => text(r.description),
      },
      ...regionFields,
      ...place,
      {
        name: 'quantity',
        type: 'integer',
        description: 'Gesuchte Menge',
        value: (r) => r.quantity,
      },
      {
        name: 'remaining_quantity',
        type: 'integer',
        description: 'Davon noch offen',
        value: (r) => Math.max(0, r.quantity - r.pledged_quantity),
      },
      {
        name: 'unit',
        type: 'string',
        description: 'Einheit der Menge',
        value: (r) => text(r.unit),
      },
      {
        name: 'status',
        type: 'string',
        description: 'OPEN, FILLED, CLOSED oder EXPIRED',
        value: (r) => r.status,
      },
      {
        name: 'urgency',
        type: 'string',
        description: 'Dringlichkeit: LOW, NORMAL oder HIGH',
        value: (r) => r.urgency,
      },
      {
        name: 'tags',
        type: 'string',
        description: 'Schlagworte, durch Semikolon getrennt',
        value: (r) => list(r.tags),
      },
      {
        name: 'starts_at',
        type: 'datetime',
        description: 'Beginn (UTC)',
        value: (r) => iso(r.starts_at),
      },
      {
        name: 'ends_at',
        type: 'datetime',
        description: 'Ende (UTC)',
        value: (r) => iso(r.ends_at),
      },
      {
        name: 'deadline',
        type: 'datetime',
        description: 'Gesucht bis (UTC)',
        value: (r) => iso(r.deadline),
      },
      updated,
    ],
  },
  {
    name: 'offers',
    title: 'Angebote',
    description: 'Öffentliche Angebote der Akteure (Helfende, Geräte, Räume, Fachwissen, Fahrten)',
    sql: `SELECT o.id, o.actor_id, o.kind, o.title, o.description, o.region_id, r.name AS region_name,
                 o.latitude, o.longitude, o.quantity, o.unit, o.tags, o.available_from,
                 o.available_until, o.active, o.updated_at
            FROM offer o JOIN region r ON r.id = o.region_id
           WHERE o.visibility = 'PUBLIC'
           ORDER BY o.id`,
    primaryKey: 'id',
    fields: [
      id('Offer'),
      ref('actor_id', 'Actor', 'actor_id', 'des Akteurs, der anbietet'),
      { name: 'kind', type: 'string', description: 'Art des Angebots', value: (r) => r.kind },
      { name: 'title', type: 'string', description: 'Titel', value: (r) => r.title },
      {
        name: 'description',
        type: 'string',
        description: 'Beschreibung',
        value: (r) => text(r.description),
      },
      ...regionFields,
      ...place,
      {
        name: 'quantity',
        type: 'integer',
        description: 'Angebotene Menge',
        value: (r) => r.quantity,
      },
      {
        name: 'unit',
        type: 'string',
        description: 'Einheit der Menge',
        value: (r) => text(r.unit),
      },
      {
        name: 'tags',
        type: 'string',
        description: 'Schlagworte, durch Semikolon getrennt',
        value: (r) => list(r.tags),
      },
      {
        name: 'available_from',
        type: 'datetime',
        description: 'Verfügbar ab (UTC)',
        value: (r) => iso(r.available_from),
      },
      {
        name: 'available_until',
        type: 'datetime',
        description: 'Verfügbar bis (UTC)',
        value: (r) => iso(r.available_until),
      },
      {
        name: 'active',
        type: 'boolean',
        description: 'Noch zu haben (false: zurückgezogen)',
        value: (r) => r.active,
      },
      updated,
    ],
  },
  {
    name: 'events',
    title: 'Veranstaltungen',
    description:
      'Öffentliche Veranstaltungen: Stammtische, Workshops, Informationsabende; Plätze als Zahlen, nie die Angemeldeten',
    sql: `SELECT e.id, e.kind, e.title, e.description, e.organizer_id, e.region_id, r.name AS region_name,
                 e.venue, e.latitude, e.longitude, e.contact_point_id, e.starts_at, e.ends_at,
                 e.capacity, e.registered_seats, e.registration_deadline, e.status, e.topics,
                 e.updated_at
            FROM event e JOIN region r ON r.id = e.region_id
           WHERE e.visibility = 'PUBLIC'
           ORDER BY e.id`,
    primaryKey: 'id',
    fields: [
      id('Event'),
      { name: 'kind', type: 'string', description: 'Art der Veranstaltung', value: (r) => r.kind },
      { name: 'title', type: 'string', description: 'Titel', value: (r) => r.title },
      {
        name: 'description',
        type: 'string',
        description: 'Beschreibung',
        value: (r) => text(r.description),
      },
      ref('organizer_id', 'Actor', 'organizer_id', 'des Veranstalters'),
      ...regionFields,
      {
        name: 'venue',
        type: 'string',
        description: 'Ort der Veranstaltung',
        value: (r) => text(r.venue),
      },
      ...place,
      ref(
        'contact_point_id',
        'ContactPoint',
        'contact_point_id',
        'der Anlaufstelle, in der sie stattfindet',
      ),
      {
        name: 'starts_at',
        type: 'datetime',
        description: 'Beginn (UTC)',
        value: (r) => iso(r.starts_at),
      },
      {
        name: 'ends_at',
        type: 'datetime',
        description: 'Ende (UTC)',
        value: (r) => iso(r.ends_at),
      },
      {
        name: 'capacity',
        type: 'integer',
        description: 'Plätze (leer: unbegrenzt)',
        value: (r) => r.capacity,
      },
      {
        name: 'seats_taken',
        type: 'integer',
        description: 'Belegte Plätze',
        value: (r) => r.registered_seats,
      },
      {
        name: 'registration_deadline',
        type: 'datetime',
        description: 'Anmeldeschluss (UTC)',
        value: (r) => iso(r.registration_deadline),
      },
      {
        name: 'status',
        type: 'string',
        description: 'SCHEDULED oder CANCELLED',
        value: (r) => r.status,
      },
      {
        name: 'topics',
        type: 'string',
        description: 'Themen, durch Semikolon getrennt',
        value: (r) => list(r.topics),
      },
      updated,
    ],
  },
  {
    name: 'contact_points',
    title: 'Anlaufstellen und Sprechzeiten',
    description:
      'Zentrale Anlaufstelle und Außensprechstunden in den Dörfern, mit den Sprechzeiten als RRULE in Ortszeit Europe/Berlin',
    sql: `SELECT c.id, c.kind, c.name, c.description, c.region_id, r.name AS region_name, c.address,
                 c.latitude, c.longitude, c.hosted_by_id, c.accessibility, c.hours, c.updated_at
            FROM contact_point c JOIN region r ON r.id = c.region_id
           WHERE c.visibility = 'PUBLIC'
           ORDER BY c.id`,
    primaryKey: 'id',
    fields: [
      id('ContactPoint'),
      {
        name: 'kind',
        type: 'string',
        description: 'CENTRAL_OFFICE, BRANCH_OFFICE oder REMOTE',
        value: (r) => r.kind,
      },
      { name: 'name', type: 'string', description: 'Name', value: (r) => r.name },
      {
        name: 'description',
        type: 'string',
        description: 'Beschreibung',
        value: (r) => text(r.description),
      },
      ...regionFields,
      { name: 'address', type: 'string', description: 'Anschrift', value: (r) => text(r.address) },
      ...place,
      ref('hosted_by_id', 'Actor', 'hosted_by_id', 'des Gastgebers (z. B. Dorfgemeinschaftshaus)'),
      {
        name: 'accessibility',
        type: 'string',
        description: 'Barrierefreiheit',
        value: (r) => text(r.accessibility),
      },
      {
        name: 'hours',
        type: 'string',
        description:
          'Sprechzeiten, durch Semikolon getrennt: RRULE, Beginn und Ende in Ortszeit (z. B. "FREQ=WEEKLY;BYDAY=TU 09:00-12:00")',
        value: (r) =>
          list(
            (r.hours as Array<{ rrule: string; opensAt: string; closesAt: string }>).map(
              (h) => `${h.rrule} ${h.opensAt}-${h.closesAt}`,
            ),
          ),
      },
      updated,
    ],
  },
  {
    name: 'cooperations',
    title: 'Kooperationen',
    description:
      'Vereinbarte und beendete Kooperationen zwischen Akteuren (vorgeschlagene sind nicht öffentlich)',
    sql: `SELECT c.id, c.kind, c.status, c.title, c.description, c.started_on, c.ended_on, c.updated_at,
                 ARRAY(SELECT p.actor_id FROM cooperation_participant p
                        WHERE p.cooperation_id = c.id ORDER BY p.actor_id) AS participant_ids
            FROM cooperation c
           WHERE c.status IN ('ACTIVE', 'ENDED')
           ORDER BY c.id`,
    primaryKey: 'id',
    fields: [
      id('Cooperation'),
      { name: 'kind', type: 'string', description: 'Art der Kooperation', value: (r) => r.kind },
      { name: 'status', type: 'string', description: 'ACTIVE oder ENDED', value: (r) => r.status },
      { name: 'title', type: 'string', description: 'Titel', value: (r) => r.title },
      {
        name: 'description',
        type: 'string',
        description: 'Beschreibung',
        value: (r) => text(r.description),
      },
      {
        name: 'participant_ids',
        type: 'string',
        description: 'IDs der beteiligten Akteure (wie in actors.csv), durch Semikolon getrennt',
        value: (r) => list((r.participant_ids as number[]).map((a) => toGlobalId('Actor', a))),
      },
      {
        name: 'started_on',
        type: 'date',
        description: 'Begonnen am',
        value: (r) => text(r.started_on),
      },
      { name: 'ended_on', type: 'date', description: 'Beendet am', value: (r) => text(r.ended_on) },
      updated,
    ],
  },
  {
    // The public ledger of the engagement funds (FundingProgramme.ledger): approved grants
    // only; an application that is not approved is confidential and never listed.
    name: 'funding_ledger',
    title: 'Förderungen aus Engagementfonds',
    description:
      'Bewilligte Förderungen aus den Förderprogrammen (z. B. Ehrenamtsbudget): wer, wofür, wie viel, wann',
    sql: `SELECT a.id, a.programme_id, p.name AS programme_name, a.applicant_id,
                 ac.name AS applicant_name, a.purpose, a.status, a.decided_at, p.region_id,
                 r.name AS region_name,
                 CASE WHEN a.status = 'REPORTED' AND a.spent_cents IS NOT NULL
                      THEN a.spent_cents ELSE a.approved_cents END AS amount_cents
            FROM funding_application a
            JOIN funding_programme p ON p.id = a.programme_id
            JOIN actor ac ON ac.id = a.applicant_id
            JOIN region r ON r.id = p.region_id
           WHERE a.status IN ('APPROVED', 'PAID', 'REPORTED')
           ORDER BY a.id`,
    primaryKey: 'id',
    fields: [
      {
        name: 'id',
        type: 'string',
        description: 'Die ID des Antrags im Engagement-Hub (Typ FundingApplication)',
        value: (r) => toGlobalId('FundingApplication', r.id),
      },
      {
        name: 'programme_id',
        type: 'string',
        description: 'ID des Förderprogramms in der API',
        value: (r) => toGlobalId('FundingProgramme', r.programme_id),
      },
      {
        name: 'programme',
        type: 'string',
        description: 'Name des Förderprogramms',
        value: (r) => r.programme_name,
      },
      ...regionFields,
      ref('applicant_id', 'Actor', 'applicant_id', 'des geförderten Akteurs'),
      {
        name: 'applicant',
        type: 'string',
        description: 'Name des geförderten Akteurs',
        value: (r) => r.applicant_name,
      },
      { name: 'purpose', type: 'string', description: 'Zweck', value: (r) => r.purpose },
      {
        name: 'amount_cents',
        type: 'integer',
        description: 'Betrag in Cent: bewilligt, nach dem Verwendungsnachweis der ausgegebene',
        value: (r) => Number(r.amount_cents),
      },
      {
        name: 'status',
        type: 'string',
        description: 'APPROVED (bewilligt), PAID (ausgezahlt) oder REPORTED (abgerechnet)',
        value: (r) => r.status,
      },
      {
        name: 'decided_at',
        type: 'datetime',
        description: 'Bewilligt am (UTC)',
        value: (r) => iso(r.decided_at),
      },
    ],
  },
];
