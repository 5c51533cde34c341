package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.odradek.api.plugins.ClosingCountingInterceptor;
import io.odradek.api.plugins.CountingPartitioner;
import io.odradek.api.plugins.FailingConfigureInterceptor;
import io.odradek.api.plugins.NotAPartitioner;
import io.odradek.api.plugins.PartitionerWithoutNoArgConstructor;
import io.odradek.api.plugins.RecordingInterceptor;
import io.odradek.api.plugins.RecordingPartitioner;
import io.odradek.api.plugins.SecondInterceptor;

class ProducerConfigPluginTest {

    @Test
    void instantiatesAndConfiguresAPartitionerNamedByClassName() {
        ProducerConfig config = config("partitioner.class", RecordingPartitioner.class.getName(), "client.id", "p1");

        assertThat(config.partitioner()).containsInstanceOf(RecordingPartitioner.class);
        RecordingPartitioner partitioner = (RecordingPartitioner) config.partitioner().orElseThrow();
        assertThat(partitioner.configs).isEqualTo(config.asMap());
        assertThat(config.asMap()).containsEntry("partitioner.class", RecordingPartitioner.class.getName())
                .containsEntry("client.id", "p1");
    }

    @Test
    void instantiatesAPartitionerGivenAsAClass() {
        ProducerConfig config = ProducerConfig.builder().bootstrapServers("localhost:9092")
                .partitionerClass(RecordingPartitioner.class).build();

        assertThat(config.partitioner()).containsInstanceOf(RecordingPartitioner.class);
        assertThat(((RecordingPartitioner) config.partitioner().orElseThrow()).configs).isNotNull();
    }

    @Test
    void usesAPartitionerInstanceAsGiven() {
        PartitionerWithoutNoArgConstructor instance = new PartitionerWithoutNoArgConstructor(3);

        ProducerConfig config = ProducerConfig.builder().bootstrapServers("localhost:9092").partitioner(instance).build();

        assertThat(config.partitioner()).containsSame(instance);
        assertThat(instance.configs).isNull();
    }

    @Test
    void loadsInterceptorsFromACommaListInOrder() {
        ProducerConfig config = config("interceptor.classes",
                RecordingInterceptor.class.getName() + ", " + SecondInterceptor.class.getName());

        assertThat(config.interceptors()).hasSize(2);
        assertThat(config.interceptors().get(0)).isExactlyInstanceOf(RecordingInterceptor.class);
        assertThat(config.interceptors().get(1)).isExactlyInstanceOf(SecondInterceptor.class);
        assertThat(((RecordingInterceptor) config.interceptors().get(1)).configs).isEqualTo(config.asMap());
        assertThat(config.asMap()).containsEntry("interceptor.classes",
                List.of(RecordingInterceptor.class.getName(), SecondInterceptor.class.getName()));
    }

    @Test
    void loadsInterceptorsFromAListOfClassesAndNames() {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "localhost:9092");
        configs.put("interceptor.classes", List.of(SecondInterceptor.class, RecordingInterceptor.class.getName()));

        ProducerConfig config = ProducerConfig.from(configs);

        assertThat(config.interceptors()).extracting(Object::getClass)
                .containsExactly(SecondInterceptor.class, RecordingInterceptor.class);
    }

    @Test
    void appendsBuilderInterceptorInstancesAfterConfiguredClasses() {
        RecordingInterceptor instance = new RecordingInterceptor();

        ProducerConfig config = ProducerConfig.builder().bootstrapServers("localhost:9092")
                .set("interceptor.classes", SecondInterceptor.class.getName())
                .interceptor(instance)
                .build();

        assertThat(config.interceptors()).hasSize(2);
        assertThat(config.interceptors().get(0)).isExactlyInstanceOf(SecondInterceptor.class);
        assertThat(config.interceptors().get(1)).isSameAs(instance);
    }

    @Test
    void rejectsAClassNameThatCannotBeFound() {
        assertThatThrownBy(() -> config("partitioner.class", "com.example.NoSuchPartitioner"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'com.example.NoSuchPartitioner' for configuration partitioner.class: "
                        + "class com.example.NoSuchPartitioner could not be found");
    }

    @Test
    void rejectsAClassThatDoesNotImplementTheInterface() {
        assertThatThrownBy(() -> config("partitioner.class", NotAPartitioner.class.getName()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("partitioner.class")
                .hasMessageContaining(NotAPartitioner.class.getName() + " does not implement io.odradek.api.Partitioner");
    }

    @Test
    void rejectsAnInterceptorListNamingAPartitioner() {
        assertThatThrownBy(() -> config("interceptor.classes", RecordingPartitioner.class.getName()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("interceptor.classes")
                .hasMessageContaining("does not implement io.odradek.api.ProducerInterceptor");
    }

    @Test
    void rejectsAPluginClassWithoutAPublicNoArgConstructor() {
        assertThatThrownBy(() -> config("partitioner.class", PartitionerWithoutNoArgConstructor.class.getName()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("partitioner.class")
                .hasMessageContaining("public no-arg constructor");
    }

    @Test
    void reportsAConfigureFailureAndClosesTheInterceptorsAlreadyCreated() {
        int closesBefore = ClosingCountingInterceptor.CLOSES.get();

        assertThatThrownBy(() -> config("interceptor.classes",
                ClosingCountingInterceptor.class.getName() + "," + FailingConfigureInterceptor.class.getName()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("interceptor.classes")
                .hasMessageContaining(FailingConfigureInterceptor.class.getName())
                .hasMessageContaining("missing audit.topic")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(ClosingCountingInterceptor.CLOSES.get()).isEqualTo(closesBefore + 1);
    }

    @Test
    void doesNotInstantiatePluginsWhenACrossKeyRuleFails() {
        int instancesBefore = CountingPartitioner.INSTANCES.get();

        assertThatThrownBy(() -> config("partitioner.class", CountingPartitioner.class.getName(),
                "delivery.timeout.ms", "10"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("delivery.timeout.ms");
        assertThat(CountingPartitioner.INSTANCES.get()).isEqualTo(instancesBefore);
    }

    private static ProducerConfig config(String... keysAndValues) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "localhost:9092");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            configs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProducerConfig.from(configs);
    }
}
