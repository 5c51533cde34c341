/**
 * Odradek's producer API: what applications touch. JDK only.
 *
 * <pre>{@code
 * module com.example.orders {
 *     requires io.odradek.api;            // Producer, ProducerConfig, ProducerRecord, ...
 *     requires io.odradek.transport.nio;  // or io.odradek.transport.netty: found with ServiceLoader
 * }
 * }</pre>
 *
 * <p>Plugins named by class ({@code partitioner.class}, {@code interceptor.classes}, {@code key.serializer},
 * {@code value.serializer}) are instantiated by this module with reflection: their package must be exported
 * (or opened) to {@code io.odradek.api}, as for any framework that instantiates your classes.
 */
module io.odradek.api {
    exports io.odradek.api;
    exports io.odradek.api.config;
    exports io.odradek.api.security;
    exports io.odradek.api.serialization;
    exports io.odradek.api.spi;
    exports io.odradek.api.metrics;

    uses io.odradek.api.spi.ProducerFactory;
}
