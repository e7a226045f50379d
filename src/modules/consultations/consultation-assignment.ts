// Assigning a consultation to a pilot, and the pilots suggested for it. A pilot's capacity is
// so many assignments per calendar month in Europe/Berlin, held in pilot_month_load by one
// conditional upsert: of any number of assignments racing for a pilot's last slot exactly one
// gets it, the others are CONFLICT, unless the coordinator says overCapacity.
import type { Queryable } from '../../db/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { AREA_NAMES } from '../pilots/expertise-area';
import { Pilot } from '../pilots/pilot.entity';
import type { PilotService } from '../pilots/pilot.service';
import { berlinMonth } from './capacity-month';
import { Consultation, ConsultationStatus } from './consultation.entity';
import { assignedMail } from './consultation.mails';
import { assertCanCoordinateConsultation } from './consultation.permissions';
import { ConsultationService, remindJobKey, REMIND_TASK } from './consultation.service';

export interface PilotSuggestion {
  pilot: Pilot;
  score: number;
  reasons: string[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export class ConsultationAssignment {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly pilots: PilotService,
  ) {}

  async assign(
    viewer: Viewer,
    id: number,
    pilotId: number,
    overCapacity: boolean,
    now = new Date(),
    dueAt?: Date,
  ): Promise<Consultation> {
    const cs = this.consultations;
    if (dueAt !== undefined && !(dueAt.getTime() > now.getTime())) {
      throw new BadUserInputError('dueAt must lie in the future', 'dueAt');
    }
    return cs.db.transaction(async (tx) => {
      const { c, target } = await cs.lock(tx, viewer, id);
      assertCanCoordinateConsultation(viewer, target);
      if (c.status !== ConsultationStatus.OPEN && c.status !== ConsultationStatus.ASSIGNED) {
        throw new ConflictError(
          `A consultation that is ${c.status.toLowerCase()} cannot be assigned again`,
        );
      }
      if (c.pilotId === pilotId && dueAt === undefined) return c;
      const { rows: pilots } = await tx.query<{ active: boolean }>(
        'SELECT active FROM pilot WHERE id = $1',
        [pilotId],
      );
      if (!pilots[0]) throw new NotFoundError('Pilot', 'pilotId');
      // A new due date for the same pilot is no new assignment: no slot, no activity check.
      if (!pilots[0].active && c.pilotId !== pilotId) {
        throw new BadUserInputError(
          'pilotId names a pilot who takes on no consultations now',
          'pilotId',
        );
      }
      const month = c.pilotId === pilotId ? c.assignedMonth : berlinMonth(now);
      if (c.pilotId !== pilotId) await this.takeSlot(tx, pilotId, month as string, overCapacity);
      const newDue = dueAt ?? c.dueAt;
      // Reassigned before an answer: the previous pilot gets that month's slot back.
      if (c.pilotId != null && c.pilotId !== pilotId && c.assignedMonth) {
        await tx.query(
          `UPDATE pilot_month_load SET assigned = assigned - 1
            WHERE pilot_id = $1 AND month = $2 AND assigned > 0`,
          [c.pilotId, c.assignedMonth],
        );
      }
      const [row] = await tx.rows(
        `UPDATE consultation SET status = 'ASSIGNED', pilot_id = $2, assigned_month = $3,
                due_at = $4, reminded_at = NULL, updated_at = now()
          WHERE id = $1 RETURNING ${cs.returning}`,
        [c.id, pilotId, month, newDue],
      );
      const updated = cs.hydrate(row);
      if (c.pilotId !== pilotId) {
        await cs.mailTo(
          tx,
          await cs.pilotEmails(tx, pilotId),
          'consultation-assigned',
          assignedMail({ area: c.area, url: cs.url(c.id), dueAt: newDue }),
        );
      }
      const due = newDue && newDue > now ? newDue : now;
      await cs.queue.add(
        tx,
        REMIND_TASK,
        { consultationId: c.id },
        { runAt: due, jobKey: remindJobKey(c.id) },
      );
      await cs.audit.record(tx, viewer, {
        operation: 'assignConsultation',
        targetIds: [toGlobalId('Consultation', c.id), toGlobalId('Pilot', pilotId)],
        regionId: c.regionId,
      });
      return updated;
    });
  }

  /** Takes one of the pilot's slots of `month`, or CONFLICT when none is left. */
  private async takeSlot(
    tx: Queryable,
    pilotId: number,
    month: string,
    overCapacity: boolean,
  ): Promise<void> {
    // The capacity check and the count are one statement: the row lock of the upsert
    // serialises racing assignments, and the WHERE is evaluated again after the lock.
    const { rows: taken } = await tx.query(
      `INSERT INTO pilot_month_load AS l (pilot_id, month, assigned)
         SELECT p.id, $2::date, 1 FROM pilot p WHERE p.id = $1 AND ($3 OR p.monthly_capacity > 0)
         ON CONFLICT (pilot_id, month) DO UPDATE SET assigned = l.assigned + 1
          WHERE $3 OR l.assigned < (SELECT p.monthly_capacity FROM pilot p WHERE p.id = $1)
         RETURNING l.assigned`,
      [pilotId, month, overCapacity],
    );
    if (taken.length === 0) {
      throw new ConflictError(
        'The pilot has no capacity left this month; assign with overCapacity: true to assign anyway',
        { reason: 'PILOT_CAPACITY', field: 'pilotId' },
      );
    }
  }

  /**
   * Active pilots with the consultation's area who serve its region (a served region on the
   * region's path), best first: those with capacity left this Berlin month always before those
   * without, then the nearer service area, then the larger share of free capacity.
   */
  async suggest(c: Consultation, first: number, now = new Date()): Promise<PilotSuggestion[]> {
    const db = this.consultations.db;
    const [region] = await db.read<{ path: string }>('SELECT path FROM region WHERE id = $1', [
      c.regionId,
    ]);
    if (!region) return [];
    const path = region.path.split('/').filter(Boolean).map(Number);
    const [names, rows] = await Promise.all([
      db.read<{ id: number; name: string }>(
        'SELECT id, name FROM region WHERE id = ANY($1::int[])',
        [path],
      ),
      db.read(
        `SELECT p.*, coalesce(l.assigned, 0) AS _assigned FROM pilot p
           LEFT JOIN pilot_month_load l ON l.pilot_id = p.id AND l.month = $3::date
          WHERE p.active AND $1::expertise_area = ANY(p.areas) AND p.region_ids && $2::int[]`,
        [c.area, path, berlinMonth(now)],
      ),
    ]);
    const nameOf = new Map(names.map((r) => [Number(r.id), r.name]));
    const here = nameOf.get(c.regionId) ?? 'die Region';
    const suggestions = rows.map((row) => {
      const pilot = this.pilots.hydrate(row);
      const assigned = Number(row._assigned);
      const free = Math.max(0, pilot.monthlyCapacity - assigned);
      // The served region nearest to the consultation's: the deepest one on its path.
      const depth = Math.max(...pilot.regionIds.map((id) => path.indexOf(id)));
      const served = nameOf.get(path[depth]) ?? here;
      const closeness = (depth + 1) / path.length;
      const freeShare = pilot.monthlyCapacity > 0 ? free / pilot.monthlyCapacity : 0;
      const reasons = [
        `Fachgebiet: ${AREA_NAMES[c.area]}`,
        path[depth] === c.regionId
          ? `Zuständig für ${here}`
          : `Zuständig für ${served} und damit auch für ${here}`,
        free > 0
          ? `Diesen Monat noch ${free} von ${pilot.monthlyCapacity} Beratungen frei`
          : `Diesen Monat keine Beratung mehr frei (${assigned} von ${pilot.monthlyCapacity} vergeben)`,
      ];
      const score = round((free > 0 ? 1 : 0) + 0.3 * closeness + 0.2 * freeShare);
      return { pilot, score, reasons };
    });
    return suggestions
      .sort((a, b) => b.score - a.score || a.pilot.id - b.pilot.id)
      .slice(0, Math.max(0, first));
  }
}
