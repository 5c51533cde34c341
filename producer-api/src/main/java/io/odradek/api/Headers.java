package io.odradek.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * An ordered list of record headers; keys may repeat, as in Kafka. Mutable until the record is sent,
 * after which the producer treats it as read-only.
 */
public final class Headers implements Iterable<Header> {
    private static final Header[] NONE = new Header[0];
    private static final Headers EMPTY = new Headers(NONE, 0, true);

    private Header[] headers;
    private int size;
    private final boolean readOnly;

    private Headers(Header[] headers, int size, boolean readOnly) {
        this.headers = headers;
        this.size = size;
        this.readOnly = readOnly;
    }

    public Headers() {
        this(NONE, 0, false);
    }

    /** The shared, immutable empty list. */
    public static Headers empty() {
        return EMPTY;
    }

    public static Headers of(Header... headers) {
        return new Headers(headers.clone(), headers.length, false);
    }

    public Headers add(Header header) {
        if (readOnly) {
            throw new IllegalStateException("Headers.empty() is read-only: create new Headers() to add to");
        }
        if (size == headers.length) {
            headers = Arrays.copyOf(headers, Math.max(4, size * 2));
        }
        headers[size++] = header;
        return this;
    }

    public Headers add(String key, byte[] value) {
        return add(new Header(key, value));
    }

    /** The last header with this key, or null. */
    public Header lastHeader(String key) {
        for (int i = size - 1; i >= 0; i--) {
            if (headers[i].key().equals(key)) {
                return headers[i];
            }
        }
        return null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The i-th header, for index loops on the hot path that avoid an iterator. */
    public Header get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return headers[index];
    }

    public List<Header> toList() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(headers).subList(0, size)));
    }

    @Override
    public Iterator<Header> iterator() {
        return toList().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && toList().equals(h.toList());
    }

    @Override
    public int hashCode() {
        return toList().hashCode();
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}
