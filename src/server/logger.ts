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
