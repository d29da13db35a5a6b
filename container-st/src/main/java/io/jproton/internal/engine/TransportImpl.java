package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.ErrorCondition;
import io.jproton.Transport;

/** {@link Transport} of a connection driver. Confined to its connection's context. */
final class TransportImpl implements Transport {
    private final ConnectionDriver driver;

    TransportImpl(ConnectionDriver driver) {
        this.driver = driver;
    }

    @Override
    public Connection connection() {
        return driver.connection();
    }

    @Override
    public ErrorCondition error() {
        driver.host().checkAccess("error");
        return driver.transportError();
    }

    @Override
    public java.net.InetSocketAddress peerAddress() {
        driver.host().checkAccess("peerAddress");
        return driver.host().peerAddress();
    }

    @Override
    public java.net.InetSocketAddress localAddress() {
        driver.host().checkAccess("localAddress");
        return driver.host().localAddress();
    }

    @Override
    public io.jproton.Ssl ssl() {
        driver.host().checkAccess("ssl");
        javax.net.ssl.SSLEngine engine = driver.tls().engine();
        if (engine == null) {
            return null;
        }
        return new io.jproton.Ssl() {
            @Override
            public String protocol() {
                String p = engine.getSession().getProtocol();
                return p == null || p.equals("NONE") ? null : p;
            }

            @Override
            public int ssf() {
                return io.jproton.internal.tls.CipherStrength.bits(cipher());
            }

            @Override
            public String cipher() {
                String c = engine.getSession().getCipherSuite();
                return c == null || c.startsWith("SSL_NULL") ? null : c;
            }

            @Override
            public String remoteSubject() {
                return driver.tls().verifiedPeerSubject();
            }

            @Override
            public String toString() {
                return "ssl(" + protocol() + ", " + cipher() + ")";
            }
        };
    }

    @Override
    public io.jproton.Sasl sasl() {
        driver.host().checkAccess("sasl");
        return new io.jproton.Sasl() {
            @Override
            public Outcome outcome() {
                return driver.sasl().outcome();
            }

            @Override
            public String mech() {
                return driver.sasl().mech;
            }

            @Override
            public String user() {
                return driver.connection().user();
            }

            @Override
            public String toString() {
                return "sasl(" + mech() + ", " + outcome() + ")";
            }
        };
    }

    @Override
    public String toString() {
        return "transport(" + driver.connection() + ")";
    }
}
