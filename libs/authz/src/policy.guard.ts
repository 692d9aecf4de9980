import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, IS_PUBLIC, UnauthenticatedError } from '@app/core';
import { AccessTokenService } from './access-token.service';
import { ACTOR_RESOLVER, ActorResolver } from './actor-resolver';
import { POLICY, PolicyRequirement } from './policy.decorator';
import { AuthenticatedRequest, requestOf } from './request-context';

/**
 * Global guard, deny by default: an operation runs only if it is `@Public()`
 * or declares a policy that the authenticated actor satisfies. An operation
 * that forgot its policy is refused, never let through.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @Inject(ACTOR_RESOLVER) private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const policy = this.reflector.get<PolicyRequirement | undefined>(POLICY, context.getHandler());
    if (!policy) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no policy; refused`);
      throw new ForbiddenError('This operation declares no access policy');
    }

    const request = requestOf(context);
    const actor = await this.authenticate(request);
    request.actor = actor;

    if (policy.kind === 'ability' && !actor.ability.can(policy.action, policy.subject)) {
      throw new ForbiddenError();
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest) {
    if (request.actor) return request.actor;
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthenticatedError();
    const actor = await this.actors.resolve(this.tokens.verify(match[1]));
    if (!actor) throw new UnauthenticatedError('Invalid or expired token');
    return actor;
  }
}
