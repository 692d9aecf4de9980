import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';

/** Imported by the API only: the demo partnership on first boot outside production. */
@Module({ providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
