import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthzModule, PolicyGuard, RequestAuthenticator } from '@app/authz';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  LoggerModule,
  QueueModule,
  createInputValidationPipe,
} from '@app/core';
import { ConsentsModule } from '@app/consents';
import { NotificationsModule } from '@app/notifications';
import { DemoModule, OrganisationsModule } from '@app/organisations';
import { ParticipantsModule } from '@app/participants';
import { DemoCaseworkModule, ReferralsModule } from '@app/referrals';
import { WorkerProcessorsModule } from '@app/worker/worker-processors.module';
import { ConsoleModule } from './console/console.module';
import { GraphiqlAssetsController } from './graphql/graphiql';
import { graphqlOptions } from './graphql/graphql-options';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';

/** The GraphQL API. With `runWorkerInProcess` it also runs the worker's processors. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DatabaseModule.forRoot(config),
        QueueModule,
        HealthModule,
        AuthzModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [OrganisationsModule],
          inject: [RequestAuthenticator],
          useFactory: (authenticator: RequestAuthenticator) => graphqlOptions(config, authenticator),
        }),
        OrganisationsModule,
        ConsentsModule,
        ParticipantsModule,
        ReferralsModule,
        NotificationsModule,
        DemoModule,
        DemoCaseworkModule,
        QueueDashboardModule,
        ConsoleModule,
        ...(config.runWorkerInProcess ? [WorkerProcessorsModule] : []),
      ],
      controllers: config.isProduction ? [] : [GraphiqlAssetsController],
      providers: [
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
      ],
    };
  }
}
