/**
 * The test kit for applications that use Odradek: {@link io.odradek.test.MockProducer}. Needs only the API.
 */
module io.odradek.test {
    requires transitive io.odradek.api;

    exports io.odradek.test;
}
