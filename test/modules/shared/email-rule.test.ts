// One e-mail rule (src/modules/shared/email.ts) for actors' contacts, volunteers and erasure:
// whatever `volunteer` accepts, `eraseVolunteer` accepts too and erases; whatever one refuses,
// the other refuses with the same code. The limits are RFC 5321's: 64 before the @, 254 in all.
import { Role } from '../../../src/graphql/viewer';
import { isEmail } from '../../../src/modules/shared/email';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed, VOLUNTEER } from '../needs/need-fixtures';

const ERASE = `mutation($e: String!) { eraseVolunteer(email: $e) }`;
const local = (n: number) => 'v'.repeat(n);
/** A domain of exactly `n` characters ending in ".org". */
const domain = (n: number) => `${'d'.repeat(n - 4)}.org`;

const CASES: Array<{ what: string; email: string; valid: boolean }> = [
  { what: 'a plain address', email: 'helga.hansen@example.org', valid: true },
  { what: '64 characters before the @', email: `${local(64)}@example.org`, valid: true },
  { what: '65 characters before the @', email: `${local(65)}@example.org`, valid: false },
  { what: '70 characters before the @', email: `${local(70)}@example.org`, valid: false },
  { what: '254 characters in all', email: `${local(60)}@${domain(193)}`, valid: true },
  { what: '255 characters in all', email: `${local(60)}@${domain(194)}`, valid: false },
  { what: 'two @', email: 'a@b@example.org', valid: false },
  { what: 'no top-level domain', email: 'helga@example', valid: false },
  { what: 'a space inside', email: 'helga hansen@example.org', valid: false },
  { what: 'nothing before the @', email: '@example.org', valid: false },
];

describe('the e-mail rule', () => {
  it('holds the RFC 5321 limits', () => {
    for (const c of CASES) {
      expect({ what: c.what, length: c.email.length, valid: isEmail(c.email) }).toEqual({
        what: c.what,
        length: c.email.length,
        valid: c.valid,
      });
    }
  });
});

describe('volunteer and eraseVolunteer', () => {
  let t: TestHub;
  let admin: string;
  let needId: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    const ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    needId = (
      await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Kuchenbuffet', quantity: 50 })
    ).id;
  });
  afterAll(() => t?.stop());

  it.each(CASES)('agree on $what', async ({ email, valid }) => {
    const pledged = await t.gql<{ volunteer: { volunteerEmail: string } }>(VOLUNTEER, {
      input: { needId, name: 'Helga Hansen', email, quantity: 1, consent: true },
    });
    const erased = await t.gql<{ eraseVolunteer: number }>(ERASE, { e: email }, admin);
    if (valid) {
      expect(pledged.errors).toBeUndefined();
      expect(pledged.data?.volunteer.volunteerEmail).toBe(email);
      // What volunteer stored, eraseVolunteer can erase.
      expect(erased.errors).toBeUndefined();
      expect(erased.data?.eraseVolunteer).toBe(1);
    } else {
      expect(pledged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(erased.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
