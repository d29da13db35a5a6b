package io.jproton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that any thread may call at any time.
 *
 * <p>{@link #always()} true (the default) means the method is thread-safe in every container,
 * the single-threaded one included (only {@link Connection#wake()} is). {@code always = false}
 * marks the calls that the multi-threaded container (module {@code container-mt}) makes
 * thread-safe and that the single-threaded container confines to its {@code run()} thread or
 * to a thread holding its external lock.
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ThreadSafe {
    /**
     * @return true where every container makes the method thread-safe, false where only the multi-threaded one does
     */
    boolean always() default true;
}
