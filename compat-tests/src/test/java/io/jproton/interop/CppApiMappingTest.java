package io.jproton.interop;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Keeps the mapping from Proton C++'s messaging API to jproton's complete and true:
 * {@code cpp-api-map.txt} lists every public member the C++ headers declare, each with its Java
 * counterpart or a line saying why there is none. This checks that every Java member named
 * exists, and (with the headers installed, as in CI) that the list names every C++ member.
 */
public class CppApiMappingTest {
    private static final Path HEADERS = Path.of("/usr/include/proton");

    /** The list: C++ "class::member" to its line's right-hand side ("-> Type#member" or "-- reason"). */
    private static Map<String, String> mapping() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = CppApiMappingTest.class.getResourceAsStream("/cpp-api-map.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int arrow = line.indexOf("  ->  ");
                int dash = line.indexOf("  --  ");
                int at = arrow >= 0 ? arrow : dash;
                if (at < 0) {
                    throw new AssertionError("a line neither maps nor says why: " + line);
                }
                out.put(line.substring(0, at).trim(), line.substring(at + 2).trim());
            }
        }
        return out;
    }

    @Test
    public void everyJavaCounterpartExists() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : mapping().entrySet()) {
            if (!e.getValue().startsWith("->")) {
                if (e.getValue().contains("TODO")) {
                    missing.add(e.getKey() + " still says TODO");
                }
                continue;
            }
            String target = e.getValue().substring(2).trim();
            String type = target.substring(0, target.indexOf('#'));
            String member = target.substring(target.indexOf('#') + 1);
            Class<?> c;
            try {
                c = Class.forName("io.jproton." + type);
            } catch (ClassNotFoundException x) {
                missing.add(e.getKey() + " -> no type io.jproton." + type);
                continue;
            }
            if (!has(c, member)) {
                missing.add(e.getKey() + " -> no public " + member + " in " + type);
            }
        }
        assertEquals("C++ members whose Java counterpart is missing", List.of(), missing);
    }

    private static boolean has(Class<?> c, String member) {
        if (member.equals("<init>")) {
            return c.getConstructors().length > 0;
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(member)) {
                return true;
            }
        }
        for (Class<?> inner : c.getClasses()) {
            if (inner.getSimpleName().equals(member)) {
                return true;
            }
        }
        try {
            c.getField(member);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @Test
    public void everyCppMemberHasALine() throws Exception {
        if (!Files.isDirectory(HEADERS)) {
            Peers.missing("the Proton C++ headers (libqpid-proton-cpp12-dev)");
        }
        Set<String> declared = declared(HEADERS);
        Map<String, String> listed = mapping();
        List<String> unlisted = new ArrayList<>();
        for (String d : declared) {
            if (!listed.containsKey(d)) {
                unlisted.add(d);
            }
        }
        assertEquals("C++ members the headers declare that cpp-api-map.txt does not list", List.of(), unlisted);
        List<String> gone = new ArrayList<>();
        for (String l : listed.keySet()) {
            if (!declared.contains(l)) {
                gone.add(l);
            }
        }
        assertEquals("lines for C++ members the headers no longer declare", List.of(), gone);
    }

    private static final Pattern TOKENS = Pattern.compile(
            "\\b(class|struct)\\s+(?:PN_CPP_CLASS_EXTERN\\s+)?(\\w+)\\s*(?::[^;{]*)?\\{|\\{|\\}"
                    + "|PN_CPP_EXTERN\\s[^;{]*?(~?\\w+|operator\\s*[^\\s(]+|operator\\s+\\w+(?:\\s*\\w+)*)\\s*\\(");

    /** @return "class::member" for each public member the headers declare with PN_CPP_EXTERN, in order */
    static Set<String> declared(Path dir) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<Path> headers;
        try (Stream<Path> files = Files.list(dir)) {
            headers = files.filter(p -> p.toString().endsWith(".hpp")).sorted().toList();
        }
        for (Path h : headers) {
            String src = Files.readString(h);
            src = src.replaceAll("(?s)/\\*.*?\\*/", "");
            src = src.replaceAll("//[^\\n]*", "");
            src = src.replaceAll("template\\s*<[^<>]*(<[^<>]*>[^<>]*)*>", "");
            src = src.replaceAll("PN_CPP_DEPRECATED\\s*\\([^)]*\\)", "");
            List<String[]> classes = new ArrayList<>(); // name, depth
            int depth = 0;
            Matcher m = TOKENS.matcher(src);
            while (m.find()) {
                String t = m.group();
                if (m.group(1) != null) {
                    classes.add(new String[] {m.group(2), Integer.toString(depth)});
                    depth++;
                } else if (t.equals("{")) {
                    depth++;
                } else if (t.equals("}")) {
                    depth--;
                    if (!classes.isEmpty() && Integer.parseInt(classes.get(classes.size() - 1)[1]) == depth) {
                        classes.remove(classes.size() - 1);
                    }
                } else {
                    String name = m.group(3).replaceAll("\\s+", " ");
                    String cls = classes.isEmpty() ? "(free)" : classes.get(classes.size() - 1)[0];
                    out.add(cls + "::" + name);
                }
            }
        }
        return out;
    }
}
