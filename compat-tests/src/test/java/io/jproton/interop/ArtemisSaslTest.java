package io.jproton.interop;

import static org.junit.Assert.assertEquals;

import io.jproton.ConnectionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Our client authenticating to Apache Artemis: SCRAM-SHA-256 and SCRAM-SHA-512 through Artemis's
 * SCRAM login module, and PLAIN (allowed in clear for this test broker) against its properties
 * login module with security on; right and wrong passwords.
 */
public class ArtemisSaslTest {
    private static final String PASSWORD = "artemis-s3cret";
    private static Configuration previous;
    private static Artemis scram;
    private static Artemis plain;

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("artemis-jaas");
        // Artemis's login modules accept a password in clear in their user file: this is the test broker's fixture
        Files.writeString(dir.resolve("users.properties"), "alice = " + PASSWORD + "\n");
        Files.writeString(dir.resolve("roles.properties"), "amq = alice\n");
        Map<String, String> files = Map.of("baseDir", dir.toString(), "org.apache.activemq.jaas.properties.user",
                "users.properties", "org.apache.activemq.jaas.properties.role", "roles.properties");
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                String module = switch (name) {
                    case "amqp-sasl-scram" -> "org.apache.activemq.artemis.spi.core.security.jaas.SCRAMPropertiesLoginModule";
                    case "PropertiesLogin" -> "org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule";
                    default -> null;
                };
                return module == null ? null : new AppConfigurationEntry[] {new AppConfigurationEntry(module,
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, files)};
            }
        });
        scram = new Artemis(0, ";saslMechanisms=SCRAM-SHA-256,SCRAM-SHA-512;saslLoginConfigScope=amqp-sasl-scram", null);
        plain = new Artemis(0, ";saslMechanisms=PLAIN", new ActiveMQJAASSecurityManager("PropertiesLogin"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (scram != null) {
            scram.close();
        }
        if (plain != null) {
            plain.close();
        }
        Configuration.setConfiguration(previous);
    }

    private static ConnectionOptions alice(String password) {
        return new ConnectionOptions().user("alice").password(password);
    }

    @Test
    public void scramSha512IsPreferredAndSha256WorksToo() throws Exception {
        assertEquals(List.of("open mech=SCRAM-SHA-512 user=alice", "close"), OurClient.connect(scram.url(""), alice(PASSWORD)));
        assertEquals(List.of("open mech=SCRAM-SHA-256 user=alice", "close"),
                OurClient.connect(scram.url(""), alice(PASSWORD).saslAllowedMechs("SCRAM-SHA-256")));
    }

    @Test
    public void scramWithAWrongPasswordIsAnAuthenticationError() throws Exception {
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-512]", "close"),
                OurClient.connect(scram.url(""), alice("wrong")));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-256]", "close"),
                OurClient.connect(scram.url(""), alice("wrong").saslAllowedMechs("SCRAM-SHA-256")));
    }

    @Test
    public void plainOnlyWhenAllowedInClear() throws Exception {
        List<String> refused = OurClient.connect(plain.url(""), alice(PASSWORD));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=none]: no mechanism the server"
                + " offers (PLAIN) is allowed (EXTERNAL SCRAM-SHA-512 SCRAM-SHA-256 PLAIN ANONYMOUS) and usable: PLAIN sends"
                + " the password in clear: it needs TLS (amqps) or saslAllowInsecureMechs(true)", "close"), refused);
        assertEquals(List.of("open mech=PLAIN user=alice", "close"),
                OurClient.connect(plain.url(""), alice(PASSWORD).saslAllowInsecureMechs(true)));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=PLAIN]", "close"),
                OurClient.connect(plain.url(""), alice("wrong").saslAllowInsecureMechs(true)));
    }
}
