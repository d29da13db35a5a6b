package io.jproton.internal.engine;

import io.jproton.ReceiverOptions;

/** {@link io.jproton.Receiver} over a proton-j receiver. Confined to its connection's context. */
final class ReceiverImpl extends LinkImpl implements io.jproton.Receiver {
    org.apache.qpid.proton.engine.Receiver engine;
    boolean autoAccept = true;
    int creditWindow = 10;
    /**
     * How many transfers beyond its credit the peer may still send: each grant adds what it grants
     * (up to the connection's max unsettled), each excess taken uses it up (see {@link #takeExcess}).
     */
    private int excessAllowed;
    /** Reused to read incoming message bytes. */
    private byte[] readBuffer = new byte[1024];

    private ReceiverImpl(SessionImpl session, org.apache.qpid.proton.engine.Receiver engine) {
        super(session, engine);
        this.engine = engine;
    }

    static ReceiverImpl of(SessionImpl session, org.apache.qpid.proton.engine.Receiver r) {
        Object c = r.getContext();
        return c instanceof ReceiverImpl ri ? ri : new ReceiverImpl(session, r);
    }

    static ReceiverImpl create(SessionImpl session, String address, ReceiverOptions options) {
        ReceiverOptions o = session.driver.container().receiverOptions().update(options);
        String name = o.name() != null ? o.name() : session.driver.container().nextLinkName();
        ReceiverImpl r = new ReceiverImpl(session, session.engine.receiver(name));
        r.engine.setSource(Termini.source(address, o.source()));
        r.engine.setTarget(Termini.target(null, o.target()));
        r.apply(o);
        r.advertiseMaxMessageSize();
        r.engine.open();
        return r;
    }

    @Override
    void rebind(org.apache.qpid.proton.engine.Link fresh) {
        engine = (org.apache.qpid.proton.engine.Receiver) fresh;
        super.engine = fresh;
    }

    @Override
    void restoreCredit(int credit) {
        if (creditWindow == 0 && credit > 0) {
            grant(credit);
        }
    }

    /** Grants credit; the peer may overrun it by as much again (see {@link #takeExcess}). */
    private void grant(int credit) {
        engine.flow(credit);
        excessAllowed = (int) Math.min(driver.maxUnsettled, (long) excessAllowed + credit);
    }

    /**
     * Takes transfers that the peer sent beyond the credit it was given, as if they had been
     * granted, as long as they stay within what was granted so far (up to max unsettled) less
     * the excess taken before: RabbitMQ 3.x sends such excess, more of it the more flow frames
     * reach it while its own deliveries are on the way (rabbitmq-server#2597), and Proton C++
     * takes any. Once this receiver stops granting, a peer can send at most that much more; one
     * that goes past it ignores credit, and the connection closes
     * ({@code amqp:link:transfer-limit-exceeded}).
     *
     * @param excess deliveries queued beyond the link's credit
     * @return true if taken
     */
    boolean takeExcess(int excess) {
        if (excess > excessAllowed) {
            return false;
        }
        excessAllowed -= excess;
        engine.flow(excess); // proton-j's credit counts come back to what was granted: the flow that goes out adds none
        return true;
    }

    void apply(ReceiverOptions o) {
        applyCommon(o);
        if (o.autoAccept() != null) {
            autoAccept = o.autoAccept();
        }
        if (o.creditWindow() != null) {
            creditWindow = o.creditWindow();
        }
    }

    @Override
    public void open() {
        open(null);
    }

    /** Opens a receiver the peer initiated: the local termini mirror the peer's unless the options say otherwise. */
    @Override
    public void open(ReceiverOptions options) {
        check("open");
        if (!locallyUninitialised()) {
            return;
        }
        ReceiverOptions o = driver.container().receiverOptions().update(options);
        engine.setSource(o.source() != null ? Termini.source(null, o.source()) : Termini.copy(engine.getRemoteSource()));
        org.apache.qpid.proton.amqp.messaging.Target tgt = Termini.copy(engine.getRemoteTarget());
        if (o.target() != null) {
            tgt = Termini.target(tgt.getAddress(), o.target());
        }
        engine.setTarget(tgt);
        apply(o);
        advertiseMaxMessageSize();
        engine.open();
        touched();
    }

    /** Puts the connection's max message size on the attach (AMQP {@code max-message-size}); enforced by {@link FrameGuard}. */
    private void advertiseMaxMessageSize() {
        long max = ConnectionDriver.maxMessageSize(driver.options());
        if (max > 0) {
            engine.setMaxMessageSize(org.apache.qpid.proton.amqp.UnsignedLong.valueOf(max));
        }
    }

    @Override
    public void addCredit(int credit) {
        check("addCredit");
        if (credit < 0) {
            throw new IllegalArgumentException("credit must not be negative, got " + credit);
        }
        grant(credit);
        touched();
    }

    @Override
    public void drain() {
        check("drain");
        if (draining) {
            throw new IllegalStateException("drain already in progress on " + this);
        }
        draining = true;
        if (engine.getCredit() > 0) {
            engine.drain(0);
            touched();
        } else {
            // nothing to drain: finish at once, after this callback, as Proton C++ does
            driver.host().addWork(this::drainFinished);
        }
    }

    /** Reports the end of a drain once the credit is used up or given back. */
    void drainFinished() {
        if (draining && engine.getCredit() == 0) {
            draining = false;
            handler().onReceiverDrainFinish(this);
        }
    }

    /**
     * Keeps the credit window topped up: refills once half of it is used, so flow frames stay few;
     * but never lets unsettled deliveries and credit together pass the connection's max unsettled,
     * so that an application that does not settle pauses the peer instead of piling up deliveries.
     */
    void topUpCredit() {
        int window = creditWindow;
        if (window > 0 && !draining) {
            int credit = engine.getCredit();
            if (credit <= window / 2) {
                int grant = Math.min(window - credit, driver.maxUnsettled - engine.getUnsettled() - credit);
                if (grant > 0) {
                    grant(grant);
                }
            }
        }
    }

    /** The largest message whose bytes are read into the reused buffer; a larger one gets a buffer of its own. */
    private static final int MAX_REUSED_READ = 64 * 1024;

    byte[] readBuffer(int size) {
        if (size > MAX_REUSED_READ) {
            return new byte[size]; // not kept: one large message must not pin its size for the link's life
        }
        if (readBuffer.length < size) {
            readBuffer = new byte[Math.max(size, Math.min(MAX_REUSED_READ, readBuffer.length * 2))];
        }
        return readBuffer;
    }

    @Override
    public String toString() {
        return "receiver(" + engine.getName() + ")";
    }
}
