package io.jproton.internal.codec;

import static org.junit.Assert.assertEquals;

import io.jproton.Described;
import io.jproton.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The C++ operator<< formatting that the examples' output depends on. */
public class ValueFormatTest {

    @Test
    public void topLevelStringsPrintBareNestedOnesQuoted() {
        assertEquals("Hello World!", ValueFormat.format("Hello World!"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", 1);
        assertEquals("{\"sequence\"=1}", ValueFormat.format(m));
        assertEquals("[1, \"two\", :three]", ValueFormat.format(List.of(1, "two", Symbol.of("three"))));
        assertEquals("null", ValueFormat.format(null));
        assertEquals("b\"ab\"", ValueFormat.format(new byte[] {'a', 'b'}));
        assertEquals("@:d[1]", ValueFormat.format(new Described(Symbol.of("d"), 1)));
        assertEquals("@PN_INT[1, 2]", ValueFormat.format(new int[] {1, 2}));
        assertEquals("@PN_STRING[\"a\", \"b\"]", ValueFormat.format(new String[] {"a", "b"}));
        // as C++ streams them: a bare bool as 1/0, one in a container as true/false
        assertEquals("0", ValueFormat.format(false));
        assertEquals("{\"k\"=false}", ValueFormat.format(java.util.Map.of("k", false)));
        assertEquals("[true, \"s\", :y]", ValueFormat.format(List.of(true, "s", Symbol.of("y"))));
    }

    @Test
    public void doublesPrintAsCppStreams() {
        assertEquals("1.5", ValueFormat.cppDouble(1.5));
        assertEquals("3", ValueFormat.cppDouble(3.0));
        assertEquals("3.14159", ValueFormat.cppDouble(Math.PI));
        assertEquals("1e+06", ValueFormat.cppDouble(1e6));
        assertEquals("123457", ValueFormat.cppDouble(123456.7));
        assertEquals("1.23457e+07", ValueFormat.cppDouble(12345678));
        assertEquals("0.0001", ValueFormat.cppDouble(0.0001));
        assertEquals("1e-05", ValueFormat.cppDouble(0.00001));
        assertEquals("-2.5", ValueFormat.cppDouble(-2.5));
    }
}
