package io.odradek.kafka;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Odradek's headers of a record seen through Kafka's {@link Headers} interface, for Kafka serializers
 * (which may add headers, as Spring's JSON serializer does) and interceptors. Writes go to the Odradek headers.
 * {@link #remove} is refused: Odradek's headers only grow, as a record's do once serialization started.
 */
final class KafkaHeadersView implements Headers {
    private final io.odradek.api.Headers headers;

    KafkaHeadersView(io.odradek.api.Headers headers) {
        this.headers = headers;
    }

    @Override
    public Headers add(Header header) {
        headers.add(header.key(), header.value());
        return this;
    }

    @Override
    public Headers add(String key, byte[] value) {
        headers.add(key, value);
        return this;
    }

    @Override
    public Headers remove(String key) {
        throw new IllegalStateException("Odradek does not remove headers during serialization (header " + key + ")");
    }

    @Override
    public Header lastHeader(String key) {
        io.odradek.api.Header header = headers.lastHeader(key);
        return header == null ? null : new KafkaHeader(header.key(), header.value());
    }

    @Override
    public Iterable<Header> headers(String key) {
        List<Header> matching = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).key().equals(key)) {
                matching.add(new KafkaHeader(key, headers.get(i).value()));
            }
        }
        return matching;
    }

    @Override
    public Header[] toArray() {
        Header[] array = new Header[headers.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = new KafkaHeader(headers.get(i).key(), headers.get(i).value());
        }
        return array;
    }

    @Override
    public Iterator<Header> iterator() {
        return List.of(toArray()).iterator();
    }

    /**
     * Kafka's headers of a record as Odradek's, copied; a fresh, writable list when {@code writable} (a Kafka
     * serializer may add to it) or when there are headers, else the shared empty one.
     */
    static io.odradek.api.Headers toOdradek(Headers kafkaHeaders, boolean writable) {
        // toArray, not the iterator: Kafka's RecordHeaders returns a shared empty array when it has no headers.
        Header[] given = kafkaHeaders.toArray();
        if (given.length == 0 && !writable) {
            return io.odradek.api.Headers.empty();
        }
        io.odradek.api.Headers headers = new io.odradek.api.Headers();
        for (Header header : given) {
            headers.add(header.key(), header.value());
        }
        return headers;
    }

    /** A header as Kafka's interface shows it; Kafka's own implementation lives in an internals package. */
    record KafkaHeader(String key, byte[] value) implements Header {
    }
}
