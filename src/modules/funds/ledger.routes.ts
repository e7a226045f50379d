// The public ledger as a CSV file for spreadsheets: UTF-8 with a byte order mark (so Excel
// reads the umlauts), semicolons (German Excel's separator), German headers, and every cell that
// a spreadsheet would run as a formula (=, +, -, @, tab, CR) neutralised with a leading apostrophe.
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import { decodeGlobalId } from '../../graphql/global-id';
import type { LedgerRow, ProgrammeService } from './programme.service';

export const ledgerPath = (globalId: string) => `/funding-programmes/${globalId}/ledger.csv`;

/** A cell a spreadsheet shows as text, never evaluates. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const berlinDate = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

export function ledgerCsv(rows: LedgerRow[]): string {
  const records = rows.map((r) => [
    safeCell(r.applicantName),
    safeCell(r.purpose),
    String(r.amountCents),
    (r.amountCents / 100).toFixed(2).replace('.', ','),
    r.status,
    berlinDate(r.decidedAt),
  ]);
  return (
    '\uFEFF' +
    stringify(
      [
        ['Antragsteller', 'Zweck', 'Betrag_Cent', 'Betrag_Euro', 'Status', 'Bewilligt_am'],
        ...records,
      ],
      { delimiter: ';', record_delimiter: 'windows' },
    )
  );
}

export function registerLedgerRoutes(
  app: FastifyInstance,
  { programmes }: { programmes: ProgrammeService },
): void {
  app.get<{ Params: { id: string } }>('/funding-programmes/:id/ledger.csv', async (req, reply) => {
    const decoded = decodeGlobalId(req.params.id);
    const [p] = decoded?.type === 'FundingProgramme' ? await programmes.byIds([decoded.id]) : [];
    if (!p) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('Dieses Förderprogramm gibt es nicht.');
    }
    const csv = ledgerCsv(await programmes.ledger([p.id]));
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="foerderungen-${p.id}.csv"`)
      .header('Cache-Control', 'public, max-age=60')
      .send(csv);
  });
}
