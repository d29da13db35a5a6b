package io.jproton.interop;

import static org.junit.Assert.assertEquals;

import io.jproton.ConnectionOptions;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Our client authenticating to RabbitMQ 3.10 (in this JVM, on the container the run names; the
 * Surefire execution of each container runs it): PLAIN with a RabbitMQ user, allowed in clear for
 * this test node; a wrong password; and what RabbitMQ's offer of ANONYMOUS means for a client that
 * has a password but may not send it in clear.
 */
public class RabbitMqSaslTest {
    private static RabbitMq rabbit;

    @BeforeClass
    public static void start() throws Exception {
        rabbit = RabbitMq.start("sasl");
        rabbit.ctl("add_user", "alice", RabbitMqInteropTest.PASSWORD);
        rabbit.ctl("set_permissions", "-p", "/", "alice", ".*", ".*", ".*");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (rabbit != null) {
            rabbit.close();
        }
    }

    private static ConnectionOptions alice(String password) {
        return new ConnectionOptions().user("alice").password(password);
    }

    @Test
    public void plainWithARabbitMqUser() throws Exception {
        assertEquals(List.of("open mech=PLAIN user=alice", "close"),
                OurClient.connect(rabbit.url(""), alice(RabbitMqInteropTest.PASSWORD).saslAllowInsecureMechs(true)));
    }

    @Test
    public void aWrongPasswordIsAnAuthenticationError() throws Exception {
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=PLAIN]", "close"),
                OurClient.connect(rabbit.url(""), alice("wrong").saslAllowInsecureMechs(true)));
    }

    @Test
    public void withoutInsecureMechsTheClientFallsBackToAnonymous() throws Exception {
        // RabbitMQ offers ANONYMOUS (as its amqp1_0.default_user, guest): PLAIN in clear not allowed, the
        // client takes ANONYMOUS, as Proton C++ does; set amqp1_0.default_user = none on the broker to refuse it
        assertEquals(List.of("open mech=ANONYMOUS user=anonymous", "close"),
                OurClient.connect(rabbit.url(""), alice(RabbitMqInteropTest.PASSWORD)));
    }
}
