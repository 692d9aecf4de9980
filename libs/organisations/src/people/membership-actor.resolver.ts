import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Actor, ActorResolver, Role } from '@app/authz';
import { preparedStatement } from '@app/core';

/** Every request runs it: prepared once per connection (see `preparedStatement`). */
const MEMBERSHIPS = `SELECT m.organisation_id, m.role
  FROM users u LEFT JOIN memberships m ON m.user_id = u.id
 WHERE u.id = $1 AND u.disabled_at IS NULL`;

/** Reads the user's current memberships on every request (one indexed query). */
@Injectable()
export class MembershipActorResolver implements ActorResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(userId: string): Promise<Actor | undefined> {
    // A token's subject is only trusted as far as its signature: never hand SQL a value it would choke on.
    if (!isUUID(userId)) return undefined;
    const rows: { organisation_id: string | null; role: Role | null }[] = await this.dataSource.query(
      preparedStatement('actor-memberships', MEMBERSHIPS),
      [userId],
    );
    if (rows.length === 0) return undefined;
    const memberships = rows
      .filter((r): r is { organisation_id: string; role: Role } => r.organisation_id !== null && r.role !== null)
      .map((r) => ({ organisationId: r.organisation_id, role: r.role }));
    return new Actor(userId, memberships);
  }
}
