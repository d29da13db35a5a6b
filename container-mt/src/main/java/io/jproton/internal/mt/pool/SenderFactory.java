package io.jproton.internal.mt.pool;

import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.mt.pool.SendFailedException;
import io.jproton.mt.pool.SenderKey;
import io.jproton.mt.pool.SenderPoolOptions;
import io.jproton.mt.pool.ThreadSafeSender;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * How a sender pool makes, checks and ends its senders, for Commons Pool: a new sender is opened
 * and waited for (its link attached) on the borrowing thread; a sender is valid while it is
 * {@link ThreadSafeSender#usable() usable} (its connection neither lost for good nor closed); an
 * ended one is closed.
 *
 * <p>Thread-safety: stateless beyond its settings; Commons Pool calls it from borrowing,
 * returning and evicting threads at once.
 */
public final class SenderFactory extends BaseKeyedPooledObjectFactory<SenderKey, ThreadSafeSender> {
    private final Container container;
    private final SenderPoolOptions options;

    /**
     * @param container the multi-threaded container the senders' connections belong to
     * @param options the settings (copied by the caller)
     */
    public SenderFactory(Container container, SenderPoolOptions options) {
        this.container = container;
        this.options = options;
    }

    @Override
    public ThreadSafeSender create(SenderKey key) throws InterruptedException {
        SenderCore.refuseOnContainerThread("opening a pooled sender");
        ThreadSafeSender s = ThreadSafeSender.open(container, key, options);
        boolean open = false;
        try {
            open = s.awaitOpen(options.openTimeout());
        } finally {
            if (!open) {
                s.close(); // failed, interrupted or timed out: give the connection back
            }
        }
        if (!open) {
            throw new SendFailedException(new ErrorCondition("amqp:resource-limit-exceeded", "cannot open a sender (" + key
                    + "): its link was not attached within " + options.openTimeout().toMillis() + " ms (SenderPoolOptions.openTimeout)"),
                    false);
        }
        return s;
    }

    @Override
    public PooledObject<ThreadSafeSender> wrap(ThreadSafeSender sender) {
        return new DefaultPooledObject<>(sender);
    }

    @Override
    public boolean validateObject(SenderKey key, PooledObject<ThreadSafeSender> p) {
        return p.getObject().usable();
    }

    @Override
    public void destroyObject(SenderKey key, PooledObject<ThreadSafeSender> p) {
        p.getObject().close();
    }
}
