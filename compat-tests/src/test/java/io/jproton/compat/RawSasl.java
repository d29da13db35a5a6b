package io.jproton.compat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SASL server written as bytes on a socket (AMQP 1.0 part 5), to see exactly what a client sends
 * and to answer as no well-behaved library would: one accepted connection, one script, on a thread
 * of its own; every read bounded by a timeout.
 */
final class RawSasl implements AutoCloseable {
    static final byte[] SASL_HEADER = {'A', 'M', 'Q', 'P', 3, 1, 0, 0};
    static final byte[] AMQP_HEADER = {'A', 'M', 'Q', 'P', 0, 1, 0, 0};

    /** What a script does with the accepted socket; returns what the test wants to know. */
    interface Script<T> {
        T run(Socket s, DataInputStream in) throws Exception;
    }

    /** A client's sasl-init. */
    record Init(String mechanism, byte[] response, String hostname) { }

    private final ServerSocket server;
    private final AtomicInteger accepts = new AtomicInteger();

    RawSasl() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "127.0.0.1:" + port();
    }

    /** @return how many connections were accepted */
    int accepts() {
        return accepts.get();
    }

    /** Serves one connection with the script on a new thread. */
    <T> FutureTask<T> serve(Script<T> script) {
        FutureTask<T> task = new FutureTask<>((Callable<T>) () -> {
            try (Socket s = server.accept()) {
                accepts.incrementAndGet();
                s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS));
                return script.run(s, new DataInputStream(s.getInputStream()));
            }
        });
        Thread t = new Thread(task, "raw-sasl-server");
        t.setDaemon(true);
        t.start();
        return task;
    }

    static byte[] readHeader(DataInputStream in) throws IOException {
        byte[] h = new byte[8];
        in.readFully(h);
        return h;
    }

    /** @return the body of the next frame (after the frame header) */
    static byte[] readFrame(DataInputStream in) throws IOException {
        int size = in.readInt();
        int doff = in.readUnsignedByte();
        in.readUnsignedByte(); // type
        in.readUnsignedShort(); // channel
        in.skipNBytes(doff * 4L - 8);
        byte[] body = new byte[size - doff * 4];
        in.readFully(body);
        return body;
    }

    /** @return everything the client sends until it closes (or the timeout) */
    static byte[] readToEnd(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        try {
            int n;
            while ((n = in.read(b)) > 0) {
                out.write(b, 0, n);
            }
        } catch (IOException e) {
            // reset or timeout: what came is what we have
        }
        return out.toByteArray();
    }

    static byte[] frame(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 8 + body.length;
        out.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size, 2,
            (byte) type, 0, 0});
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** @return a sasl-mechanisms frame offering these */
    static byte[] mechanisms(String... mechs) {
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        array.write(mechs.length);
        array.write(0xa3); // sym8
        for (String m : mechs) {
            byte[] b = m.getBytes(StandardCharsets.US_ASCII);
            array.write(b.length);
            array.writeBytes(b);
        }
        byte[] a = array.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x53, 0x40, (byte) 0xc0, (byte) (a.length + 3), 1, (byte) 0xe0, (byte) (a.length)});
        body.writeBytes(a);
        return frame(1, body.toByteArray());
    }

    /** @return a sasl-outcome frame: 0 ok, 1 auth, 2 sys, 3 sys-perm, 4 sys-temp */
    static byte[] outcome(int code) {
        return frame(1, new byte[] {0x00, 0x53, 0x44, (byte) 0xc0, 3, 1, 0x50, (byte) code});
    }

    /** @return the AMQP header and an open frame with container id "raw" */
    static byte[] amqpOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AMQP_HEADER);
        out.writeBytes(frame(0, new byte[] {0x00, 0x53, 0x10, (byte) 0xc0, 6, 1, (byte) 0xa1, 3, 'r', 'a', 'w'}));
        return out.toByteArray();
    }

    /** @return a sasl-init frame (what a client sends) */
    static byte[] init(String mechanism, byte[] response) {
        byte[] m = mechanism.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.write(2);
        list.write(0xa3);
        list.write(m.length);
        list.writeBytes(m);
        list.write(0xa0);
        list.write(response.length);
        list.writeBytes(response);
        byte[] l = list.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x53, 0x41, (byte) 0xc0, (byte) l.length});
        body.writeBytes(l);
        return frame(1, body.toByteArray());
    }

    /**
     * After {@link #amqpOpen()}: reads the client's AMQP header and frames until its close, answers
     * the close, and returns every byte the client sent.
     */
    static byte[] closeWhenAsked(Socket s, DataInputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        seen.writeBytes(readHeader(in));
        while (true) {
            byte[] body = readFrame(in);
            seen.writeBytes(body);
            if (body.length > 2 && body[2] == 0x18) { // close
                s.getOutputStream().write(frame(0, new byte[] {0x00, 0x53, 0x18, 0x45}));
                return seen.toByteArray();
            }
        }
    }

    /** @return the sasl-init in a frame body */
    static Init parseInit(byte[] body) {
        if (body[0] != 0 || body[1] != 0x53 || body[2] != 0x41) {
            throw new AssertionError("not a sasl-init: " + Arrays.toString(Arrays.copyOf(body, Math.min(8, body.length))));
        }
        int[] pos = {3};
        int count;
        int code = body[pos[0]++] & 0xff;
        if (code == 0xc0) {
            pos[0]++;
            count = body[pos[0]++] & 0xff;
        } else if (code == 0xd0) {
            pos[0] += 4;
            count = readInt(body, pos);
        } else {
            throw new AssertionError("sasl-init is not a list");
        }
        String mech = new String(value(body, pos), StandardCharsets.US_ASCII);
        byte[] response = count > 1 ? value(body, pos) : null;
        byte[] host = count > 2 ? value(body, pos) : null;
        return new Init(mech, response, host == null ? null : new String(host, StandardCharsets.UTF_8));
    }

    private static byte[] value(byte[] b, int[] pos) {
        int code = b[pos[0]++] & 0xff;
        if (code == 0x40) {
            return null;
        }
        int len = switch (code) {
            case 0xa0, 0xa1, 0xa3 -> b[pos[0]++] & 0xff;
            case 0xb0, 0xb1, 0xb3 -> readInt(b, pos);
            default -> throw new AssertionError("unexpected type 0x" + Integer.toHexString(code));
        };
        byte[] v = Arrays.copyOfRange(b, pos[0], pos[0] + len);
        pos[0] += len;
        return v;
    }

    private static int readInt(byte[] b, int[] pos) {
        int v = ((b[pos[0]] & 0xff) << 24) | ((b[pos[0] + 1] & 0xff) << 16) | ((b[pos[0] + 2] & 0xff) << 8) | (b[pos[0] + 3] & 0xff);
        pos[0] += 4;
        return v;
    }

    /** @return true if the bytes contain the text */
    static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
