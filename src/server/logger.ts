// JSON logs. Personal data never reaches them: known fields are redacted, and request variables
// and bodies are never logged.
import pino, { Logger } from 'pino';
import { LogLevel } from '../config/env';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.volunteerName',
  '*.volunteerEmail',
  '*.email',
  '*.password',
  'variables',
  '*.variables',
  // PostgreSQL names the offending values in an error's detail ("Key (need_id, volunteer_email)=
  // (7, a@b.org) already exists"); unexpected errors are logged whole, so the detail goes.
  'err.detail',
  'err.cause.detail',
  'err.where',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'engagement-hub' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
