package io.jproton;

/**
 * The unchecked exception of jproton, like {@code proton::error} in Proton C++: thrown by
 * {@link Container#run()} when the container stops on an error, and by the default
 * {@link MessagingHandler#onError(ErrorCondition)}.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class ProtonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorCondition condition;

    /**
     * @param message the description
     */
    public ProtonException(String message) {
        this(message, (Throwable) null);
    }

    /**
     * @param message the description
     * @param cause the cause
     */
    public ProtonException(String message, Throwable cause) {
        super(message, cause);
        this.condition = new ErrorCondition("proton:error", message);
    }

    /**
     * @param condition the AMQP error condition this exception reports
     */
    public ProtonException(ErrorCondition condition) {
        super(condition.toString());
        this.condition = condition;
    }

    /**
     * @return the AMQP error condition this exception reports, never null
     */
    public ErrorCondition condition() {
        return condition;
    }
}
