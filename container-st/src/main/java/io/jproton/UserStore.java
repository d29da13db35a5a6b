package io.jproton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and their SCRAM verifiers, as an {@link Authenticator}: it offers SCRAM-SHA-512,
 * SCRAM-SHA-256 and PLAIN (a PLAIN password is checked against the user's verifier, so nothing is
 * stored in clear); ANONYMOUS and EXTERNAL only where allowed ({@link #allowAnonymous},
 * {@link #allowExternal}). The {@code broker} example's {@code --users FILE} is one of these.
 * Proton C++ has no such type (with Cyrus SASL, its {@code sasldb} plays this part).
 *
 * <p>File form ({@link #load}, {@link #save}): UTF-8, one user a line, the user name then its
 * verifiers in {@link ScramVerifier#encode() RFC 5803 form}, separated by spaces; {@code #}
 * starts a comment line. A user name's spaces, control characters, {@code %} and a leading
 * {@code #} are written {@code %XX} (its UTF-8 bytes).
 * <pre>
 * alice SCRAM-SHA-256$4096:c2FsdA==$...:... SCRAM-SHA-512$4096:...$...:...
 * </pre>
 *
 * <p>Thread-safety: thread-safe; users may be added and removed while listeners use the store.
 * {@link #toString()} shows the user names only.
 */
public final class UserStore implements Authenticator {
    private final Map<String, Map<String, ScramVerifier>> users = new ConcurrentHashMap<>();
    private volatile boolean anonymous;
    private volatile boolean external;

    /** An empty store. */
    public UserStore() {}

    /**
     * @param file a file in this class's form
     * @return its users
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the line (not repeating it) if a line is malformed
     */
    public static UserStore load(Path file) throws IOException {
        UserStore store = new UserStore();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                if (fields.length < 2) {
                    throw new IllegalArgumentException("a user name and at least one verifier are needed");
                }
                ScramVerifier[] verifiers = new ScramVerifier[fields.length - 1];
                for (int f = 1; f < fields.length; f++) {
                    verifiers[f - 1] = ScramVerifier.parse(fields[f]);
                }
                store.add(decode(fields[0]), verifiers);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return store;
    }

    /**
     * Writes the users to a file, replacing it at once (a new file in the same folder, moved over
     * the old one), readable by its owner only where the file system has POSIX permissions.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public synchronized void save(Path file) throws IOException {
        StringBuilder out = new StringBuilder("# jproton users: USER then SCRAM verifiers (RFC 5803); no passwords\n");
        for (String user : new TreeSet<>(users.keySet())) {
            out.append(encode(user));
            for (ScramVerifier v : users.get(user).values()) {
                out.append(' ').append(v.encode());
            }
            out.append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".users", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own defaults apply
            }
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Adds a user, or replaces its verifiers: SCRAM-SHA-256 and SCRAM-SHA-512, each with a fresh
     * salt and {@link ScramVerifier#DEFAULT_ITERATIONS}.
     *
     * @param user the user name, not empty
     * @param password the password; not kept
     * @return this
     */
    public UserStore add(String user, char[] password) {
        return add(user, ScramVerifier.create("SCRAM-SHA-256", password), ScramVerifier.create("SCRAM-SHA-512", password));
    }

    /**
     * Adds a user with the given verifiers, or replaces its verifiers.
     *
     * @param user the user name, not empty
     * @param verifiers one verifier per mechanism
     * @return this
     */
    public UserStore add(String user, ScramVerifier... verifiers) {
        if (user == null || user.isEmpty() || verifiers.length == 0) {
            throw new IllegalArgumentException("a user needs a name and at least one verifier");
        }
        Map<String, ScramVerifier> byMech = new LinkedHashMap<>();
        for (ScramVerifier v : verifiers) {
            byMech.put(v.mechanism(), v);
        }
        users.put(user, Map.copyOf(byMech));
        return this;
    }

    /**
     * @param user a user name
     * @return true if the user was there
     */
    public boolean remove(String user) {
        return users.remove(user) != null;
    }

    /** @return the user names, sorted */
    public Set<String> users() {
        return new TreeSet<>(users.keySet());
    }

    /**
     * @param allow offer ANONYMOUS too, and accept anonymous clients as {@code anonymous} (default false)
     * @return this
     */
    public UserStore allowAnonymous(boolean allow) {
        anonymous = allow;
        return this;
    }

    /**
     * @param allow offer EXTERNAL where TLS verifies client certificates, and accept a client as its
     *        certificate's subject (default false)
     * @return this
     */
    public UserStore allowExternal(boolean allow) {
        external = allow;
        return this;
    }

    @Override
    public Set<String> mechanisms() {
        Set<String> m = new LinkedHashSet<>(List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"));
        if (external) {
            m.add("EXTERNAL");
        }
        if (anonymous) {
            m.add("ANONYMOUS");
        }
        return m;
    }

    @Override
    public String authenticatePlain(String user, char[] password) {
        Map<String, ScramVerifier> v = users.get(user);
        if (v == null) {
            return null;
        }
        ScramVerifier check = v.getOrDefault("SCRAM-SHA-512", v.values().iterator().next());
        return check.matches(password) ? user : null;
    }

    @Override
    public ScramVerifier scramVerifier(String mechanism, String user) {
        Map<String, ScramVerifier> v = users.get(user);
        return v == null ? null : v.get(mechanism);
    }

    @Override
    public String authenticateExternal(String certificateSubject) {
        return external ? certificateSubject : null;
    }

    @Override
    public String authenticateAnonymous(String trace) {
        return anonymous ? "anonymous" : null;
    }

    /** @return the user names; never a verifier */
    @Override
    public String toString() {
        return "user-store(" + users() + ")";
    }

    private static String encode(String user) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] bytes = user.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b <= 0x20 || b == 0x7f || b == '%' || (i == 0 && b == '#')) {
                out.writeBytes(String.format("%%%02X", b).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String decode(String field) {
        byte[] out = new byte[field.length() * 4];
        int n = 0;
        byte[] in = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                if (i + 2 >= in.length) {
                    throw new IllegalArgumentException("a user name with a bad %XX escape");
                }
                try {
                    out[n++] = (byte) Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a user name with a bad %XX escape");
                }
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
