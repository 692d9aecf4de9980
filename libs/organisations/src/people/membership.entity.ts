import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@app/authz';

/** A user's role in one organisation; at most one per (user, organisation). */
@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) role!: Role;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
