import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { HubEvent } from './event.entity';

/** A topic proposed for an event (the changing questions of a Stammtisch), with its vote count. */
@Entity()
export class TopicProposal {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  eventId: number;

  @ManyToOne(() => HubEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: HubEvent;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'int', nullable: true })
  proposedById: number | null;

  @ManyToOne(() => Actor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_id' })
  proposedBy?: Actor;

  @Column({ type: 'int', default: 0 })
  votes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  get __typename(): 'TopicProposal' {
    return 'TopicProposal';
  }
}

/** One vote: the voter is "actor:<id>" or "account:<token subject>", once per proposal. */
@Entity()
@Index('UQ_topic_vote', ['proposalId', 'voter'], { unique: true })
export class TopicVote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  proposalId: number;

  @ManyToOne(() => TopicProposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: TopicProposal;

  @Column({ type: 'varchar', length: 220 })
  voter: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
