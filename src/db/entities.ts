import { MODULES } from '../modules';
import { RateLimitBucket } from '../server/rate-limit.entity';

/** Every TypeORM entity of the hub; the data source and the migration check read this list. */
export const ENTITIES = [...MODULES.flatMap((m) => m.entities), RateLimitBucket];
