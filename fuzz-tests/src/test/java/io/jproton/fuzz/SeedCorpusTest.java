package io.jproton.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the checked-in seed corpus equal to what {@link Seeds} and {@link EngineSeeds} generate. To
 * regenerate after changing them: {@code mvn -pl fuzz-tests -am verify -Djproton.fuzz.regenerate=true
 * -Dtest=SeedCorpusTest -Dsurefire.failIfNoSpecifiedTests=false}. Only files named {@code seed-*}
 * are the generator's; {@code crash-*} and other files there are regression inputs from fuzzing.
 */
class SeedCorpusTest {
    private static final Path INPUTS = Path.of("src/test/resources/io/jproton/fuzz/MessageDecodeFuzzTestInputs");
    private static final Path ENGINE_INPUTS = Path.of("src/test/resources/io/jproton/fuzz/ConnectionEngineFuzzTestInputs");

    @Test
    void seedsAreCheckedInAndUpToDate() throws IOException {
        boolean regenerate = Boolean.getBoolean("jproton.fuzz.regenerate");
        sync(INPUTS.resolve("decodeMessage"), Seeds.messages(), regenerate);
        sync(INPUTS.resolve("decodeValue"), Seeds.values(), regenerate);
        sync(ENGINE_INPUTS.resolve("amqpFrames"), EngineSeeds.amqp(), regenerate);
        sync(ENGINE_INPUTS.resolve("saslThenAmqp"), EngineSeeds.sasl(), regenerate);
    }

    private static void sync(Path dir, Map<String, byte[]> seeds, boolean regenerate) throws IOException {
        if (regenerate) {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    if (p.getFileName().toString().startsWith("seed-")) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
                Files.write(dir.resolve("seed-" + e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Path p = dir.resolve("seed-" + e.getKey());
            assertTrue(Files.exists(p), p + " is missing: regenerate the seed corpus (see SeedCorpusTest)");
            assertArrayEquals(e.getValue(), Files.readAllBytes(p), p + " is stale: regenerate the seed corpus (see SeedCorpusTest)");
        }
    }
}
