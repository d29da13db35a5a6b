package io.jproton.interop;

import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A peer program run as a child process: its output lines can be awaited, and it is always bounded in time. */
final class Proc implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 30;

    private final String name;
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private Proc(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (all) {
                        all.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "output-of-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Proc start(List<String> command) throws IOException {
        return start(command, java.util.Map.of());
    }

    /** @param environment variables to add to this JVM's environment for the process */
    static Proc start(List<String> command, java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        return new Proc(String.join(" ", command), pb.start());
    }

    /** Waits for an output line matching the pattern; returns the first group if any, else the line. */
    String await(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                fail("no line matching /" + regex + "/ from " + name + " within " + TIMEOUT_SECONDS + " s; output: " + output());
            }
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : line;
            }
        }
    }

    /** Waits for the process to exit and returns its whole output; fails on timeout or a non-zero exit. */
    List<String> finish() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + " did not exit within " + TIMEOUT_SECONDS + " s; output: " + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        if (process.exitValue() != 0) {
            fail(name + " exited with " + process.exitValue() + "; output: " + output());
        }
        return output();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + " did not exit within " + TIMEOUT_SECONDS + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /** Writes a line to the process's standard input. */
    void send(String line) throws IOException {
        java.io.OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** @return true while the process runs */
    boolean alive() {
        return process.isAlive();
    }

    /** @return the process id */
    long pid() {
        return process.pid();
    }

    /** Kills the process at once (SIGKILL: no shutdown of any kind, as a crash) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail(name + " did not die within " + TIMEOUT_SECONDS + " s of SIGKILL");
        }
    }

    List<String> output() {
        synchronized (all) {
            return new ArrayList<>(all);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
