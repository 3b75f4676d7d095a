package com.acme.orders.benchmarks.driver;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One kept-alive HTTP/1.1 connection that sends requests prepared as bytes and reads the status and body of each
 * answer. The load generator shares the two cores with the service, so whatever it spends per request is taken from
 * the service's measured rate: it does no more than the requests here need (no TLS, no redirects), and every run
 * checks it against wrk (docs/front-door.md).
 */
final class HttpConnection implements AutoCloseable {

    record Answer(int status, String body) {}

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    HttpConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    Answer send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")
                    && header.substring(colon + 1).trim().equalsIgnoreCase("close")) {
                close = true;
            }
        }
        byte[] body = chunked ? chunks() : exactly(length);
        if (close) {
            socket.close();
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] exactly(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("the answer ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private byte[] chunks() throws IOException {
        var body = new java.io.ByteArrayOutputStream(512);
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            body.write(exactly(length));
            line();
        }
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    private String line() throws IOException {
        var text = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (b == '\n') {
                int end = text.length();
                if (end > 0 && text.charAt(end - 1) == '\r') {
                    text.setLength(end - 1);
                }
                return text.toString();
            }
            text.append((char) b);
        }
    }

    /** A request as bytes: the method, the path, the headers given as name-value pairs, and the body (or null). */
    static byte[] request(String method, String path, @Nullable String body, String... headers) {
        var text = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            text.append("Content-Length: ").append(content.length).append("\r\n");
        }
        text.append("\r\n");
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
