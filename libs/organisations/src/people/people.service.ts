import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor, Role, authorize, isAllowed } from '@app/authz';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, isUniqueViolation } from '@app/core';
import { DirectoryService } from '../directory/directory.service';
import { OrganisationEntity } from '../directory/organisation.entity';
import { Language } from '../vocabulary';
import { MembershipEntity } from './membership.entity';
import { hashPassword } from './passwords';
import { AddMemberInput, ChangeMemberRoleInput } from './people.input';
import { Me, Membership, User } from './people.model';
import { UserEntity } from './user.entity';

const toUser = ({ id, email, displayName, language }: UserEntity): User => ({ id, email, displayName, language });

/** Users and their memberships; partner admins manage their own organisation's people. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly directory: DirectoryService,
  ) {}

  async me(actor: Actor): Promise<Me> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    const rows = await this.memberships.find({ where: { userId: actor.userId }, order: { createdAt: 'ASC' } });
    return {
      user: toUser(user),
      memberships: rows.map((m) => ({ id: m.id, role: m.role, organisationId: m.organisationId, user: toUser(user) })),
      organisations: await this.directory.getMany(rows.map((m) => m.organisationId)),
    };
  }

  async setLanguage(actor: Actor, language: Language): Promise<User> {
    await this.users.update({ id: actor.userId }, { language });
    return toUser(await this.users.findOneByOrFail({ id: actor.userId }));
  }

  /** Members of an organisation, or `null` when the actor may not see them. */
  async membersOf(actor: Actor, organisationId: string): Promise<Membership[] | null> {
    if (!isAllowed(actor, 'read', 'Membership', { organisationId })) return null;
    const rows = await this.memberships.find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    const users = await this.users.findBy({ id: In(rows.map((r) => r.userId)) });
    const byId = new Map(users.map((u) => [u.id, toUser(u)]));
    return rows.map((m) => ({ id: m.id, role: m.role, organisationId: m.organisationId, user: byId.get(m.userId)! }));
  }

  async addMember(actor: Actor, input: AddMemberInput): Promise<Membership> {
    if (!(await this.dataSource.getRepository(OrganisationEntity).existsBy({ id: input.organisationId }))) {
      throw new NotFoundError('Organisation', input.organisationId);
    }
    authorize(actor, 'create', 'Membership', { organisationId: input.organisationId, role: input.role });
    const email = input.email.trim().toLowerCase();

    return this.dataSource.transaction(async (tx) => {
      const user = (await tx.findOneBy(UserEntity, { email })) ?? (await this.createUser(tx, email, input));
      try {
        const membership = await tx.save(
          tx.create(MembershipEntity, { userId: user.id, organisationId: input.organisationId, role: input.role }),
        );
        return {
          id: membership.id,
          role: membership.role,
          organisationId: membership.organisationId,
          user: toUser(user),
        };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('This user is already a member of the organisation');
        throw error;
      }
    });
  }

  async changeRole(actor: Actor, input: ChangeMemberRoleInput): Promise<Membership> {
    const membership = await this.visibleMembership(actor, input.membershipId);
    authorize(actor, 'update', 'Membership', { organisationId: membership.organisationId, role: membership.role });
    authorize(actor, 'update', 'Membership', { organisationId: membership.organisationId, role: input.role });
    return this.dataSource.transaction(async (tx) => {
      if (membership.role === Role.PARTNER_ADMIN && input.role !== Role.PARTNER_ADMIN) {
        await this.assertAnotherAdminRemains(tx, membership);
      }
      await tx.update(MembershipEntity, { id: membership.id }, { role: input.role });
      const user = await tx.findOneByOrFail(UserEntity, { id: membership.userId });
      return { id: membership.id, role: input.role, organisationId: membership.organisationId, user: toUser(user) };
    });
  }

  async removeMember(actor: Actor, membershipId: string): Promise<boolean> {
    const membership = await this.visibleMembership(actor, membershipId);
    authorize(actor, 'delete', 'Membership', { organisationId: membership.organisationId, role: membership.role });
    // A partner admin may neither grant nor change a platform-admin membership, so neither may they remove one.
    if (membership.role === Role.PLATFORM_ADMIN && !actor.isPlatformAdmin) {
      throw new ForbiddenError('Only a platform admin can remove a platform admin');
    }
    return this.dataSource.transaction(async (tx) => {
      if (membership.role === Role.PARTNER_ADMIN) await this.assertAnotherAdminRemains(tx, membership);
      await tx.delete(MembershipEntity, { id: membership.id });
      return true;
    });
  }

  private async visibleMembership(actor: Actor, id: string): Promise<MembershipEntity> {
    const membership = await this.memberships.findOneBy({ id });
    if (!membership || !isAllowed(actor, 'read', 'Membership', { organisationId: membership.organisationId })) {
      throw new NotFoundError('Membership', id);
    }
    return membership;
  }

  /** An organisation never loses its last partner admin: nobody could manage it any more. */
  private async assertAnotherAdminRemains(tx: EntityManager, membership: MembershipEntity): Promise<void> {
    // Lock the organisation's admin rows so two concurrent removals cannot both pass.
    const admins = await tx
      .createQueryBuilder(MembershipEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.organisation_id = :org AND m.role = :role', {
        org: membership.organisationId,
        role: Role.PARTNER_ADMIN,
      })
      .getMany();
    if (admins.filter((a) => a.id !== membership.id).length === 0) {
      throw new ConflictError('An organisation must keep at least one partner admin');
    }
  }

  private async createUser(tx: EntityManager, email: string, input: AddMemberInput): Promise<UserEntity> {
    if (!input.initialPassword) {
      throw new BadUserInputError('initialPassword is required for a new account', [
        { field: 'initialPassword', problems: ['required when the e-mail has no account yet'] },
      ]);
    }
    const passwordHash = await hashPassword(input.initialPassword);
    try {
      return await tx.save(
        tx.create(UserEntity, {
          email,
          displayName: input.displayName.trim(),
          passwordHash,
          language: input.language ?? Language.pl,
        }),
      );
    } catch (error) {
      // Someone created the same account at the same moment.
      if (isUniqueViolation(error)) throw new ConflictError('An account with this e-mail was just created; retry');
      throw error;
    }
  }
}
