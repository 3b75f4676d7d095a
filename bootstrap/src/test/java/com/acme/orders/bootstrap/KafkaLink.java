package com.acme.orders.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the service and the Kafka broker, as a TCP relay on a port of its own that the broker advertises
 * as its address: every client connection goes through it. {@link #cut()} drops all connections and refuses new ones
 * (Kafka is unreachable: a broker crash or a network partition, as the service sees it), {@link #restore()} lets them
 * through again. The broker itself keeps its data, as a real cluster does when one service loses sight of it.
 */
final class KafkaLink implements AutoCloseable {

    private final ServerSocket listener;
    private volatile String brokerHost = "localhost";
    private volatile int brokerPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    KafkaLink() {
        try {
            this.listener = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("kafka-link").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Where the broker really listens; known only once it started, after it was told to advertise this link. */
    void connectTo(String brokerHost, int brokerPort) {
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
    }

    void cut() {
        up = false;
        open.forEach(KafkaLink::closeQuietly);
        open.clear();
    }

    void restore() {
        up = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!up) {
                    closeQuietly(client);
                    continue;
                }
                Socket broker = new Socket(brokerHost, brokerPort);
                open.add(client);
                open.add(broker);
                pipe(client, broker);
                pipe(broker, client);
            } catch (IOException e) {
                // the listener closed, or the broker refused: the client sees a dropped connection and retries
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
