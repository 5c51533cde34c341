package io.odradek.api.config;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration as plugins receive it: unmodifiable, and remembering which keys were looked up, so
 * that the keys nobody read can be reported (a misspelt plugin key, a plugin that is not configured).
 * Only lookups count ({@code get}, {@code getOrDefault}, {@code containsKey}); copying the whole map does not.
 */
final class ReadTrackingMap extends AbstractMap<String, Object> {
    private final Map<String, Object> values;
    private final Set<Object> read = ConcurrentHashMap.newKeySet();

    ReadTrackingMap(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    @Override
    public Object get(Object key) {
        record(key);
        return values.get(key);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        record(key);
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        record(key);
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public int size() {
        return values.size();
    }

    boolean wasRead(String key) {
        return read.contains(key);
    }

    private void record(Object key) {
        if (key != null) {
            read.add(key);
        }
    }
}
