import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './database.module';

/**
 * Standalone DataSource for the TypeORM CLI (`npm run migration:run`,
 * `migration:revert`) against DATABASE_URL.
 */
const config = loadConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the migration CLI');
export default new DataSource(dataSourceOptions(config.databaseUrl));
