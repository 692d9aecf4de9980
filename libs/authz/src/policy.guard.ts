import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, IS_PUBLIC } from '@app/core';
import { POLICY, PolicyRequirement } from './policy.decorator';
import { RequestAuthenticator } from './request-authenticator';
import { requestOf } from './request-context';

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
    private readonly authenticator: RequestAuthenticator,
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
    // Over graphql-ws the connection's actor is checked when it opens (see graphqlOptions).
    const actor = request.actor ?? (await this.authenticator.authenticate(request));
    request.actor = actor;

    if (policy.kind === 'ability' && !actor.ability.can(policy.action, policy.subject)) {
      throw new ForbiddenError();
    }
    return true;
  }
}
