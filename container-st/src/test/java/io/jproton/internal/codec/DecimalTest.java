package io.jproton.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Values;
import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

/** Decimal32/64/128: the BID bits, exact BigDecimal conversions, the wire, and printing as Proton C++ does. */
public class DecimalTest {

    private static BigDecimal big(String s) {
        return new BigDecimal(s);
    }

    private static void inexact(Runnable r) {
        try {
            r.run();
            fail();
        } catch (ArithmeticException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("not exactly representable")
                    || expected.getMessage().contains("has no BigDecimal value"));
        }
    }

    @Test
    public void knownBitPatterns() {
        assertEquals(0x32800001, Decimal32.of(BigDecimal.ONE).bits());
        assertEquals(0x31C0000000000001L, Decimal64.of(BigDecimal.ONE).bits());
        assertEquals(new Decimal128(0x3040000000000000L, 1), Decimal128.of(BigDecimal.ONE));
        assertEquals(0xB2800001, Decimal32.of(big("-1")).bits());
        assertEquals(0x3280000F, Decimal32.of(big("15")).bits());
        assertEquals(0x3200000F, Decimal32.of(big("1.5")).bits());
        // the largest coefficients need the "11" form of the combination field
        assertEquals(0x77F8967F, Decimal32.of(big("9999999E90")).bits());
        assertEquals(0x6CB8967F, Decimal32.of(big("9999999")).bits());
        assertEquals(big("9999999"), Decimal32.fromBits(0x6CB8967F).toBigDecimal());
        assertEquals(0x77FB86F26FC0FFFFL, Decimal64.of(big("9999999999999999E369")).bits());
        assertEquals(big("9999999999999999E369"), Decimal64.fromBits(0x77FB86F26FC0FFFFL).toBigDecimal());
        assertArrayEquals(new byte[] {0x32, (byte) 0x80, 0, 1}, Decimal32.of(BigDecimal.ONE).bytes());
        assertEquals(Decimal64.of(BigDecimal.TEN), Decimal64.fromBytes(Decimal64.of(BigDecimal.TEN).bytes()));
    }

    @Test
    public void exactConversionsBothWays() {
        String[] values = {"0", "1", "-1", "1.5", "0.1", "123.456", "-9999999", "1E-101", "9999999E90", "1234567E-101",
            "1.000000"};
        for (String v : values) {
            assertEquals(v, big(v), Decimal32.of(big(v)).toBigDecimal());
        }
        for (String v : new String[] {"0.1", "-12345678901234.56", "1E-398", "9999999999999999E369", "3.141592653589793"}) {
            assertEquals(v, big(v), Decimal64.of(big(v)).toBigDecimal());
        }
        for (String v : new String[] {"1E-6176", "9999999999999999999999999999999999E6111", "-0.0000000000000000000000000000000001",
            "3.141592653589793238462643383279502"}) {
            assertEquals(v, big(v), Decimal128.of(big(v)).toBigDecimal());
        }
    }

    @Test
    public void exponentsOutOfRangeKeepTheValueByMovingZeros() {
        // 1.5E+95 needs exponent 94 > 90: the coefficient takes trailing zeros instead
        assertEquals("1.50000E+95", Decimal32.of(big("1.5E+95")).toBigDecimal().toString());
        assertEquals(0, big("1.5E+95").compareTo(Decimal32.of(big("1.5E+95")).toBigDecimal()));
        assertEquals(0, big("1.5E+375").compareTo(Decimal64.of(big("1.5E+375")).toBigDecimal()));
        // 1.000000000 has 10 digits: trailing zeros are dropped to fit 7
        assertEquals(big("1.000000"), Decimal32.of(big("1.000000000")).toBigDecimal());
        // zero's exponent is clamped into range
        assertEquals(big("0E-101"), Decimal32.of(big("0E-200")).toBigDecimal());
        assertEquals(big("0E+90"), Decimal32.of(big("0E+200")).toBigDecimal());
    }

    @Test
    public void inexactValuesAreRefused() {
        inexact(() -> Decimal32.of(big("12345678")));
        inexact(() -> Decimal32.of(big("1E-102")));
        inexact(() -> Decimal32.of(big("1E+97")));
        inexact(() -> Decimal32.of(big("1.234567E-96")));
        inexact(() -> Decimal64.of(big("12345678901234567")));
        inexact(() -> Decimal64.of(big("1E-399")));
        inexact(() -> Decimal128.of(big("12345678901234567890123456789012345")));
        inexact(() -> Decimal128.of(big("1E+6146")));
        inexact(() -> Decimal128.of(big("1E-6177")));
    }

    @Test
    public void nanInfinityAndNegativeZero() {
        Decimal32 nan = Decimal32.fromBits(0x7C000000);
        Decimal32 inf = Decimal32.fromBits(0x78000000);
        Decimal64 negInf = Decimal64.fromBits(0xF800000000000000L);
        Decimal128 nan128 = new Decimal128(0x7E00000000000000L, 0);
        assertTrue(nan.isNaN());
        assertFalse(nan.isInfinite());
        assertTrue(inf.isInfinite());
        assertTrue(negInf.isInfinite());
        assertTrue(nan128.isNaN());
        assertEquals("NaN", nan.toString());
        assertEquals("-Infinity", negInf.toString());
        inexact(nan::toBigDecimal);
        inexact(inf::toBigDecimal);
        inexact(negInf::toBigDecimal);
        inexact(nan128::toBigDecimal);
        assertEquals(nan, Decimal32.fromBits(0x7C000000));
        Decimal32 negZero = Decimal32.fromBits(0xB2800000);
        assertEquals(BigDecimal.ZERO, negZero.toBigDecimal());
        assertEquals("-0", negZero.toString());
        assertNotEquals(negZero, Decimal32.of(BigDecimal.ZERO));
        assertEquals(Decimal32.fromBits(0x32800000), Decimal32.of(big("-0")));
        // equality is of the bits: 1.0 and 1.00 differ
        assertNotEquals(Decimal32.of(big("1.0")), Decimal32.of(big("1.00")));
    }

    @Test
    public void nonCanonicalCoefficientsReadAsZero() {
        // "11" form, coefficient 9 * 2^20 + 0xFFFFF = 10485759 > 9999999
        assertEquals(big("0"), Decimal32.fromBits(0x6CBFFFFF).toBigDecimal());
        // every "11" form coefficient of decimal128 is above 34 nines
        assertEquals(big("0E-6176"), new Decimal128(0x6000000000000000L, 0).toBigDecimal());
        assertEquals(big("0"), new Decimal128(0x3041ED09BEAD87C0L, 0x378D8E6400000000L).toBigDecimal());
    }

    @Test
    public void onTheWireAndInArrays() {
        Decimal32 d32 = Decimal32.of(big("1.5"));
        assertArrayEquals(new byte[] {0x74, 0x32, 0, 0, 0x0F}, Values.encode(d32));
        assertEquals(d32, Values.decode(Values.encode(d32)));
        Decimal64 d64 = Decimal64.of(big("-2.25"));
        assertEquals(d64, Values.decode(Values.encode(d64)));
        Decimal128 d128 = Decimal128.of(big("1E-6176"));
        assertEquals(17, Values.encode(d128).length);
        assertEquals(d128, Values.decode(Values.encode(d128)));
        assertArrayEquals(new Decimal64[] {d64, d64}, (Decimal64[]) Values.decode(Values.encode(new Decimal64[] {d64, d64})));
        assertEquals("decimal32", Values.typeName(d32));
        assertEquals("decimal64", Values.typeName(Decimal64[].class.getComponentType()));
        assertEquals("decimal128", Values.typeName(d128));
    }

    /** Lines printed by a C++ program streaming proton::decimal32/64/128 and values holding them (Proton C++ 0.x, x86-64). */
    @Test
    public void printsAsProtonCpp() {
        // C++ bytes {0x10,0x11,0x12,0x13} go on the wire as 13 12 11 10 and print as decimal32(0x10111213)
        Decimal32 d32 = Decimal32.fromBytes(new byte[] {0x13, 0x12, 0x11, 0x10});
        assertEquals("decimal32(0x10111213)", Values.format(d32));
        assertEquals("[D32(319951120)]", Values.format(List.of(d32)));
        assertEquals("{D32(319951120)=D32(319951120)}", Values.format(java.util.Map.of(d32, d32)));
        Decimal64 d64 = Decimal64.fromBits(0x1716151413121110L);
        assertEquals("decimal64(0x1011121314151617)", Values.format(d64));
        assertEquals("[D64(1663540288323457296)]", Values.format(List.of(d64)));
        assertEquals("[D64(18446744073709551615)]", Values.format(List.of(Decimal64.fromBits(-1))));
        Decimal128 d128 = Decimal128.fromBytes(new byte[] {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a,
            0x1b, 0x1c, 0x1d, 0x1e, 0x1f});
        assertEquals("decimal128(0x101112131415161718191a1b1c1d1e1f)", Values.format(d128));
        assertEquals("[D128(101112131415161718191a1b1c1d1e1f)]", Values.format(List.of(d128)));
        Decimal32 wire = Decimal32.fromBits(0x0f005022);
        assertEquals("@PN_DECIMAL32[D32(251678754), D32(251678754)]", Values.format(new Decimal32[] {wire, wire}));
    }

    @Test
    public void protonJCarriesTheBits() {
        Decimal64 d64 = Decimal64.of(big("1.25"));
        Object engine = AmqpTypes.toEngine(d64);
        assertEquals(d64.bits(), ((org.apache.qpid.proton.amqp.Decimal64) engine).getBits());
        assertEquals(d64, AmqpTypes.fromEngine(engine));
        Decimal128 d128 = Decimal128.of(big("-7E-3"));
        assertEquals(d128, AmqpTypes.fromEngine(AmqpTypes.toEngine(d128)));
        Decimal32 d32 = Decimal32.of(big("3"));
        assertEquals(d32, AmqpTypes.fromEngine(AmqpTypes.toEngine(d32)));
    }
}
