package io.odradek.domain.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

import io.odradek.api.ConfigException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.Serializer;
import io.odradek.api.spi.ProducerFactory;
import io.odradek.domain.accumulator.BufferPool;
import io.odradek.domain.accumulator.PendingRecords;
import io.odradek.domain.accumulator.PollSchedule;
import io.odradek.domain.accumulator.ProducerBuffers;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.Node;
import io.odradek.domain.metrics.MetricsSettings;
import io.odradek.domain.metrics.ProducerMetrics;
import io.odradek.domain.partition.PartitionChooser;
import io.odradek.domain.port.Clock;
import io.odradek.domain.port.CompressionCodec;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;
import io.odradek.domain.port.TlsEngineFactory;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.security.SslEngines;
import io.odradek.domain.sender.Sender;
import io.odradek.domain.sender.SenderSettings;

/** Builds producers: the {@link ProducerFactory} that {@link Producer#create} finds. */
public final class DomainProducerFactory implements ProducerFactory {
    private static final int MAX_RESPONSE_SIZE_BYTES = 100 * 1024 * 1024;

    @Override
    public <K, V> Producer<K, V> create(ProducerConfig config, Serializer<K> keySerializer,
                                        Serializer<V> valueSerializer) {
        Adapters adapters = Adapters.discover(config.transport(), config.compressionType());
        return assemble(config, keySerializer, valueSerializer, adapters.transport(), adapters.protocol(),
                adapters.compression(), new Random());
    }

    /**
     * A producer on {@code transport}, with the codec and compression found as {@link #create} finds them;
     * public for {@code io.odradek.domain.assembly}, the exported entry point (this package is not exported).
     */
    public static <K, V> Producer<K, V> createWith(ProducerConfig config, Serializer<K> keySerializer,
                                                   Serializer<V> valueSerializer, TransportFactory transport) {
        ClassLoader loader = DomainProducerFactory.class.getClassLoader();
        return assemble(config, keySerializer, valueSerializer, transport, Adapters.protocol(loader),
                Adapters.compression(config.compressionType(), loader), new Random());
    }

    /**
     * A producer on {@code transport} and {@code protocol}, with compression found as {@link #create} finds it and
     * backoff jitter drawn from {@code random}; public for {@code io.odradek.domain.assembly}.
     */
    public static <K, V> Producer<K, V> createWith(ProducerConfig config, Serializer<K> keySerializer,
                                                   Serializer<V> valueSerializer, TransportFactory transport,
                                                   WireProtocol protocol, RandomGenerator random) {
        ClassLoader loader = DomainProducerFactory.class.getClassLoader();
        return assemble(config, keySerializer, valueSerializer, transport, protocol,
                Adapters.compression(config.compressionType(), loader), random);
    }

