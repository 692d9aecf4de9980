import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('partnerships')
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** The organisation whose partner admins manage the partnership's membership. */
  @Column({ type: 'uuid' }) leadOrganisationId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('partnership_members')
export class PartnershipMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) partnershipId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) joinedAt!: Date;
}
