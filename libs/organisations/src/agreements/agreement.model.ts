import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../directory/organisation.model';
import { Partnership } from '../partnerships/partnership.model';
import { AgreementStatus, DataCategory, Purpose } from '../vocabulary';

@ObjectType({
  description:
    'The ceiling on what may flow between organisations. A consent can only narrow it. Two-party, or partnership-wide.',
})
export class DataSharingAgreement {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => AgreementStatus) status!: AgreementStatus;
  @Field(() => Partnership, { nullable: true, description: 'Set for a partnership-wide agreement.' })
  partnership!: Partnership | null;
  @Field(() => [Organisation], { description: 'The parties (for a partnership-wide agreement: its members).' })
  parties!: Organisation[];
  @Field(() => [Purpose]) purposes!: Purpose[];
  @Field(() => [DataCategory]) dataCategories!: DataCategory[];
  @Field({ description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; null means open-ended.' })
  validUntil!: string | null;
  @Field(() => Int, { description: 'Days within which the recipient promises to answer a referral.' })
  responseTimeDays!: number;
  @Field(() => Organisation) proposedBy!: Organisation;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) terminatedAt!: Date | null;
  @Field(() => String, { nullable: true }) terminationReason!: string | null;
  @Field(() => Int) version!: number;
}
