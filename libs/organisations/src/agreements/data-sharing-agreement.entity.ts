import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { AgreementStatus, DataCategory, Purpose } from '../vocabulary';

/**
 * The ceiling on what may flow between organisations: purposes, data
 * categories, validity and the response time the recipient promises. Between
 * the organisations in `agreement_parties`, or partnership-wide when
 * `partnershipId` is set.
 */
@Entity('data_sharing_agreements')
export class DataSharingAgreementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'uuid', nullable: true }) partnershipId!: string | null;
  @Column({ type: 'text' }) status!: AgreementStatus;
  @Column({ type: 'text', array: true }) purposes!: Purpose[];
  @Column({ type: 'text', array: true }) dataCategories!: DataCategory[];
  /** ISO date (YYYY-MM-DD) */
  @Column({ type: 'date' }) validFrom!: string;
  @Column({ type: 'date', nullable: true }) validUntil!: string | null;
  @Column({ type: 'integer' }) responseTimeDays!: number;
  @Column({ type: 'uuid' }) proposedByOrganisationId!: string;
  @Column({ type: 'uuid' }) proposedByUserId!: string;
  @Column({ type: 'uuid', nullable: true }) approvedByUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) terminatedByUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) terminatedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) terminationReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @VersionColumn() version!: number;
}

@Entity('agreement_parties')
export class AgreementPartyEntity {
  @PrimaryColumn({ type: 'uuid' }) agreementId!: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
}
