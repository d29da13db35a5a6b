package io.jproton.internal.engine;

import io.jproton.ConnectionOptions;
import io.jproton.SslClientOptions;
import io.jproton.SslServerOptions;
import io.jproton.SslVerifyMode;
import io.jproton.internal.tls.SessionCapturingContext;
import io.jproton.internal.tls.TlsContexts;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.SslDomain;
import org.apache.qpid.proton.engine.Transport;

/**
 * The TLS layer of a connection's transport: puts it under the transport when the options ask for
 * it (amqps URLs do), and answers what the connection knows of it. A client that checks the
 * server's name ({@link SslVerifyMode#VERIFY_PEER_NAME}, the default as in Proton C++) has the JDK
 * check it by the HTTPS rules wherever the JDK can (IP addresses in IP SANs, IPv6 included; no
 * wildcard for an IP); names the JDK refuses as host names (Proton's {@code test_server}) are
 * checked by jproton's own trust manager, against DNS names only.
 *
 * <p>Thread-safety: confined to its connection's context.
 */
final class TlsSetup {
    private final ConnectionOptions options;
    private final boolean server;
    /** The current transport's TLS context, remembering its engine; null without TLS. */
    private SessionCapturingContext tls;

    TlsSetup(ConnectionOptions options, boolean server) {
        this.options = options;
        this.server = server;
    }

    /** @return true if this connection uses TLS */
    boolean configured() {
        return server ? options.sslServerOptions() != null : options.sslClientOptions() != null;
    }

    /** @return true if this server connection asks clients for certificates that TLS then verifies */
    boolean verifiesClients() {
        SslServerOptions so = options.sslServerOptions();
        return server && so != null && so.verifyMode() != SslVerifyMode.ANONYMOUS_PEER;
    }

    /** Puts TLS under a new transport, the outermost layer (SASL runs inside it). */
    void configure(Transport transport) {
        tls = null;
        if (server) {
            SslServerOptions so = options.sslServerOptions();
            if (so != null) {
                transport.ssl(domain(SslDomain.Mode.SERVER, TlsContexts.of(so), null, verifyMode(so.verifyMode())));
            }
            return;
        }
        SslClientOptions co = options.sslClientOptions();
        if (co != null) {
            String host = options.virtualHost() != null ? options.virtualHost() : "localhost";
            boolean checkName = co.verifyMode() == SslVerifyMode.VERIFY_PEER_NAME;
            // the name is checked as the engine is made (SessionCapturingContext), never by proton-j
            SslDomain.VerifyMode mode = checkName ? SslDomain.VerifyMode.VERIFY_PEER : verifyMode(co.verifyMode());
            transport.ssl(domain(SslDomain.Mode.CLIENT, TlsContexts.of(co), checkName ? host : null, mode),
                    Proton.sslPeerDetails(host, 0));
        }
    }

    private SslDomain domain(SslDomain.Mode mode, SSLContext context, String checkedName, SslDomain.VerifyMode verify) {
        SslDomain domain = Proton.sslDomain();
        domain.init(mode);
        tls = SessionCapturingContext.wrap(context, checkedName);
        domain.setSslContext(tls);
        domain.setPeerAuthentication(verify);
        return domain;
    }

    private static SslDomain.VerifyMode verifyMode(SslVerifyMode m) {
        return switch (m) {
            case VERIFY_PEER_NAME -> SslDomain.VerifyMode.VERIFY_PEER_NAME;
            case VERIFY_PEER -> SslDomain.VerifyMode.VERIFY_PEER;
            case ANONYMOUS_PEER -> SslDomain.VerifyMode.ANONYMOUS_PEER;
        };
    }

    /** @return the TLS engine of the current transport, or null without TLS */
    SSLEngine engine() {
        return tls == null ? null : tls.engine();
    }

    /** @return the subject of the peer's verified certificate, or null if it presented none */
    String verifiedPeerSubject() {
        SSLEngine engine = engine();
        if (engine == null) {
            return null;
        }
        try {
            return engine.getSession().getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** @return the protocol, cipher and peer subject of the current TLS session, for a log line; null without TLS */
    String summary() {
        SSLEngine engine = engine();
        if (engine == null) {
            return null;
        }
        String peer = verifiedPeerSubject();
        return engine.getSession().getProtocol() + ", " + engine.getSession().getCipherSuite() + ", peer "
                + (peer != null ? "'" + peer + "'" : "without a certificate");
    }

    /** @return the subject of the certificate this end presented, or null if it presented none */
    String localSubject() {
        SSLEngine engine = engine();
        if (engine == null || engine.getSession().getLocalPrincipal() == null) {
            return null;
        }
        return engine.getSession().getLocalPrincipal().getName();
    }

    /** @return why the TLS handshake failed, as well as we know */
    String failure() {
        String why = TlsContexts.failure(engine());
        return why != null ? why : "the peer's certificate is not trusted, or the peer does not speak TLS";
    }
}
