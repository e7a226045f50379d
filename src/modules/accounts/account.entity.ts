import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The roles an account can hold (everything but PUBLIC). */
export enum AccountRole {
  MEMBER = 'MEMBER',
  NETWORKER = 'NETWORKER',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
  PILOT = 'PILOT',
}

/**
 * A person who signs in. The e-mail is stored lower-cased (the CHECK holds it so), which makes
 * the plain unique index case-insensitive. `sessionGeneration` is in every session token of the
 * account: signOut and disabling move it on, which ends every session issued before.
 */
@Entity()
@Check('account_email_lower', `"email" = lower("email")`)
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'enum', enum: AccountRole, enumName: 'account_role' })
  role: AccountRole;

  /** Actors this account acts for (database ids). */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  actorIds: number[];

  /** Regions this account coordinates (database ids), each with everything below it. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  regionIds: number[];

  /** The pilot (Ehrenamtslotse) this account signs in as; set by the pilots module. */
  @Column({ type: 'int', nullable: true })
  pilotId: number | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Column({ type: 'int', default: 1 })
  sessionGeneration: number;

  get __typename(): 'Account' {
    return 'Account';
  }
}
