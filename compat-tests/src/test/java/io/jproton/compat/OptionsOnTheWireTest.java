package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Described;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Source;
import io.jproton.SourceOptions;
import io.jproton.Symbol;
import io.jproton.TargetOptions;
import io.jproton.Terminus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Connection and link options that travel in the open and attach frames reach the peer intact. */
public class OptionsOnTheWireTest {

    @Test
    public void connectionAndLinkPropertiesCapabilitiesAndTermini() throws Exception {
        List<Object> seen = new ArrayList<>();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                seen.add(c.containerId());
                seen.add(c.properties());
                seen.add(c.offeredCapabilities());
                seen.add(c.desiredCapabilities());
                seen.add(c.virtualHost());
            }

            @Override
            public void onReceiverOpen(Receiver r) {
                seen.add(r.name());
                seen.add(r.properties());
                seen.add(r.offeredCapabilities());
                seen.add(r.desiredCapabilities());
                Source s = r.source();
                seen.add(List.of(s.address(), s.durabilityMode(), s.expiryPolicy(), s.timeout(), s.distributionMode(),
                        s.filters(), s.capabilities()));
                seen.add(List.of(r.target().address(), r.target().dynamic()));
                r.connection().close();
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container ct) {
                Connection conn = ct.connect(Peer.url(Peer.listenOnce(ct, server)), new ConnectionOptions()
                        .handler(new MessagingHandler() { })
                        .containerId("my-container")
                        .virtualHost("vhost")
                        .properties(Map.of("product", "jproton"))
                        .offeredCapabilities(List.of("ANONYMOUS-RELAY"))
                        .desiredCapabilities(List.of("DELAYED_DELIVERY")));
                conn.openSender("ignored", new SenderOptions()
                        .name("my-link")
                        .properties(Map.of("priority", 7))
                        .offeredCapabilities(List.of("shared"))
                        .desiredCapabilities(List.of("global"))
                        .source(new SourceOptions().address("src").durabilityMode(Terminus.DurabilityMode.UNSETTLED_STATE)
                                .expiryPolicy(Terminus.ExpiryPolicy.NEVER).timeout(Duration.ofSeconds(30))
                                .distributionMode(Source.DistributionMode.COPY)
                                .filters(Map.of("f", new Described(Symbol.of("x:filter"), "v")))
                                .capabilities(List.of("queue")))
                        .target(new TargetOptions().address("tgt")));
            }
        });
        Run.bounded(c);
        assertEquals(List.of("my-container", Map.of("product", "jproton"), List.of("ANONYMOUS-RELAY"),
                List.of("DELAYED_DELIVERY"), "vhost", "my-link", Map.of("priority", 7), List.of("shared"), List.of("global"),
                List.of("src", Terminus.DurabilityMode.UNSETTLED_STATE, Terminus.ExpiryPolicy.NEVER, Duration.ofSeconds(30),
                        Source.DistributionMode.COPY, Map.of("f", new Described(Symbol.of("x:filter"), "v")), List.of("queue")),
                List.of("tgt", false)), seen);
    }
}
