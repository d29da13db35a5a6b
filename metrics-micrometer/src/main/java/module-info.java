/**
 * Micrometer meters for jproton containers: {@link io.jproton.micrometer.JprotonMetrics}. An
 * optional module: without it a container counts nothing.
 */
module io.jproton.micrometer {
    requires transitive io.jproton;
    requires transitive micrometer.core;

    exports io.jproton.micrometer;
}
