package io.odradek.domain.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.odradek.api.Callback;
import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.Headers;
import io.odradek.api.OdradekException;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.PartitionInfo;
import io.odradek.api.PartitionerException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.RecordTooLargeException;
import io.odradek.api.SerializationException;
import io.odradek.api.TimeoutException;
import io.odradek.api.TopicPartition;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;
import io.odradek.domain.accumulator.PendingRecord;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.ProducerBuffers;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.TopicInfo;
import io.odradek.domain.partition.PartitionChooser;
import io.odradek.domain.port.Clock;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.Transport;
import io.odradek.domain.sender.Sender;
import io.odradek.domain.transaction.TransactionSupport;

/**
 * The producer applications hold: serializes, partitions and appends on the caller's thread; the
 * transport's I/O thread does the rest through the {@link Sender}.
 */
final class DomainProducer<K, V> implements Producer<K, V> {
    private final ProducerLog log;
    private final ProducerParts<K, V> parts;
    private final ProducerBuffers buffers;
    private final Metadata metadata;
    private final Sender sender;
    private final Transport transport;
    private final PartitionChooser chooser;
    private final RecordBatchFormat format;
    private final Clock clock;
    private final CompletionNotifier notifier;
    private final long maxBlockNs;
    private final int maxRequestSizeBytes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TransactionSupport transactions;

    DomainProducer(ProducerParts<K, V> parts, ProducerBuffers buffers, Metadata metadata, Sender sender,
                   Transport transport, PartitionChooser chooser, CompletionNotifier notifier,
                   TransactionSupport transactions) {
        this.transactions = transactions;
        this.parts = parts;
        this.log = parts.log().logger(DomainProducer.class);
        this.buffers = buffers;
        this.metadata = metadata;
        this.sender = sender;
        this.transport = transport;
        this.chooser = chooser;
        this.format = parts.protocol().recordBatchFormat();
        this.clock = parts.clock();
        this.notifier = notifier;
        this.maxBlockNs = parts.config().maxBlock().toNanos();
        // Read once: the config's typed getters look the key up, which send() must not pay per record.
        this.maxRequestSizeBytes = parts.config().maxRequestSizeBytes();
    }

    @Override
    public RecordFuture send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    @Override
    public RecordFuture send(ProducerRecord<K, V> record, Callback callback) {
        if (closed.get()) {
            throw new ProducerClosedException("Cannot send to topic " + record.topic()
                    + " after the producer was closed");
        }
        RuntimeException fatal = sender.fatalError();
        if (fatal != null) {
            return failed(record, null, null, callback, fatal);
        }
        RuntimeException refused = transactions.checkSend(record.topic());
        if (refused != null) {
            return failed(record, null, null, callback, refused);
        }
        ProducerRecord<K, V> intercepted = parts.interceptors().onSend(record);
        String topic = intercepted.topic();
        Headers headers = intercepted.headers();
        byte[] keyBytes;
        byte[] valueBytes;
        try {
            keyBytes = parts.serializeKey(topic, headers, intercepted.key());
            valueBytes = parts.serializeValue(topic, headers, intercepted.value());
        } catch (SerializationException e) {
            // Thrown to the caller, as Kafka's producer does; the interceptors hear of it first (its onSendError).
            notifyInterceptors(intercepted, e);
            throw e;
        }
        // A callback or interceptor runs on the I/O thread: waiting there for memory only the I/O thread can free
        // would hang until max.block.ms, so from there a full buffer fails the record at once.
        long blockNs = sender.isHandlerThread() ? 0L : maxBlockNs;
        long timestampMs = intercepted.timestamp() != null ? intercepted.timestamp() : clock.currentTimeMillis();
        int sizeBytes = format.batchHeaderSizeBytes() + format.maxRecordSizeBytes(length(keyBytes),
                length(valueBytes), headers);
        RuntimeException tooLarge = checkSize(sizeBytes);
        if (tooLarge != null) {
            return failed(intercepted, keyBytes, valueBytes, callback, tooLarge);
        }
        try {
            TopicInfo topicInfo = metadata.view().topic(topic);
            if (topicInfo == null || buffers.pending().mustWait(topic)) {
                return waitForMetadata(intercepted, keyBytes, valueBytes, timestampMs, callback, sizeBytes, blockNs);
            }
            int partition = choosePartition(intercepted, keyBytes, valueBytes, topicInfo, sizeBytes);
            boolean sticky = intercepted.partition() == null && chooser.isSticky(keyBytes);
            RecordFuture future = buffers.accumulator().append(topic, partition, timestampMs, keyBytes, valueBytes,
                    headers, callback, blockNs, sticky);
            if (future == null) {
                // The sticky partition's batch is full and sealed: this record starts filling the next one's.
                partition = chooser.moveOn(topicInfo, partition);
                future = buffers.accumulator().append(topic, partition, timestampMs, keyBytes, valueBytes, headers,
                        callback, blockNs, false);
            }
            return future;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdradekException("Interrupted while waiting for buffer memory", e);
        } catch (TimeoutException e) {
            // Only the buffer pool throws it here: no memory became free within max.block.ms.
            parts.metrics().bufferExhausted();
            return failed(intercepted, keyBytes, valueBytes, callback, e);
        } catch (IllegalArgumentException e) {
            return failed(intercepted, keyBytes, valueBytes, callback, e);
        }
    }

