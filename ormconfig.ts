// The DataSource the TypeORM CLI uses (migration:generate, migration:run). It reads the same
// environment as the hub; the embedded database's URL is printed by `npm start`.
import 'reflect-metadata';
import { loadConfig } from './src/config/env';
import { createDataSource } from './src/db/data-source';

const config = loadConfig();
const url = config.databaseUrl ?? process.env.TEST_DATABASE_URL;
if (!url) {
  throw new Error(
    'Set DATABASE_URL (for example the embedded one: postgres://postgres:hub-embedded@127.0.0.1:5433/hub)',
  );
}

export default createDataSource({ url });
