import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../graphql/context';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** Duration histogram by operation name, and one log line per operation (no variables). */
export function observabilityPlugin(log: Logger, metrics: Metrics): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const status = errors?.length ? 'error' : 'ok';
          const operation = operationName ?? 'anonymous';
          metrics.requestDuration.observe({ operation, status }, seconds);
          log.info(
            {
              requestId: contextValue.requestId,
              operation,
              role: contextValue.viewer.role,
              ms: Math.round(seconds * 1000),
              errors: errors?.map((e) => e.extensions?.code ?? 'ERROR'),
              httpStatus: response.http.status,
            },
            'graphql',
          );
        },
      };
    },
  };
}
