package io.odradek.domain.sender;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.odradek.api.FatalProducerException;
import io.odradek.api.SslAuthenticationException;
import io.odradek.domain.accumulator.PollSchedule;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.ProducerBuffers;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metrics.ProducerMetrics;
import io.odradek.domain.partition.PartitionChooser;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.WireProtocol;

/**
 * The sender: the loop the transport's I/O thread runs when sockets are ready or a deadline passes. Each poll it
 * lets every {@link Exchange} (metadata, the producer id, produce) do what is due, and sleeps until the earliest
 * time one of them, or the {@link RequestChannel}, wants it back. Single-threaded: no locks beyond the
 * accumulator's.
 */
public final class Sender implements NetworkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private final RequestChannel channel;
    private final List<Exchange> exchanges;
    private volatile RuntimeException abortError;
    /** What to do once everything was failed by {@link #abortAll(RuntimeException, Runnable)}; I/O thread. */
    private volatile Runnable afterAbort;
    private volatile RuntimeException fatalError;
    /**
     * The thread inside one of this handler's methods right now, else null: the I/O thread while it runs callbacks
     * and interceptors, which must not block on what only it can complete.
     */
    private volatile Thread handlerThread;
    private final PollSchedule pollSchedule;
    private final ProduceDrainer drainer;

    public Sender(SenderSettings settings, WireProtocol protocol, ProducerBuffers buffers, Metadata metadata,
                  ProducerIdentity identity, PartitionChooser chooser, RandomGenerator random,
                  ProducerBatch.CompletionListener listener, TransactionWiring transactions, ProducerMetrics metrics) {
        this.channel = new RequestChannel(settings, protocol, metadata, random, metrics.network());
        this.pollSchedule = buffers.accumulator().pollSchedule();
        BatchOutcomes outcomes = new BatchOutcomes(buffers.accumulator(), identity, metadata, settings, random,
                listener, metrics);
        this.drainer = new ProduceDrainer(buffers.accumulator(), identity, metadata,
                protocol.recordBatchFormat(), settings);
        PendingRecordMover pendingMover = new PendingRecordMover(buffers.pending(), buffers.accumulator(),
                buffers.pool(), metadata, chooser, listener, settings.maxBlockNs(), metrics);
        // In this order each poll: fresh metadata and a producer id before draining; the transaction's requests
        // after the batches of the poll went (an EndTxn waits for the last of them).
        List<Exchange> all = new ArrayList<>(List.of(
                new MetadataExchange(metadata, channel),
                new ProducerIdExchange(identity, channel),
                new ProduceExchange(settings, buffers.accumulator(), identity, drainer, outcomes, pendingMover,
                        channel, metrics.send())));
        all.addAll(transactions.exchanges(channel, buffers, settings));
        this.exchanges = List.copyOf(all);
    }

    /** Connects the sender to the transport that will drive it; before {@link Transport#start()}. */
    public void attach(Transport transport) {
        channel.attach(transport);
    }

    /** Makes the next poll fail everything still buffered or in flight with {@code error}; any thread. */
    public void abortAll(RuntimeException error) {
        abortError = error;
    }

    /**
     * As {@link #abortAll(RuntimeException)}, then runs {@code then} on the I/O thread: how a producer closed from
     * one of its own callbacks finishes, once that callback has returned.
     */
    public void abortAll(RuntimeException error, Runnable then) {
        afterAbort = then;
        abortError = error;
    }

    /** Set when the producer cannot go on; sends fail fast with it. */
    public RuntimeException fatalError() {
        return fatalError;
    }

    /**
     * Whether the calling thread is the I/O thread running this sender's work (a callback, an interceptor's
     * onAcknowledgement): a blocking call there would wait for itself.
     */
    public boolean isHandlerThread() {
        return handlerThread == Thread.currentThread();
    }

    @Override
    public long poll(long nowNs) {
        handlerThread = Thread.currentThread();
        pollSchedule.polling();
        long nextPollNs = Long.MAX_VALUE;
        try {
            nextPollNs = pollExchanges(nowNs);
        } catch (FatalProducerException e) {
            fail(e);
        } finally {
            handlerThread = null;
        }
        // Not reached when poll throws: the schedule stays "polling", and every new batch wakes the thread.
        pollSchedule.nextPollAt(nextPollNs, drainer.nextReadyNs());
        return nextPollNs;
    }

    private long pollExchanges(long nowNs) {
        if (abortError != null) {
            abortEverything(abortError);
            Runnable then = afterAbort;
            afterAbort = null;
            if (then != null) {
                then.run();
            }
            return Long.MAX_VALUE;
        }
        channel.beginPoll(nowNs);
        for (Exchange exchange : exchanges) {
            exchange.poll(nowNs);
        }
        long next = channel.nextDeadlineNs(nowNs);
        for (Exchange exchange : exchanges) {
            next = Math.min(next, exchange.nextWakeUpNs());
        }
        return Math.max(next, nowNs);
    }

    @Override
    public void onConnected(int connectionId, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            channel.onConnected(connectionId, nowNs);
        } finally {
            handlerThread = null;
        }
    }

    @Override
    public void onDisconnected(int connectionId, String reason, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            channel.onDisconnected(connectionId, reason, nowNs);
        } finally {
            handlerThread = null;
        }
    }

    @Override
    public void onTlsHandshakeFailed(int connectionId, String reason, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            fail(new SslAuthenticationException(reason));
        } finally {
            handlerThread = null;
        }
    }

    @Override
    public void onResponse(int connectionId, ByteBuffer frame, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            channel.onResponse(connectionId, frame, nowNs);
        } catch (FatalProducerException e) {
            fail(e);
        } finally {
            handlerThread = null;
        }
    }

    /** The producer cannot go on: everything buffered fails with {@code error}, and every later send. */
    private void fail(FatalProducerException error) {
        if (fatalError == null) {
            LOG.error("The producer cannot go on and fails every record: {}", error.getMessage());
        }
        fatalError = error;
        abortEverything(error);
    }

    private void abortEverything(RuntimeException error) {
        for (Exchange exchange : exchanges) {
            exchange.abort(error);
        }
        channel.closeAll();
    }
}
