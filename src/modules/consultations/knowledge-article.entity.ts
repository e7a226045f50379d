import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ExpertiseArea } from '../pilots/expertise-area';
import { Region } from '../regions/region.entity';
import { Consultation } from './consultation.entity';

/**
 * An answered question, anonymised by a coordinator and published for everyone. It keeps the
 * consultation it came from, shown only to those who may see that consultation. Searched like
 * needs: the trigger keeps search_vector (title A, body C) and search_name (the folded title).
 */
@Entity()
@Index('IDX_knowledge_article_search', { synchronize: false })
@Index('IDX_knowledge_article_search_name', { synchronize: false })
export class KnowledgeArticle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: ExpertiseArea, enumName: 'expertise_area' })
  area: ExpertiseArea;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @ManyToOne(() => Region, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Index()
  @Column({ type: 'int', nullable: true })
  consultationId: number | null;

  @ManyToOne(() => Consultation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'consultation_id' })
  consultation?: Consultation;

  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  searchName?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;

  get __typename(): 'KnowledgeArticle' {
    return 'KnowledgeArticle';
  }
}
