import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requestLoader } from '@app/core';
import { OrganisationServiceModel } from '@app/organisations';
import { ReferralStatus } from './referral-vocabulary';

/**
 * The referrals that hold one of a service's places: accepted into it, or in
 * progress there. Accepting counts them against the capacity (in the
 * referral's transaction, the service locked); the directory shows what is left.
 */
export const PLACE_HOLDING_STATUSES: readonly ReferralStatus[] = [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS];

/** SQL: how many places of service `$<param>` are taken. */
export const takenPlacesSql = (param: string) =>
  `SELECT count(*)::int AS taken FROM referrals WHERE to_service_id = ${param} AND status = ANY ('{${PLACE_HOLDING_STATUSES.join(',')}}'::text[])`;

/** `OrganisationService.freePlaces`, for choosing where to refer someone. */
@Resolver(() => OrganisationServiceModel)
export class ServicePlacesResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Places not taken by accepted or in-progress referrals; null when the service has no fixed limit. ' +
      'A coordinator may still accept into a full service, giving a reason.',
  })
  async freePlaces(
    @Parent() service: OrganisationServiceModel,
    @Context() { req }: { req: object },
  ): Promise<number | null> {
    if (service.capacity === null) return null;
    // One statement for all the services of a response.
    const taken = await requestLoader(req, 'service.takenPlaces', async (ids: readonly string[]) => {
      const rows: { id: string; taken: number }[] = await this.dataSource.query(
        `SELECT s.id, t.taken FROM unnest($1::uuid[]) AS s(id) CROSS JOIN LATERAL (${takenPlacesSql('s.id')}) t`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row.taken]));
      return ids.map((id) => byId.get(id) ?? 0);
    }).load(service.id);
    return Math.max(0, service.capacity - taken);
  }
}
