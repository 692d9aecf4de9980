import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { UuidArg } from '@app/core';
import {
  CreateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
} from './webhook.model';
import { WebhooksService } from './webhooks.service';

// `@Authenticated()`: only the organisation's partner admins (or a platform
// admin) manage its webhooks, checked in the service on the endpoint's row.
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Query(() => [WebhookEndpoint], { description: "An organisation's webhook endpoints (secrets are never shown)." })
  @Authenticated()
  webhookEndpoints(
    @CurrentActor() actor: Actor,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<WebhookEndpoint[]> {
    return this.service.list(actor, organisationId);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Returns the signing secret, this once.' })
  @Authenticated()
  createWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return this.service.create(actor, input);
  }

  @Mutation(() => WebhookEndpoint)
  @Authenticated()
  disableWebhookEndpoint(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<WebhookEndpoint> {
    return this.service.setActive(actor, id, false);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Enables the endpoint again and resets its failure count.' })
  @Authenticated()
  enableWebhookEndpoint(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<WebhookEndpoint> {
    return this.service.setActive(actor, id, true);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: "An endpoint's deliveries, newest first, with every attempt.",
  })
  @Authenticated()
  webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryConnection> {
    return this.service.deliveries(actor, args);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a delivery again, with the same id.' })
  @Authenticated()
  replayWebhookDelivery(
    @CurrentActor() actor: Actor,
    @UuidArg('deliveryId') deliveryId: string,
  ): Promise<WebhookDelivery> {
    return this.service.replay(actor, deliveryId);
  }
}
