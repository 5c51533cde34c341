package io.odradek.it.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

import io.odradek.api.Header;

/**
 * Checks what Kafka's consumer read against what Odradek was asked to send, record by record: each
 * partition must hold exactly the records sent to it, in send order, with byte-identical keys, values and
 * headers and the right timestamps.
 */
public final class ReadBack {

    private ReadBack() {
    }

    /** Each partition holds exactly the sent records that went to it, in send order. */
    public static void assertPartitionsHoldExactly(List<ConsumerRecord<byte[], byte[]>> consumed,
                                                   List<SentRecord> sentInOrder) {
        assertGroupsHoldExactly(consumed, sentInOrder, ConsumerRecord::partition, SentRecord::partition, "partition");
    }

    /**
     * Like {@link #assertPartitionsHoldExactly} for records sent by several threads: within each group
     * (e.g. one thread's key) the consumed order must be that group's send order.
     */
    public static <G extends Comparable<G>> void assertGroupsHoldExactly(
            List<ConsumerRecord<byte[], byte[]>> consumed, List<SentRecord> sent,
            Function<ConsumerRecord<byte[], byte[]>, G> consumedGroup, Function<SentRecord, G> sentGroup,
            String groupName) {
        assertThat(consumed).as("records read back (sent %d)", sent.size()).hasSize(sent.size());
        Map<G, List<ConsumerRecord<byte[], byte[]>>> consumedByGroup = group(consumed, consumedGroup);
        Map<G, List<SentRecord>> sentByGroup = group(sent, sentGroup);
        assertThat(consumedByGroup.keySet()).as("%ss holding records", groupName).isEqualTo(sentByGroup.keySet());
        for (var entry : sentByGroup.entrySet()) {
            List<ConsumerRecord<byte[], byte[]>> read = consumedByGroup.get(entry.getKey());
            List<SentRecord> expected = entry.getValue();
            assertThat(read).as("records in %s %s", groupName, entry.getKey()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                try {
                    assertSame(read.get(i), expected.get(i), groupName + " " + entry.getKey() + " position " + i);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; the record read there is "
                            + identify(read.get(i), sent) + "; " + groupName + " " + entry.getKey()
                            + " holds sends " + sendIndexes(read, sent), e);
                }
            }
        }
    }

    /** One consumed record is the sent one: partition, key, value, headers (in order), timestamp. */
    public static void assertSame(ConsumerRecord<byte[], byte[]> read, SentRecord sent, String where) {
        String what = where + " (send #" + sent.sendIndex() + ", offset " + read.offset() + ")";
        if (read.partition() != sent.partition()) {
            fail(what + ": partition " + read.partition() + ", sent to " + sent.partition());
        }
        if (!Arrays.equals(read.key(), sent.key())) {
            fail(what + ": key " + describe(read.key()) + ", sent " + describe(sent.key()));
        }
        if (!Arrays.equals(read.value(), sent.value())) {
            fail(what + ": value " + describe(read.value()) + ", sent " + describe(sent.value()));
        }
        List<String> readHeaders = new ArrayList<>();
        read.headers().forEach(h -> readHeaders.add(h.key() + "=" + describe(h.value())));
        List<String> sentHeaders = new ArrayList<>();
        for (Header h : sent.headers()) {
            sentHeaders.add(h.key() + "=" + describe(h.value()));
        }
        assertThat(readHeaders).as(what + ": headers").isEqualTo(sentHeaders);
        int i = 0;
        for (org.apache.kafka.common.header.Header h : read.headers()) {
            if (!Arrays.equals(h.value(), sent.headers().get(i++).value())) {
                fail(what + ": header " + h.key() + " differs in its bytes");
            }
        }
        assertThat(read.timestampType()).as(what + ": timestamp type").isEqualTo(TimestampType.CREATE_TIME);
        assertThat(read.timestamp()).as(what + ": timestamp")
                .isBetween(sent.earliestTimestampMs(), sent.latestTimestampMs());
    }

    /** Which send a consumed record is, told by its value, for failure messages. */
    private static String identify(ConsumerRecord<byte[], byte[]> read, List<SentRecord> sent) {
        List<Integer> matches = new ArrayList<>();
        for (SentRecord candidate : sent) {
            if (Arrays.equals(candidate.value(), read.value()) && Arrays.equals(candidate.key(), read.key())) {
                matches.add(candidate.sendIndex());
            }
        }
        return matches.isEmpty() ? "no record that was sent" : "send #" + matches;
    }

    private static String sendIndexes(List<ConsumerRecord<byte[], byte[]>> read, List<SentRecord> sent) {
        List<String> indexes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read.subList(0, Math.min(read.size(), 200))) {
            indexes.add(identify(record, sent).replace("send #", ""));
        }
        return indexes + (read.size() > 200 ? "..." : "");
    }

    public static <T, G extends Comparable<G>> Map<G, List<T>> group(List<T> items, Function<T, G> groupOf) {
        Map<G, List<T>> groups = new TreeMap<>();
        for (T item : items) {
            groups.computeIfAbsent(groupOf.apply(item), g -> new ArrayList<>()).add(item);
        }
        return groups;
    }

    /** Short enough for a failure message even for a megabyte value. */
    static String describe(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 32), StandardCharsets.ISO_8859_1);
        return bytes.length + " bytes [" + start + (bytes.length > 32 ? "..." : "") + "] hash "
                + Arrays.hashCode(bytes);
    }
}
