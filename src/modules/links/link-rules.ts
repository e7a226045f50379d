import type { RateLimitRule } from '../../server/rate-limit';

/** useLink: 30 per IP in 10 minutes (guessing tokens is hopeless, but it is not free either). */
export const useLinkRule: RateLimitRule = { name: 'use-link', limit: 30, windowSeconds: 600 };
