// GET /open-data: a ZIP of CSV files (open-data.tables.ts) and a Frictionless datapackage.json,
// streamed: each table is read with a cursor while the previous one is being sent, so memory
// stays flat however many rows there are (the benchmark measures it at 100,000 actors).
import { PassThrough, pipeline, Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { ZipFile } from 'yazl';
import type { OpenDataService } from './open-data.service';
import { OPEN_DATA_TABLES, OpenDataTable } from './open-data.tables';

interface Licence {
  name: string;
  title?: string;
  path?: string;
}

const KNOWN_LICENCES: Record<string, Licence> = {
  'dl-de/by-2-0': {
    name: 'dl-de-by-2.0',
    title: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    path: 'https://www.govdata.de/dl-de/by-2-0',
  },
  'dl-de/zero-2-0': {
    name: 'dl-de-zero-2.0',
    title: 'Datenlizenz Deutschland – Zero – Version 2.0',
    path: 'https://www.govdata.de/dl-de/zero-2-0',
  },
  'cc-by-4.0': {
    name: 'CC-BY-4.0',
    title: 'Creative Commons Namensnennung 4.0 International',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc0-1.0': {
    name: 'CC0-1.0',
    title: 'CC0 1.0 Universell',
    path: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
};

/** The licence of HUB_OPEN_DATA_LICENSE as a Data Package licence (an unknown id by name). */
export function licence(id: string): Licence {
  return KNOWN_LICENCES[id.toLowerCase()] ?? { name: id };
}

/** datapackage.json (Frictionless Data, tabular data package) describing every file. */
export function dataPackage(licenceId: string, created: Date): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'engagement-hub-open-data',
    title: 'Engagement-Hub: offene Daten',
    description:
      'Öffentliche Daten des Engagement-Hubs: Akteure, Bedarfe, Angebote, Veranstaltungen, ' +
      'Anlaufstellen und Kooperationen. Keine personenbezogenen Daten, nichts nur für das Netzwerk Sichtbares.',
    created: created.toISOString(),
    licenses: [licence(licenceId)],
    resources: OPEN_DATA_TABLES.map((t) => ({
      name: t.name.replace(/_/g, '-'),
      path: `${t.name}.csv`,
      title: t.title,
      description: t.description,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', header: true, doubleQuote: true },
      schema: {
        fields: t.fields.map((f) => ({
          name: f.name,
          // The tables' field types are Frictionless Table Schema type names.
          type: f.type,
          // ISO 8601 with milliseconds in UTC (toISOString).
          ...(f.type === 'datetime' ? { format: 'any' } : {}),
          ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
          description: f.description,
        })),
        primaryKey: t.primaryKey,
        missingValues: [''],
      },
    })),
  };
}

/** One table as CSV text: a header row, then a row per record. */
function csvOf(table: OpenDataTable, rows: NodeJS.ReadableStream): NodeJS.ReadableStream {
  const csv = stringify({
    header: true,
    columns: table.fields.map((f) => f.name),
    cast: { boolean: (v) => (v ? 'true' : 'false') },
    eof: true,
    record_delimiter: 'unix',
  });
  const toRecord = new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _enc, done) {
      done(null, Object.fromEntries(table.fields.map((f) => [f.name, f.value(row)])));
    },
  });
  // On a failure pipeline destroys every stage with the error, so `csv` reports it.
  pipeline(rows, toRecord, csv, () => undefined);
  return csv;
}

/**
 * The ZIP as a stream. An error of the database breaks the download off (no valid file is
 * pretended); a client that goes away stops the reading, and the snapshot's connection closes.
 */
export function openDataZip(
  service: OpenDataService,
  licenceId: string,
  now = new Date(),
): NodeJS.ReadableStream {
  const zip = new ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  zip.addBuffer(
    Buffer.from(JSON.stringify(dataPackage(licenceId, now), null, 2) + '\n', 'utf8'),
    'datapackage.json',
    { mtime: now },
  );
  let finished = false;
  let abort: ((e: Error) => void) | undefined;
  out.once('close', () => {
    if (!finished) abort?.(new Error('the download was broken off'));
  });
  void service
    .snapshot(async (stream) => {
      for (const table of OPEN_DATA_TABLES) {
        await new Promise<void>((resolve, reject) => {
          abort = reject;
          if (out.destroyed) return reject(new Error('the download was broken off'));
          zip.addReadStreamLazy(`${table.name}.csv`, { mtime: now }, (cb) => {
            const rows = stream(table.sql);
            const csv = csvOf(table, rows);
            abort = (e) => {
              rows.destroy(e);
              reject(e);
            };
            rows.once('error', reject);
            csv.once('end', resolve);
            csv.once('error', reject);
            cb(null, csv);
          });
          // Lazy entries start in order; end() may only come after the last one was added.
          if (table === OPEN_DATA_TABLES[OPEN_DATA_TABLES.length - 1]) zip.end();
        });
      }
    })
    .then(() => (finished = true))
    .catch((e: Error) => {
      finished = true;
      out.destroy(e);
    });
  return out;
}
