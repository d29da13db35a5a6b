package io.jproton;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** What only the single-threaded container promises. */
public class SingleThreadedContainerTest {

    @Test
    public void theSingleThreadedProviderIsChosenWithoutContainerMt() {
        assertEquals("st", new Container().provider());
    }

    @Test
    public void runWithSeveralThreadsSaysWhatToAdd() {
        try {
            new Container().run(2);
            fail("run(2) must throw on the single-threaded container");
        } catch (UnsupportedOperationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("container-mt"));
        }
    }

    @Test
    public void onlyWakeAndFixedValuesAreThreadSafeEverywhere() throws Exception {
        List<String> always = new ArrayList<>();
        List<Class<?>> types = publicApiTypes();
        assertTrue("the scan found the API (" + types.size() + " types)", types.contains(Container.class) && types.contains(Listener.class) && types.size() > 30);
        for (Class<?> type : types) {
            for (Method m : type.getDeclaredMethods()) {
                ThreadSafe ts = m.getAnnotation(ThreadSafe.class);
                if (ts != null && ts.always()) {
                    always.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        always.sort(null);
        assertEquals(List.of("Connection.wake", "Container.id", "Container.provider", "Listener.port"), always);
    }

    /** Every public type of package io.jproton, read from the directory or jar the classes came from. */
    private static List<Class<?>> publicApiTypes() throws Exception {
        java.net.URL self = Container.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path root = java.nio.file.Path.of(self.toURI());
        List<String> names = new ArrayList<>();
        if (java.nio.file.Files.isDirectory(root)) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(root.resolve("io/jproton"))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/jproton/") && n.indexOf('/', 11) < 0)
                        .forEach(n -> names.add(n.substring(11)));
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String n : names) {
            if (n.endsWith(".class") && !n.equals("module-info.class") && !n.equals("package-info.class")) {
                Class<?> c = Class.forName("io.jproton." + n.substring(0, n.length() - 6));
                if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                    types.add(c);
                }
            }
        }
        return types;
    }

    /** As proton::container::run: a container runs once; a later run() returns, or throws the run's failure again. */
    @Test
    public void aContainerRunsOnceAndALaterRunSharesTheOutcome() {
        int[] starts = {0};
        Container clean = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                starts[0]++;
            }
        });
        clean.run();
        clean.run();
        assertEquals("onContainerStart ran once", 1, starts[0]);

        Error boom = new AssertionError("boom");
        Container failing = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                starts[0]++;
                throw boom;
            }
        });
        for (int i = 0; i < 2; i++) {
            try {
                failing.run();
                fail("run() returned after a callback failed");
            } catch (AssertionError e) {
                assertTrue(e == boom);
            }
        }
        assertEquals("the failing container started once", 2, starts[0]);
    }
}