    /** Wires a producer from explicit adapters; tests use it with fakes. */
    static <K, V> Producer<K, V> assemble(ProducerConfig config, Serializer<K> keySerializer,
                                          Serializer<V> valueSerializer, TransportFactory transportFactory,
                                          WireProtocol protocol, CompressionCodec compression,
                                          RandomGenerator random) {
        Clock clock = transportFactory.clock();
        Transport[] transport = new Transport[1];
        LogContext log = LogContext.forProducer(config.clientId(), config.transactionalId().orElse(null));
        ProducerMetrics metrics = new ProducerMetrics(config.clientId(),
                new MetricsSettings(config.metricsNumSamples(), config.metricsSampleWindow().toMillis()), clock, log);
        // In a transaction a new partition is added to it (AddPartitionsToTxn, before transaction version 2) as soon
        // as the I/O thread sees its first batch, while that batch lingers: so there every new batch wakes it.
        long newBatchWaitNs = config.transactionalId().isPresent() ? 0 : config.linger().toNanos();
        PollSchedule pollSchedule = new PollSchedule(() -> transport[0].wakeup(), newBatchWaitNs);
        BufferPool pool = new BufferPool(config.bufferMemoryBytes(), config.batchSizeBytes(), clock,
                metrics::bufferPoolWaited, pollSchedule::memoryWaitBegins);
        metrics.bufferGauges(pool.totalBytes(), pool::availableBytes, pool::waitingThreads);
        if (compression != null) {
            // A drained batch is compressed into a pooled buffer sized for a full batch that does not shrink.
            int headerBytes = protocol.recordBatchFormat().batchHeaderSizeBytes();
            pool.poolCompressionBuffers(headerBytes
                    + compression.maxCompressedSizeBytes(Math.max(0, config.batchSizeBytes() - headerBytes)));
        }
        RecordAccumulator accumulator = new RecordAccumulator(protocol.recordBatchFormat(), pool, clock,
                config.batchSizeBytes(), pollSchedule);
        ProducerBuffers buffers = new ProducerBuffers(accumulator, new PendingRecords(), pool);
        Metadata metadata = new Metadata(config.metadataMaxAge().toNanos(), config.retryBackoff().toNanos());
        metrics.metadataAge(() -> metadata.ageSeconds(clock.nanoTime()));
        IdentityParts identity = IdentityParts.from(config, () -> transport[0].wakeup(), log);
        PartitionChooser chooser = new PartitionChooser(config.partitioner().orElse(null), config.batchSizeBytes(),
                config.partitionerIgnoreKeys(), metadata);
        CompletionNotifier notifier = new CompletionNotifier(config.interceptors(), log);
        Sender sender = new Sender(senderSettings(config, compression, log), protocol, buffers, metadata,
                identity.identity(), chooser, random, notifier, identity.wiring(), metrics);
        MetricsReporters.attach(config, metrics.registry(), DomainProducerFactory.class.getClassLoader(), log);
        Optional<TlsEngineFactory> tls = config.security().tls().map(SslEngines::create);
        transport[0] = transportFactory.create(new TransportSettings("odradek-io-" + config.clientId(),
                config.sendBufferBytes(), config.receiveBufferBytes(), MAX_RESPONSE_SIZE_BYTES, tls, log.prefix()),
                sender);
        sender.attach(transport[0]);
        ProducerParts<K, V> parts = new ProducerParts<>(config, protocol, clock, keySerializer, valueSerializer,
                new InterceptorChain<>(typedInterceptors(config), log), metrics, log);
        DomainProducer<K, V> producer = new DomainProducer<>(parts, buffers, metadata, sender, transport[0], chooser,
                notifier, identity.transactions());
        String kind = config.transactionalId().isPresent() ? "a transactional"
                : config.idempotenceEnabled() ? "an idempotent" : "a non-idempotent";
        log.logger(DomainProducerFactory.class).info("Created {} producer; {}", kind, EffectiveConfig.describe(config));
        transport[0].start();
        return producer;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> List<ProducerInterceptor<K, V>> typedInterceptors(ProducerConfig config) {
        List<ProducerInterceptor<K, V>> typed = new ArrayList<>();
        for (ProducerInterceptor<?, ?> interceptor : config.interceptors()) {
            typed.add((ProducerInterceptor<K, V>) interceptor);
        }
        return typed;
    }

    static SenderSettings senderSettings(ProducerConfig config, CompressionCodec compression, LogContext log) {
        List<Node> bootstrap = new ArrayList<>();
        int id = -1;
        for (String server : config.bootstrapServers()) {
            int colon = server.lastIndexOf(':');
            String host = server.substring(0, colon).replace("[", "").replace("]", "");
            bootstrap.add(new Node(id--, host, Integer.parseInt(server.substring(colon + 1))));
        }
        return new SenderSettings(config.clientId(), bootstrap, config.acks().wireValue(),
                config.linger().toNanos(), config.requestTimeout().toNanos(), config.deliveryTimeout().toNanos(),
                config.retries(), config.retryBackoff().toNanos(), config.retryBackoffMax().toNanos(),
                config.reconnectBackoff().toNanos(), config.reconnectBackoffMax().toNanos(),
                config.maxRequestSizeBytes(), config.maxInFlightRequestsPerConnection(), compression,
                config.compressionLevel(), config.maxBlock().toNanos(),
                config.socketConnectionSetupTimeout().toNanos(), log, config.security().sasl());
    }
}
