/** The sample application as a named module: it requires only the API module. */
module sample {
    requires io.jproton;
}
