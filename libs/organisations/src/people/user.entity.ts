import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Language } from '../vocabulary';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-case; unique. */
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) displayName!: string;
  /** argon2id */
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'text', default: Language.pl }) language!: Language;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
