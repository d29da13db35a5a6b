package io.jproton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options for a link's source terminus, as {@code proton::source_options}.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 */
public final class SourceOptions extends TerminusOptions<SourceOptions> {
    Source.DistributionMode distributionMode;
    Map<String, Object> filters;

    /** Empty options. */
    public SourceOptions() {}

    /**
     * @param other options to copy
     */
    public SourceOptions(SourceOptions other) {
        super(other);
        distributionMode = other.distributionMode;
        filters = other.filters == null ? null : new LinkedHashMap<>(other.filters);
    }

    /**
     * @param mode the distribution mode
     * @return this
     */
    public SourceOptions distributionMode(Source.DistributionMode mode) {
        this.distributionMode = mode;
        return this;
    }

    /**
     * @param filters the filter set, keyed by filter name (sent as symbols); a JMS selector is
     *        {@code Map.of("selector", new Described(Symbol.of("apache.org:selector-filter:string"), "colour = 'red'"))}
     * @return this
     */
    public SourceOptions filters(Map<String, Object> filters) {
        this.filters = new LinkedHashMap<>(filters);
        return this;
    }

    /**
     * @return the distribution mode, or null if unset
     */
    public Source.DistributionMode distributionMode() {
        return distributionMode;
    }

    /**
     * @return the filters, or null if unset
     */
    public Map<String, Object> filters() {
        return filters;
    }
}
