package io.odradek.tools.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ServerPropertiesTest {

    private final NodeAddress one = new NodeAddress(1, 9092, 9093);
    private final NodeAddress two = new NodeAddress(2, 9094, 9095);
    private final NodeAddress three = new NodeAddress(3, 9096, 9097);

    @Test
    void singleNodeIsItsOwnQuorumWithReplicationFactorOne() {
        Properties props = ServerProperties.forNode(one, List.of(one), "/data", 3, false, Map.of());

        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(props.getProperty("num.partitions")).isEqualTo("3");
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("false");
    }

    @Test
    void everyNodeOfAThreeNodeClusterListsAllVotersAndItsOwnListeners() {
        Properties props = ServerProperties.forNode(two, List.of(one, two, three), "/data", 1, true, Map.of());

        assertThat(props.getProperty("node.id")).isEqualTo("2");
        assertThat(props.getProperty("controller.quorum.voters"))
                .isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9094");
        assertThat(props.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
        assertThat(props.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
    }

    @Test
    void extraPropertiesOverrideTheDefaults() {
        Properties props = ServerProperties.forNode(one, List.of(one), "/data", 1, true,
                Map.of("num.partitions", "7", "log.retention.ms", "1000"));

        assertThat(props.getProperty("num.partitions")).isEqualTo("7");
        assertThat(props.getProperty("log.retention.ms")).isEqualTo("1000");
    }

    @Test
    void aClientListenerOfItsOwnIsAdvertisedAtItsAddressWhileBrokersReplicateOverTheInternalOne() {
        Properties props = ServerProperties.forNode(two, List.of(one, two, three), "/data", 1, false,
                Optional.of(new ClientListener(9194, "127.0.0.1:40002")), Map.of());

        assertThat(props.getProperty("listeners"))
                .isEqualTo("INTERNAL://127.0.0.1:9094,EXTERNAL://127.0.0.1:9194,CONTROLLER://127.0.0.1:9095");
        assertThat(props.getProperty("advertised.listeners"))
                .isEqualTo("INTERNAL://127.0.0.1:9094,EXTERNAL://127.0.0.1:40002");
        assertThat(props.getProperty("inter.broker.listener.name")).isEqualTo("INTERNAL");
        assertThat(props.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(props.getProperty("listener.security.protocol.map"))
                .isEqualTo("INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        assertThat(props.getProperty("controller.quorum.voters"))
                .isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097");
    }

    @Test
    void withoutAClientListenerClientsAndBrokersShareThePlaintextListener() {
        Properties props = ServerProperties.forNode(one, List.of(one), "/data", 1, false, Optional.empty(), Map.of());

        assertThat(props.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
        assertThat(props.getProperty("listener.security.protocol.map")).isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    @Test
    void aClientListenerNeedsAHostAndPortToAdvertise() {
        assertThatThrownBy(() -> new ClientListener(9194, "40002"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40002");
    }
}
