import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Exports the AI SDK's OpenTelemetry spans (`ai.streamText`, `ai.streamText.doStream`, `ai.toolCall`,
 * with model, tokens and tool names) to an OTLP/HTTP collector, when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set. Hale's own trace of each turn is stored in `hale.trace` / `hale.span` either way; this sends
 * the same turn to the organisation's tracing system. The context manager makes each model and tool
 * span a child of its turn.
 */
export function startTelemetry({ endpoint, version }: { endpoint: string; version: string }): {
  shutdown(): Promise<void>;
} {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'hale', 'service.version': version }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }), {
        scheduledDelayMillis: 1_000,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  return { shutdown: () => provider.shutdown() };
}
