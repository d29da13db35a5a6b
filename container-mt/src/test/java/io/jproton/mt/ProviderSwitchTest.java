package io.jproton.mt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Test;

/** Adding container-mt is the whole switch; the same compiled handler runs on both containers. */
public class ProviderSwitchTest {

    @Test
    public void theMultiThreadedProviderWinsUnlessThePropertyNamesTheOther() {
        String before = System.getProperty("jproton.container");
        try {
            System.clearProperty("jproton.container");
            assertEquals("mt", new Container(new MessagingHandler() { }).provider());
            System.setProperty("jproton.container", "st");
            assertEquals("st", new Container(new MessagingHandler() { }).provider());
            System.setProperty("jproton.container", "mt");
            assertEquals("mt", new Container(new MessagingHandler() { }).provider());
        } finally {
            if (before == null) {
                System.clearProperty("jproton.container");
            } else {
                System.setProperty("jproton.container", before);
            }
        }
    }

    private static String runHello(List<String> classPath) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
                HelloProgram.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue("the program ended", p.waitFor(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    @Test
    public void theSameCompiledHandlerRunsWithAndWithoutContainerMtOnTheClassPath() throws Exception {
        List<String> full = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        // container-mt's own classes: the directory or jar that holds its provider
        String mtClasses = Path.of(io.jproton.internal.mt.MultiThreadedProvider.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString();
        List<String> withoutMt = new ArrayList<>(full.stream().filter(e -> !Path.of(e).toAbsolutePath().toString()
                .equals(Path.of(mtClasses).toAbsolutePath().toString())).collect(Collectors.toList()));
        assertEquals("container-mt is one class path entry", full.size() - 1, withoutMt.size());
        assertEquals("mt Hello World!", runHello(full));
        assertEquals("st Hello World!", runHello(withoutMt));
    }
}
