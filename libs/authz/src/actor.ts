import { AppAbility, defineAbilityFor } from './ability.factory';
import { Role } from './role';

export interface ActorMembership {
  organisationId: string;
  role: Role;
}

/**
 * Who is asking: a signed-in user and the roles they hold, per organisation.
 * Built once per request by the guard; services take it as their first
 * argument and never look the user up again.
 */
export class Actor {
  constructor(
    readonly userId: string,
    readonly memberships: readonly ActorMembership[],
    /** The browser session the request came with; undefined for a bearer token. */
    readonly sessionId?: string,
  ) {}

  /** The same actor, signed in through browser session `sessionId`. */
  inSession(sessionId: string): Actor {
    return new Actor(this.userId, this.memberships, sessionId);
  }

  private cachedAbility?: AppAbility;

  /** CASL abilities from the memberships, built once per actor (once per request). */
  get ability(): AppAbility {
    this.cachedAbility ??= defineAbilityFor(this);
    return this.cachedAbility;
  }

  get isPlatformAdmin(): boolean {
    return this.memberships.some((m) => m.role === Role.PLATFORM_ADMIN);
  }

  get organisationIds(): string[] {
    return this.memberships.map((m) => m.organisationId);
  }

  /** Organisations in which the actor holds one of the given roles. */
  organisationsWhere(...roles: Role[]): string[] {
    return this.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organisationId);
  }

  isMemberOf(organisationId: string): boolean {
    return this.memberships.some((m) => m.organisationId === organisationId);
  }

  hasRoleIn(organisationId: string, ...roles: Role[]): boolean {
    return this.memberships.some((m) => m.organisationId === organisationId && roles.includes(m.role));
  }
}
