package io.odradek.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.odradek.it.faults.Gate.Direction;

/**
 * One client connection through a {@link TcpProxy} and its connection to the broker, with a {@link Pipe} for
 * each direction. Either side closing or failing closes both, once what was read before is delivered.
 */
final class ProxiedConnection {

    private static final int CHUNK_BYTES = 32 * 1024;
    /** Chunks a pipe holds before it stops reading, so TCP's own flow control pushes back on the sender. */
    private static final int QUEUED_CHUNKS = 64;

    private final Socket client;
    private final Socket broker;
    private final Pipe toBroker;
    private final Pipe toClient;
    private final Consumer<ProxiedConnection> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProxiedConnection(String proxyName, Socket client, Socket broker, Gate gate, Consumer<ProxiedConnection> onClose) {
        this.client = client;
        this.broker = broker;
        this.onClose = onClose;
        String threadPrefix = "tcp-proxy-" + proxyName + "-" + client.getPort();
        this.toBroker = new Pipe(Direction.TO_BROKER, client, broker, gate, threadPrefix);
        this.toClient = new Pipe(Direction.TO_CLIENT, broker, client, gate, threadPrefix);
    }

    void start() {
        toBroker.start();
        toClient.start();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        TcpProxy.closeQuietly(client);
        TcpProxy.closeQuietly(broker);
        toBroker.stop();
        toClient.stop();
        onClose.accept(this);
    }

    /** Bytes read, or the end of the stream (null bytes): the writer closes the connection when it gets there. */
    private record Chunk(byte[] bytes, long dueNanos) {
        boolean isEnd() {
            return bytes == null;
        }
    }

    /**
     * Bytes one way: a reader thread stamps each chunk with the time it is due, a writer thread sends it then,
     * if the gate is open. Two threads so that latency delays each chunk without holding back the next.
     */
    private final class Pipe {
        private final Direction direction;
        private final Socket from;
        private final Socket to;
        private final Gate gate;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final Thread reader;
        private final Thread writer;

        Pipe(Direction direction, Socket from, Socket to, Gate gate, String threadPrefix) {
            this.direction = direction;
            this.from = from;
            this.to = to;
            this.gate = gate;
            String suffix = direction == Direction.TO_BROKER ? "-up" : "-down";
            this.reader = daemon(this::readLoop, threadPrefix + suffix + "-read");
            this.writer = daemon(this::writeLoop, threadPrefix + suffix + "-write");
        }

        void start() {
            reader.start();
            writer.start();
        }

        void stop() {
            reader.interrupt();
            writer.interrupt();
        }

        private void readLoop() {
            try {
                InputStream in = from.getInputStream();
                byte[] buffer = new byte[CHUNK_BYTES];
                while (true) {
                    int read = in.read(buffer);
                    long dueNanos = System.nanoTime() + gate.delayNanos(direction);
                    if (read < 0) {
                        queue.put(new Chunk(null, dueNanos));
                        return;
                    }
                    queue.put(new Chunk(Arrays.copyOf(buffer, read), dueNanos));
                }
            } catch (IOException | InterruptedException e) {
                close();
            }
        }

        private void writeLoop() {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    awaitDue(chunk.dueNanos());
                    gate.awaitOpen();
                    if (chunk.isEnd()) {
                        close();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                close();
            }
        }

        private void awaitDue(long dueNanos) throws InterruptedException {
            long waitNanos;
            while ((waitNanos = dueNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(50)));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
