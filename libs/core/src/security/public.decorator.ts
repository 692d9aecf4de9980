import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'authz:public';

/**
 * The only way to opt out of the global deny-by-default guard. Kept in core so
 * infrastructure endpoints (health) can use it without depending on authz.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
