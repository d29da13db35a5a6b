/** The sample application as a named module: it requires the API and the meters, nothing else. */
module sample {
    requires io.jproton;
    requires io.jproton.micrometer;
}
