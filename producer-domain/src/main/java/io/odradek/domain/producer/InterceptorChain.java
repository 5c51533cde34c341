package io.odradek.domain.producer;

import java.util.List;

import io.odradek.api.ProducerInterceptor;
import io.odradek.api.ProducerRecord;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.log.ProducerLog;

/** Runs the interceptors' {@code onSend} in order; one that throws is logged and skipped, as in Kafka. */
final class InterceptorChain<K, V> {
    private final ProducerLog log;
    /** An array, not a list: the send path walks it for every record and must not allocate an iterator. */
    private final ProducerInterceptor<K, V>[] interceptors;

    @SuppressWarnings("unchecked")
    InterceptorChain(List<ProducerInterceptor<K, V>> interceptors, LogContext logContext) {
        this.log = logContext.logger(InterceptorChain.class);
        this.interceptors = interceptors.toArray(new ProducerInterceptor[0]);
    }

    ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
        ProducerRecord<K, V> current = record;
        for (ProducerInterceptor<K, V> interceptor : interceptors) {
            try {
                ProducerRecord<K, V> next = interceptor.onSend(current);
                if (next != null) {
                    current = next;
                }
            } catch (RuntimeException e) {
                log.warn("Interceptor {} threw from onSend; the record goes on unchanged",
                        interceptor.getClass().getName(), e);
            }
        }
        return current;
    }

    void close() {
        for (ProducerInterceptor<K, V> interceptor : interceptors) {
            try {
                interceptor.close();
            } catch (RuntimeException e) {
                log.warn("Interceptor {} threw from close", interceptor.getClass().getName(), e);
            }
        }
    }
}