    private int choosePartition(ProducerRecord<K, V> record, byte[] keyBytes, byte[] valueBytes, TopicInfo topicInfo,
                                int sizeBytes) {
        Integer explicit = record.partition();
        if (explicit == null) {
            try {
                return chooser.partition(topicInfo, record.key(), keyBytes, record.value(), valueBytes, sizeBytes);
            } catch (RuntimeException e) {
                // The application's partitioner failed: thrown to the caller, as a serializer's failure is.
                PartitionerException failure = new PartitionerException("The partitioner failed to choose a"
                        + " partition for a record to topic " + record.topic() + ": " + e, e);
                notifyInterceptors(record, failure);
                throw failure;
            }
        }
        int partitionCount = topicInfo.partitionCount();
        if (explicit >= partitionCount) {
            throw new IllegalArgumentException("Invalid partition given with record: " + explicit
                    + " is not in the range [0..." + partitionCount + ") of topic " + record.topic());
        }
        return explicit;
    }

    private RecordFuture waitForMetadata(ProducerRecord<K, V> record, byte[] keyBytes, byte[] valueBytes,
                                         long timestampMs, Callback callback, int sizeBytes, long blockNs)
            throws InterruptedException {
        buffers.pool().reserve(sizeBytes, blockNs);
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        // The caller may reuse its arrays once send returns (a byte[] serializer hands them through), as
        // it may with Kafka's producer, which has copied the record into a batch by then. A record that
        // waits here is not copied into a batch yet, so it keeps copies.
        buffers.pending().add(new PendingRecord(record.topic(), record.partition(), record.key(), copy(keyBytes),
                record.value(), copy(valueBytes), copy(record.headers()), timestampMs, callback, future, sizeBytes,
                clock.nanoTime() + maxBlockNs));
        metadata.addTopic(record.topic());
        transport.wakeup();
        return RecordFuture.of(future);
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    private static Headers copy(Headers headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Headers copy = new Headers();
        for (int i = 0; i < headers.size(); i++) {
            copy.add(headers.get(i).key(), copy(headers.get(i).value()));
        }
        return copy;
    }

    private RuntimeException checkSize(int sizeBytes) {
        int maxRequestSize = maxRequestSizeBytes;
        if (sizeBytes > maxRequestSize) {
            return new RecordTooLargeException("The message is " + sizeBytes + " bytes when serialized which is"
                    + " larger than " + maxRequestSize + ", which is the value of the max.request.size configuration.");
        }
        long totalMemory = buffers.pool().totalBytes();
        if (sizeBytes > totalMemory) {
            return new RecordTooLargeException("The message is " + sizeBytes + " bytes when serialized which is"
                    + " larger than the total memory buffer you have configured with the buffer.memory"
                    + " configuration (" + totalMemory + ").");
        }
        return null;
    }

    private void notifyInterceptors(ProducerRecord<K, V> record, RuntimeException error) {
        RecordMetadata metadata = new RecordMetadata(record.topic(),
                record.partition() == null ? -1 : record.partition(), RecordMetadata.UNKNOWN_OFFSET,
                record.timestamp() == null ? -1 : record.timestamp(), -1, -1);
        notifier.onRecordCompleted(metadata, error, null);
    }

    private RecordFuture failed(ProducerRecord<K, V> record, byte[] keyBytes, byte[] valueBytes, Callback callback,
                                RuntimeException error) {
        RecordMetadata metadata = new RecordMetadata(record.topic(),
                record.partition() == null ? -1 : record.partition(), RecordMetadata.UNKNOWN_OFFSET,
                record.timestamp() == null ? -1 : record.timestamp(), length(keyBytes), length(valueBytes));
        parts.metrics().send().failedAtSend(clock.nanoTime() / 1_000_000L);
        notifier.onRecordCompleted(metadata, error, callback);
        return RecordFuture.failed(error);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }

    @Override
    public void initTransactions() {
        long startNs = clock.nanoTime();
        try {
            transactions.initTransactions();
        } finally {
            parts.metrics().initTransactionsTook(clock.nanoTime() - startNs);
        }
    }

    @Override
    public void beginTransaction() {
        long startNs = clock.nanoTime();
        try {
            transactions.beginTransaction();
        } finally {
            parts.metrics().beginTransactionTook(clock.nanoTime() - startNs);
        }
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        long startNs = clock.nanoTime();
        try {
            transactions.sendOffsetsToTransaction(offsets, groupMetadata);
        } finally {
            parts.metrics().sendOffsetsTook(clock.nanoTime() - startNs);
        }
    }

    @Override
    public void commitTransaction() {
        long startNs = clock.nanoTime();
        try {
            transactions.commitTransaction();
        } finally {
            parts.metrics().commitTransactionTook(clock.nanoTime() - startNs);
        }
    }

    @Override
    public void abortTransaction() {
        long startNs = clock.nanoTime();
        try {
            transactions.abortTransaction();
        } finally {
            parts.metrics().abortTransactionTook(clock.nanoTime() - startNs);
        }
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return parts.metrics().registry().metrics();
    }

    @Override
    public void flush() {
        if (sender.isHandlerThread()) {
            throw new IllegalStateException("flush() cannot be called from a callback or an interceptor's"
                    + " onAcknowledgement: they run on the producer's I/O thread, which flush() would wait for."
                    + " Call it from another thread.");
        }
        long startNs = clock.nanoTime();
        buffers.accumulator().beginFlush();
        try {
            for (PendingRecord record : buffers.pending().snapshot()) {
                awaitQuietly(record.future());
            }
            for (ProducerBatch batch : buffers.accumulator().incompleteBatches()) {
                batch.awaitCompletion(Long.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdradekException("Interrupted while flushing", e);
        } finally {
            buffers.accumulator().endFlush();
            parts.metrics().flushed(clock.nanoTime() - startNs);
        }
    }

    private static void awaitQuietly(CompletableFuture<RecordMetadata> future) {
        try {
            future.join();
        } catch (RuntimeException e) {
            // The record failed; flush only waits for completion, the caller sees the error on the future.
        }
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        TopicInfo info = metadata.view().topic(topic);
        if (info == null && sender.isHandlerThread()) {
            throw new IllegalStateException("partitionsFor(" + topic + ") cannot wait for metadata in a callback or"
                    + " an interceptor's onAcknowledgement: they run on the I/O thread that fetches it. Ask from"
                    + " another thread, or once the topic is known.");
        }
        if (info == null) {
            if (metadata.addTopic(topic)) {
                transport.wakeup();
            }
            metadata.requestUpdate();
            transport.wakeup();
            long startNs = clock.nanoTime();
            try {
                info = metadata.awaitTopic(topic, TimeUnit.NANOSECONDS.toMillis(maxBlockNs), clock);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OdradekException("Interrupted while waiting for metadata of topic " + topic, e);
            } finally {
                parts.metrics().waitedForMetadata(clock.nanoTime() - startNs);
            }
            if (info == null) {
                throw new TimeoutException("Topic " + topic + " not present in metadata after "
                        + TimeUnit.NANOSECONDS.toMillis(maxBlockNs) + " ms (max.block.ms).");
            }
        }
        return chooser.view(info).partitions();
    }

    @Override
    public void close() {
        close(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (sender.isHandlerThread()) {
            closeFromCallback(timeout);
            return;
        }
        long timeoutNs = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        long nowNs = clock.nanoTime();
        long deadlineNs = nowNs + timeoutNs < nowNs ? Long.MAX_VALUE : nowNs + timeoutNs;
        // Kafka's producer aborts an open transaction on close, rather than leave it to transaction.timeout.ms.
        transactions.abortOnClose();
        buffers.accumulator().close();
        transport.wakeup();
        try {
            boolean drained = awaitDrained(deadlineNs);
            if (!drained) {
                sender.abortAll(new ProducerClosedException("The producer was closed with close(" + timeout
                        + ") before these records were acknowledged"));
                transport.wakeup();
                awaitDrained(clock.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.close();
            chooser.close();
            parts.close();
        }
    }

    /**
     * close() from a callback or interceptor, on the I/O thread: waiting there for records only the I/O thread
     * can send would wait for itself, so this is close(0), as in Kafka's producer: records not yet acknowledged
     * fail, and the producer finishes closing once the callback has returned.
     */
    private void closeFromCallback(Duration timeout) {
        if (!timeout.isZero()) {
            log.warn("close({}) was called from a callback or interceptor, on the producer's I/O thread: closing"
                    + " without waiting instead (close(0)); records not yet acknowledged fail", timeout);
        }
        buffers.accumulator().close();
        sender.abortAll(new ProducerClosedException("The producer was closed from one of its callbacks before"
                + " these records were acknowledged"), () -> {
                    transport.close();
                    chooser.close();
                    parts.close();
                });
        transport.wakeup();
    }

    private boolean awaitDrained(long deadlineNs) throws InterruptedException {
        while (true) {
            // Pending first: a record leaves the pending queue only once it is in a batch, so when the queue is
            // seen empty every record that waited is in a batch the list below includes. The other order could
            // miss a record moved between the two reads, and close the transport under it.
            boolean pendingEmpty = buffers.pending().isEmpty();
            List<ProducerBatch> incomplete = buffers.accumulator().incompleteBatches();
            boolean transactionDone = !transactions.hasPendingOperation();
            if (incomplete.isEmpty() && pendingEmpty && transactionDone) {
                return true;
            }
            long remainingNs = deadlineNs - clock.nanoTime();
            if (remainingNs <= 0) {
                return false;
            }
            if (!incomplete.isEmpty()) {
                incomplete.get(0).awaitCompletion(remainingNs);
            } else {
                // Records still wait for metadata (they leave the queue within max.block.ms), or the abort of the
                // open transaction is still under way.
                synchronized (this) {
                    wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remainingNs), 10)));
                }
            }
        }
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
