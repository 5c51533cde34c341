/** Binds an Odradek producer's metrics to a Micrometer {@code MeterRegistry}: {@link io.odradek.micrometer.MicrometerReporter}. */
module io.odradek.micrometer {
    requires transitive io.odradek.api;
    requires transitive micrometer.core;

    exports io.odradek.micrometer;
}
