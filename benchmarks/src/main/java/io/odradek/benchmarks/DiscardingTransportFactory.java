package io.odradek.benchmarks;

import io.odradek.domain.port.Clock;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;

/**
 * A transport whose "broker" lives on the I/O thread and answers at once: the whole producer runs with no
 * socket, so a benchmark sees the client's own cost. Selected with the config {@code transport=discard}.
 */
public final class DiscardingTransportFactory implements TransportFactory {
    /** Partitions of every topic the fake broker describes, unless the factory is given another count. */
    public static final int PARTITIONS = 6;

    private static final Clock SYSTEM_CLOCK = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    /** The last transport created, so a benchmark can read the fake broker's own allocation. */
    private static volatile DiscardingTransport lastCreated;

    private final int partitions;

    /** Found by the service loader ({@code transport=discard}): topics of {@value #PARTITIONS} partitions. */
    public DiscardingTransportFactory() {
        this(PARTITIONS);
    }

    public DiscardingTransportFactory(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public String name() {
        return "discard";
    }

    @Override
    public Clock clock() {
        return SYSTEM_CLOCK;
    }

    @Override
    public Transport create(TransportSettings settings, NetworkHandler handler) {
        DiscardingTransport transport = new DiscardingTransport(settings.threadName(), handler, SYSTEM_CLOCK,
                new FakeBroker(partitions));
        lastCreated = transport;
        return transport;
    }

    static DiscardingTransport lastCreated() {
        return lastCreated;
    }
}
