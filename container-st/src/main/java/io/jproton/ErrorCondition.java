package io.jproton;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An AMQP error condition: a symbolic name (such as {@code amqp:not-found}), a description and
 * optional properties, as {@code proton::error_condition}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class ErrorCondition {
    private final String name;
    private final String description;
    private final Map<Object, Object> properties;

    /** The name C++ gives a condition made with a description only. */
    public static final String DEFAULT_NAME = "proton:io:error";

    /**
     * An empty condition, as C++'s default {@code error_condition()}: {@link #empty()} is true.
     * (jproton's accessors answer null, not an empty condition, when there is none.)
     */
    public ErrorCondition() {
        this.name = "";
        this.description = "";
        this.properties = Map.of();
    }

    /**
     * A condition with a description only, as C++ {@code error_condition(description)}: its name is
     * {@value #DEFAULT_NAME}.
     *
     * @param description a human-readable description
     */
    public ErrorCondition(String description) {
        this(DEFAULT_NAME, description);
    }

    /**
     * @param name the condition's symbolic name
     * @param description a human-readable description, may be null
     */
    public ErrorCondition(String name, String description) {
        this(name, description, Map.of());
    }

    /**
     * @param name the condition's symbolic name, not empty
     * @param description a human-readable description, may be null
     * @param properties extra information, keyed by AMQP symbols or strings
     */
    public ErrorCondition(String name, String description, Map<?, ?> properties) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("error condition name must not be empty");
        }
        this.name = name;
        this.description = description == null ? "" : description;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @return the symbolic name, such as {@code amqp:internal-error}
     */
    public String name() {
        return name;
    }

    /**
     * @return the description, empty if none
     */
    public String description() {
        return description;
    }

    /**
     * @return the properties, possibly empty, never null
     */
    public Map<Object, Object> properties() {
        return properties;
    }

    /**
     * As C++ {@code error_condition::empty()}.
     *
     * @return true if no condition is set (the no-argument constructor)
     */
    public boolean empty() {
        return name.isEmpty();
    }

    /**
     * As C++ {@code error_condition::what()}: a printable text, {@code name: description}.
     *
     * @return the text, empty for an empty condition
     */
    public String what() {
        return toString();
    }

    /** Formats as Proton C++ does: {@code name: description}. */
    @Override
    public String toString() {
        return description.isEmpty() ? name : name + ": " + description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorCondition e && e.name.equals(name) && e.description.equals(description)
                && e.properties.equals(properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, properties);
    }
}
