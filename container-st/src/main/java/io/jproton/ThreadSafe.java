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
 * the single-threaded one included: {@link Connection#wake()}, the one call that acts, and the
 * accessors of values fixed when their object is made ({@link Container#id()},
 * {@link Container#provider()}, {@link Listener#port()}). {@code always = false} marks the calls
 * that the multi-threaded container (module {@code container-mt}) makes thread-safe and that the
 * single-threaded container confines to its {@code run()} thread or to a thread holding its
 * external lock (calling one from another thread throws {@link IllegalStateException} there).
 * Every other public method is confined in both containers, as its type's Javadoc says.
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
