package io.jproton.internal.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that hands out the engines of another one and remembers the last engine it
 * made: one per connection, so that the connection can report its TLS session (protocol, cipher,
 * the peer's certificate subject) while the engine stays inside the AMQP engine's TLS layer. Where
 * the server's name is to be checked, it arranges the check on each engine it makes: the JDK's
 * HTTPS endpoint identification where the JDK accepts the name ({@link HostNames#jdkChecks}),
 * else jproton's own check in a trust manager of a context jproton built; a context the
 * application built gets the JDK's check whatever the name, so that no name goes unchecked.
 *
 * <p>Thread-safety: one per connection, confined to it.
 */
public final class SessionCapturingContext extends SSLContext {
    private final Spi spi;

    private SessionCapturingContext(Spi spi, SSLContext delegate) {
        super(spi, delegate.getProvider(), delegate.getProtocol());
        this.spi = spi;
    }

    /**
     * @param delegate the context that does the work
     * @param checkedName the server name to check the peer's certificate against, or null to check none
     * @return a context that remembers its engine
     */
    public static SessionCapturingContext wrap(SSLContext delegate, String checkedName) {
        return new SessionCapturingContext(new Spi(delegate, checkedName), delegate);
    }

    /**
     * @return the engine made last, or null
     */
    public SSLEngine engine() {
        return spi.engine;
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final String checkedName;
        SSLEngine engine;

        Spi(SSLContext delegate, String checkedName) {
            this.delegate = delegate;
            this.checkedName = checkedName;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            engine = checkName(delegate.createSSLEngine());
            return engine;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            engine = checkName(delegate.createSSLEngine(host, port));
            return engine;
        }

        private SSLEngine checkName(SSLEngine e) {
            if (checkedName == null) {
                return e;
            }
            if (HostNames.jdkChecks(checkedName) || !PemContexts.builtHere(delegate)) {
                SSLParameters p = e.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                e.setSSLParameters(p);
            } else {
                PeerNameCheck.checkName(e, checkedName);
            }
            return e;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }
    }
}
