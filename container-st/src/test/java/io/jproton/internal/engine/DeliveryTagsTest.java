package io.jproton.internal.engine;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.jproton.Delivery;
import io.jproton.EnginePair;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * Delivery tags without an allocation per message: tags of settled deliveries are used again,
 * never while a delivery that carries them is unsettled, and presettled deliveries share one tag.
 */
public class DeliveryTagsTest {

    @Test
    public void aTagGivenBackIsHandedOutAgainAndCountersFillTheGap() {
        DeliveryTags tags = new DeliveryTags();
        byte[] a = tags.next();
        byte[] b = tags.next();
        assertArrayEquals(new byte[] {1}, a);
        assertArrayEquals(new byte[] {2}, b);
        tags.giveBack(a);
        assertSame(a, tags.next());
        assertArrayEquals(new byte[] {3}, tags.next());
        tags.giveBack(DeliveryTags.PRESETTLED); // never pooled: it is shared by every presettled delivery
        assertEquals(0, tags.free());
    }

    @Test
    public void counterTagsGrowFromOneToEightBytesBigEndian() {
        assertArrayEquals(new byte[] {(byte) 0xff}, DeliveryTags.counterTag(0xff));
        assertArrayEquals(new byte[] {1, 0}, DeliveryTags.counterTag(0x100));
        assertArrayEquals(new byte[] {1, 0, 0}, DeliveryTags.counterTag(0x10000));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 0, 0, 0}, DeliveryTags.counterTag(0x1000000));
    }

    @Test
    public void theFreeListIsBounded() {
        DeliveryTags tags = new DeliveryTags();
        for (int i = 0; i < DeliveryTags.MAX_FREE + 10; i++) {
            tags.giveBack(new byte[] {1});
        }
        assertEquals(DeliveryTags.MAX_FREE, tags.free());
    }

    /** The receiver's view over a real pair of engines: 2,000 messages, up to 50 unsettled at once. */
    @Test
    public void atLeastOnceTagsAreReusedButNeverWhileUnsettled() {
        Set<ByteBuffer> unsettled = new HashSet<>();
        Set<ByteBuffer> distinct = new HashSet<>();
        int[] counts = new int[3]; // received, duplicates among unsettled, accepted
        MessagingHandler client = new MessagingHandler() {
            int sent;

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < 2000) {
                    s.send(new Message(sent++));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                if (++counts[2] == 2000) {
                    t.connection().close();
                }
            }
        };
        // the receiver holds up to 50 deliveries unsettled, then accepts (and settles) them all
        java.util.List<Delivery> held = new java.util.ArrayList<>();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onReceiverOpen(io.jproton.Receiver r) {
                r.open(new io.jproton.ReceiverOptions().autoAccept(false).creditWindow(60));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                ByteBuffer tag = ByteBuffer.wrap(d.tag());
                counts[0]++;
                distinct.add(tag);
                if (!unsettled.add(tag)) {
                    counts[1]++; // a tag that a delivery still unsettled here carries
                }
                held.add(d);
                if (held.size() == 50 || counts[0] == 2000) {
                    for (Delivery h : held) {
                        h.accept();
                        unsettled.remove(ByteBuffer.wrap(h.tag()));
                    }
                    held.clear();
                }
            }
        };
        EnginePair pair = new EnginePair(client, server);
        pair.client().connection().openSender("q");
        pair.run(100_000);
        assertEquals(2000, counts[0]);
        assertEquals(2000, counts[2]);
        assertEquals("a tag was used again while a delivery carrying it was unsettled", 0, counts[1]);
        // new tags are made while the peer's settlements are on their way (credit can come before
        // the dispositions): a few windows' worth, not one per message
        assertTrue("tags are used again: " + distinct.size() + " distinct tags for 2000 messages",
                distinct.size() <= 4 * 60);
    }

    @Test
    public void presettledDeliveriesShareOneTag() {
        Set<ByteBuffer> distinct = new HashSet<>();
        int[] received = {0};
        MessagingHandler client = new MessagingHandler() {
            int sent;

            @Override
            public void onConnectionOpen(io.jproton.Connection c) {
                c.openSender("q", new SenderOptions().deliveryMode(io.jproton.DeliveryMode.AT_MOST_ONCE));
            }

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < 500) {
                    s.send(new Message(sent++));
                }
                if (sent == 500) {
                    s.connection().close();
                }
            }
        };
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received[0]++;
                distinct.add(ByteBuffer.wrap(d.tag()));
            }
        };
        EnginePair pair = new EnginePair(client, server);
        pair.run(100_000);
        assertEquals(500, received[0]);
        assertEquals(Set.of(ByteBuffer.wrap(DeliveryTags.PRESETTLED)), distinct);
        assertFalse(distinct.isEmpty());
        assertNotSame(DeliveryTags.PRESETTLED, new DeliveryTags().next());
    }

    /**
     * A peer that tells its outcome but keeps the delivery unsettled (receiver settle mode second),
     * and an application that settles first in onTrackerAccept: the peer still holds the tag, so
     * the next delivery must not carry it.
     */
    @Test
    public void aTagThePeerHoldsUnsettledIsNotUsedAgain() {
        io.jproton.testkit.AmqpFrames f = new io.jproton.testkit.AmqpFrames();
        List<Tracker> sent = new ArrayList<>();
        io.jproton.testkit.EngineHarness client = io.jproton.testkit.EngineHarness.client(new MessagingHandler() {
            @Override
            public void onSendable(Sender s) {
                if (sent.isEmpty()) {
                    sent.add(s.send(new Message("first")));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                t.settle(); // settled here first: the peer has not settled
                sent.add(t.sender().send(new Message("second")));
            }
        }, new io.jproton.ConnectionOptions().saslEnabled(false));
        client.engine.connection().openSender("q", new SenderOptions().name("out"));
        client.output();
        List<io.jproton.testkit.AmqpFrames.Frame> out = client.feed(io.jproton.testkit.AmqpFrames.concat(
                io.jproton.testkit.AmqpFrames.AMQP_HEADER, f.frame(0, io.jproton.testkit.AmqpFrames.open("peer"), null),
                f.frame(0, io.jproton.testkit.AmqpFrames.begin(0), null),
                f.frame(0, io.jproton.testkit.AmqpFrames.attach("out", 0, false, "q"), null),
                f.frame(0, io.jproton.testkit.AmqpFrames.flow(0, 0, 10), null)));
        List<ByteBuffer> tags = new ArrayList<>();
        collectTags(out, tags);
        assertEquals(1, tags.size());
        org.apache.qpid.proton.amqp.transport.Disposition outcome = new org.apache.qpid.proton.amqp.transport.Disposition();
        outcome.setRole(org.apache.qpid.proton.amqp.transport.Role.RECEIVER);
        outcome.setFirst(org.apache.qpid.proton.amqp.UnsignedInteger.ZERO);
        outcome.setSettled(false);
        outcome.setState(org.apache.qpid.proton.amqp.messaging.Accepted.getInstance());
        collectTags(client.feed(f.frame(0, outcome, null)), tags);
        assertEquals("the second message went out", 2, sent.size());
        assertEquals(2, tags.size());
        assertFalse("the second delivery carries the tag the peer holds unsettled: " + tags,
                tags.get(0).equals(tags.get(1)));
    }

    private static void collectTags(List<io.jproton.testkit.AmqpFrames.Frame> frames, List<ByteBuffer> tags) {
        for (io.jproton.testkit.AmqpFrames.Frame fr : frames) {
            if (fr.body() instanceof org.apache.qpid.proton.amqp.transport.Transfer t) {
                tags.add(ByteBuffer.wrap(t.getDeliveryTag().getArray(), t.getDeliveryTag().getArrayOffset(),
                        t.getDeliveryTag().getLength()));
            }
        }
    }
}
