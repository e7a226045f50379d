// A JSON Schema for the HSDS 3.0 objects the hub emits, written from the field definitions of
// the HSDS 3.0 reference (Open Referral, schema/*.json and the API's Page): names, types, required
// fields, formats and enums. Records allow no other properties, so a field the specification
// does not define (or a null, which HSDS has no place for) fails the test.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const uuid = { type: 'string', format: 'uuid' };
const str = { type: 'string' };
const date = { type: 'string', format: 'date' };
/** HSDS times: HH:MM (local wall time here; the reference allows a zone suffix). */
const time = {
  type: 'string',
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(Z|[+-]\\d{2}:\\d{2})?$',
};

const phone = {
  $id: 'phone',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'number'],
  properties: {
    id: uuid,
    location_id: uuid,
    service_id: uuid,
    organization_id: uuid,
    contact_id: uuid,
    service_at_location_id: uuid,
    number: str,
    extension: { type: 'number' },
    type: str,
    description: str,
  },
};

const schedule = {
  $id: 'schedule',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: uuid,
    service_id: uuid,
    location_id: uuid,
    service_at_location_id: uuid,
    valid_from: date,
    valid_to: date,
    dtstart: date,
    timezone: { type: 'number' },
    until: date,
    count: { type: 'number' },
    wkst: { enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
    freq: { enum: ['WEEKLY', 'MONTHLY'] },
    interval: { type: 'number' },
    byday: {
      type: 'string',
      pattern: '^([+-]?\\d{0,2}(MO|TU|WE|TH|FR|SA|SU))(,[+-]?\\d{0,2}(MO|TU|WE|TH|FR|SA|SU))*$',
    },
    byweekno: str,
    bymonthday: { type: 'string', pattern: '^-?\\d{1,2}(,-?\\d{1,2})*$' },
    byyearday: str,
    description: str,
    opens_at: time,
    closes_at: time,
    schedule_link: { type: 'string', format: 'uri' },
    attending_type: str,
    notes: str,
  },
};

const organizationFields = {
  id: uuid,
  name: str,
  alternate_name: str,
  description: str,
  email: { type: 'string', format: 'email' },
  website: { type: 'string', format: 'uri' },
  tax_status: str,
  tax_id: str,
  year_incorporated: { type: 'number' },
  legal_status: str,
  logo: str,
  uri: { type: 'string', format: 'uri' },
  parent_organization_id: uuid,
};

const serviceFields = {
  id: uuid,
  organization_id: uuid,
  program_id: uuid,
  name: str,
  alternate_name: str,
  description: str,
  url: { type: 'string', format: 'uri' },
  email: { type: 'string', format: 'email' },
  status: { enum: ['active', 'inactive', 'defunct', 'temporarily closed'] },
  interpretation_services: str,
  application_process: str,
  fees_description: str,
  accreditations: str,
  eligibility_description: str,
  minimum_age: { type: 'number' },
  maximum_age: { type: 'number' },
  assured_date: date,
  assurer_email: { type: 'string', format: 'email' },
  alert: str,
  last_modified: { type: 'string', format: 'date-time' },
};

const locationFields = {
  id: uuid,
  location_type: { enum: ['physical', 'postal', 'virtual'] },
  url: { type: 'string', format: 'uri' },
  organization_id: uuid,
  name: str,
  alternate_name: str,
  description: str,
  transportation: str,
  latitude: { type: 'number', minimum: -90, maximum: 90 },
  longitude: { type: 'number', minimum: -180, maximum: 180 },
  external_identifier: str,
  external_identifier_type: str,
};

const record = (id: string, required: string[], properties: Record<string, unknown>) => ({
  $id: id,
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

/** List items: one-to-one fields (and a service's schedules / a location's schedules). */
const organizationListItem = record(
  'organization_list',
  ['id', 'name', 'description'],
  organizationFields,
);
const serviceListItem = record('service_list', ['id', 'name', 'status'], {
  ...serviceFields,
  schedules: { type: 'array', items: { $ref: 'schedule' } },
});
const locationListItem = record('location_list', ['id', 'location_type'], {
  ...locationFields,
  schedules: { type: 'array', items: { $ref: 'schedule' } },
});

const service = record('service', ['id', 'name', 'status'], {
  ...serviceFields,
  schedules: { type: 'array', items: { $ref: 'schedule' } },
  locations: { type: 'array', items: { $ref: 'location_list' } },
});

const organization = record('organization', ['id', 'name', 'description'], {
  ...organizationFields,
  phones: { type: 'array', items: { $ref: 'phone' } },
  services: { type: 'array', items: { $ref: 'service' } },
  locations: { type: 'array', items: { $ref: 'location_list' } },
});

/** The API's Page, with the hub's tombstones (`removed`) for incremental sync. */
const page = (id: string, item: string) => ({
  $id: id,
  type: 'object',
  additionalProperties: false,
  required: [
    'total_items',
    'total_pages',
    'page_number',
    'size',
    'first_page',
    'last_page',
    'empty',
    'contents',
  ],
  properties: {
    total_items: { type: 'integer', minimum: 0 },
    total_pages: { type: 'integer', minimum: 1 },
    page_number: { type: 'integer', minimum: 1 },
    size: { type: 'integer', minimum: 0 },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    contents: { type: 'array', items: { $ref: item } },
    removed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'removed_at'],
        properties: { id: uuid, removed_at: { type: 'string', format: 'date-time' } },
      },
    },
  },
});

const meta = {
  $id: 'meta',
  type: 'object',
  required: ['version'],
  properties: {
    version: { const: '3.0' },
    profile: { type: 'string', format: 'uri' },
    openapi_url: { type: 'string', format: 'uri' },
    description: str,
    publisher: {
      type: 'object',
      properties: {
        name: str,
        identifier: str,
        email: { type: 'string', format: 'email' },
        website: { type: 'string', format: 'uri' },
      },
    },
  },
};

export function hsdsValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const s of [
    phone,
    schedule,
    organizationListItem,
    serviceListItem,
    locationListItem,
    service,
    organization,
    meta,
  ]) {
    ajv.addSchema(s);
  }
  ajv.addSchema(page('organization_page', 'organization_list'));
  ajv.addSchema(page('service_page', 'service_list'));
  ajv.addSchema(page('location_page', 'location_list'));
  /** Throws with every violation when the value does not match the named schema. */
  return (schemaId: string, value: unknown): void => {
    const validate = ajv.getSchema(schemaId)!;
    if (!validate(value)) {
      throw new Error(`${schemaId}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    }
  };
}
