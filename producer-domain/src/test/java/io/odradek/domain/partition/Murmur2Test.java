package io.odradek.domain.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vectors computed once with Kafka's own {@code org.apache.kafka.common.utils.Utils.murmur2} and
 * {@code toPositive(hash) % 6} from kafka-clients 4.1.1 (in jshell), so a key lands in the same partition
 * whichever client wrote it. Lengths 0 to 5 cover every tail case of the hash.
 */
class Murmur2Test {

    @ParameterizedTest(name = "key {0}")
    @CsvSource(delimiter = '|', value = {
        "''|275646681|3",
        "a|-1563381124|4",
        "ab|316155434|2",
        "abc|479470107|3",
        "abcd|-1323649548|2",
        "abcde|461995741|1",
        "key-0|29210041|1",
        "key-1|193331640|0",
        "hello world|1221641059|1",
        "odradek|1763222767|1",
        "été|-2101193575|1",
    })
    void murmur2MatchesKafkasPartitionerForKnownKeys(String key, int kafkaHash, int kafkaPartitionOf6) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);

        assertThat(Murmur2.hash(bytes)).isEqualTo(kafkaHash);
        assertThat(Murmur2.partitionFor(bytes, 6)).isEqualTo(kafkaPartitionOf6);
    }

    @ParameterizedTest(name = "bytes with the high bit set")
    @CsvSource("71020234, 4")
    void murmur2MatchesKafkaForBytesWithTheHighBitSet(int kafkaHash, int kafkaPartitionOf6) {
        byte[] bytes = {(byte) 0xff, (byte) 0x80, 0x00, 0x7f, (byte) 0xfe, 0x01, (byte) 0x9c};

        assertThat(Murmur2.hash(bytes)).isEqualTo(kafkaHash);
        assertThat(Murmur2.partitionFor(bytes, 6)).isEqualTo(kafkaPartitionOf6);
    }
}
