package io.odradek.domain.producer;

import java.util.List;

import io.odradek.api.Callback;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.RecordMetadata;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.log.ProducerLog;

/**
 * Tells interceptors, then the user's callback, that a record completed. Their exceptions are logged and
 * swallowed, as Kafka's producer does: one faulty callback must not stop the others or the I/O thread.
 */
final class CompletionNotifier implements ProducerBatch.CompletionListener {
    private final ProducerLog log;
    private final ProducerInterceptor<?, ?>[] interceptors;

    CompletionNotifier(List<ProducerInterceptor<?, ?>> interceptors, LogContext logContext) {
        this.log = logContext.logger(CompletionNotifier.class);
        this.interceptors = interceptors.toArray(new ProducerInterceptor<?, ?>[0]);
    }

    @Override
    public boolean observesEveryRecord() {
        return interceptors.length > 0;
    }

    @Override
    public void onRecordCompleted(RecordMetadata metadata, RuntimeException error, Callback callback) {
        for (ProducerInterceptor<?, ?> interceptor : interceptors) {
            try {
                interceptor.onAcknowledgement(metadata, error);
            } catch (RuntimeException e) {
                log.warn("Interceptor {} threw from onAcknowledgement", interceptor.getClass().getName(), e);
            }
        }
        if (callback != null) {
            try {
                callback.onCompletion(metadata, error);
            } catch (RuntimeException e) {
                log.warn("Callback for a record to {}-{} threw", metadata.topic(), metadata.partition(), e);
            }
        }
    }
}
