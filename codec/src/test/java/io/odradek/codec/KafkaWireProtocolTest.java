package io.odradek.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.VersionRange;

class KafkaWireProtocolTest {

    @Test
    void isFoundByServiceLoader() {
        // These tests run inside the module under test, which provides the service but does not use it (the
        // domain does): declare the use, as a framework would, so that ServiceLoader may look it up here.
        getClass().getModule().addUses(WireProtocol.class);
        assertThat(ServiceLoader.load(WireProtocol.class).findFirst()).get().isInstanceOf(KafkaWireProtocol.class);
    }

    @Test
    void supportsTheProducerApisWithinKafka4Ranges() {
        WireProtocol protocol = new KafkaWireProtocol();
        assertThat(protocol.supportedVersions(ApiKey.API_VERSIONS)).isEqualTo(VersionRange.of(0, 3));
        assertThat(protocol.supportedVersions(ApiKey.METADATA)).isEqualTo(VersionRange.of(4, 12));
        assertThat(protocol.supportedVersions(ApiKey.INIT_PRODUCER_ID)).isEqualTo(VersionRange.of(0, 5));
        assertThat(protocol.supportedVersions(ApiKey.PRODUCE)).isEqualTo(VersionRange.of(3, 12));
        assertThat(protocol.supportedVersions(ApiKey.FIND_COORDINATOR)).isEqualTo(VersionRange.of(1, 6));
        assertThat(protocol.supportedVersions(ApiKey.ADD_PARTITIONS_TO_TXN)).isEqualTo(VersionRange.of(0, 3));
        assertThat(protocol.supportedVersions(ApiKey.ADD_OFFSETS_TO_TXN)).isEqualTo(VersionRange.of(0, 4));
        assertThat(protocol.supportedVersions(ApiKey.TXN_OFFSET_COMMIT)).isEqualTo(VersionRange.of(0, 5));
        assertThat(protocol.supportedVersions(ApiKey.END_TXN)).isEqualTo(VersionRange.of(0, 5));
        assertThat(protocol.supportedVersions(ApiKey.SASL_HANDSHAKE)).isEqualTo(VersionRange.of(0, 1));
        assertThat(protocol.supportedVersions(ApiKey.SASL_AUTHENTICATE)).isEqualTo(VersionRange.of(0, 2));
        assertThat(protocol.recordBatchFormat().batchHeaderSizeBytes()).isEqualTo(61);
    }

    @Test
    void everyApiTheDomainNamesHasACodec() {
        WireProtocol protocol = new KafkaWireProtocol();
        for (ApiKey api : ApiKey.values()) {
            assertThat(protocol.supportedVersions(api)).as(api.name()).isNotNull();
        }
    }
}
