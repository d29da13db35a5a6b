package io.jproton.examples;

import io.jproton.ConnectionOptions;
import io.jproton.UserStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker's authentication: {@code --users FILE} makes it require SCRAM-SHA-512, SCRAM-SHA-256
 * or PLAIN from every client, checked against FILE (a {@link UserStore} file: SCRAM verifiers,
 * never passwords); PLAIN only over TLS unless {@code --allow-insecure}. {@code broker --add-user
 * FILE USER PASSWORD} adds or replaces USER in FILE, creating it, and exits.
 */
final class BrokerUsers {
    private BrokerUsers() {}

    /**
     * @param args the broker's command line
     * @return true if it was {@code --add-user FILE USER PASSWORD}, now done
     */
    static boolean addUser(String[] args) {
        if (args.length == 0 || !args[0].equals("--add-user")) {
            return false;
        }
        if (args.length != 4) {
            System.err.println("usage: broker --add-user FILE USER PASSWORD");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        try {
            UserStore users = Files.exists(file) ? UserStore.load(file) : new UserStore();
            users.add(args[2], args[3].toCharArray());
            users.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        }
        System.out.println("user " + args[2] + " saved in " + file);
        return true;
    }

    /**
     * @param usersFile the users file, or null for none (any client is accepted, as before)
     * @param allowInsecure whether PLAIN is offered without TLS
     * @return the listener's options
     */
    static ConnectionOptions listenerOptions(String usersFile, boolean allowInsecure) {
        ConnectionOptions o = new ConnectionOptions();
        if (usersFile != null) {
            try {
                o.authenticator(UserStore.load(Path.of(usersFile)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the users file " + usersFile + ": " + e.getMessage(), e);
            }
        }
        if (allowInsecure) {
            o.saslAllowInsecureMechs(true);
        }
        return o;
    }
}
