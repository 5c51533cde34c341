package io.odradek.domain.port;

/**
 * A transport adapter, found with {@link java.util.ServiceLoader}. The user picks one by the dependency they
 * add ({@code transport-nio}, {@code transport-netty}).
 */
public interface TransportFactory {
    /** The name the {@code transport} config key uses for it: {@code nio}, {@code netty}. */
    String name();

    /** The clock the transport's I/O thread and the domain share. */
    Clock clock();

    /**
     * Creates a transport that will drive {@code handler} from one I/O thread once {@link Transport#start()}
     * is called.
     */
    Transport create(TransportSettings settings, NetworkHandler handler);
}
