package io.jproton;

import io.jproton.internal.codec.ValueFormat;

/**
 * Helpers for AMQP values held as plain Java objects (see {@link Message} for the type mapping).
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
public final class Values {
    private Values() {}

    /**
     * Formats a value the way Proton C++'s {@code std::ostream << proton::value} does: a top-level
     * string prints bare, strings inside containers are quoted, a map prints as {@code {"sequence"=1}}.
     *
     * @param value any AMQP value
     * @return its text
     */
    public static String format(Object value) {
        return ValueFormat.format(value);
    }

    /**
     * @param value any AMQP value
     * @return its AMQP type name as Proton C++ prints a {@code type_id}: "int", "string", "symbol", "ulong", ...
     */
    public static String typeName(Object value) {
        return value == null ? "null" : typeName(value.getClass());
    }

    /**
     * @param type a Java class of the value mapping (primitive classes stand for their boxes)
     * @return the AMQP type name its values have
     */
    public static String typeName(Class<?> type) {
        TypeId id = TypeId.of(type);
        return id != null ? id.typeName() : type.getSimpleName();
    }

    /**
     * The AMQP type of a value, as C++ {@code value::type()}.
     *
     * @param value any AMQP value, null included
     * @return its type id
     * @throws IllegalArgumentException if the value is not of an AMQP value type
     */
    public static TypeId typeId(Object value) {
        if (value == null) {
            return TypeId.NULL_TYPE;
        }
        TypeId id = TypeId.of(value.getClass());
        if (id == null) {
            throw new IllegalArgumentException("not an AMQP value type: " + value.getClass().getName());
        }
        return id;
    }

    /**
     * The value as exactly the type asked for, as {@code proton::get<T>}: no conversion.
     *
     * @param <T> the type
     * @param value the value
     * @param type the Java class of the AMQP type wanted (Integer for int, UInt for uint, ...)
     * @return the value
     * @throws ConversionException "unexpected type, want: uint got: int" if the types differ
     */
    public static <T> T get(Object value, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new ConversionException("unexpected type, want: " + typeName(type) + " got: " + typeName(value));
    }

    /**
     * The value converted to a compatible type, as {@code proton::coerce<T>}: any integer or
     * floating point type to any other (and booleans to integers), strings and symbols to each other.
     *
     * @param <T> the type
     * @param value the value
     * @param type one of Long, Integer, Short, Byte, Double, Float, Boolean, String, Symbol, or the value's own class
     * @return the converted value
     * @throws ConversionException if the value cannot be converted
     */
    public static <T> T coerce(Object value, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        Object number = value instanceof Number n ? n
                : value instanceof UByte u ? (Object) u.value()
                : value instanceof UShort u ? (Object) u.value()
                : value instanceof UInt u ? (Object) u.value()
                : value instanceof ULong u ? (Object) u.bits()
                : value instanceof Boolean b ? (Object) (b ? 1 : 0)
                : value instanceof Character c ? (Object) (int) c
                : value instanceof Char c ? (Object) c.codePoint() : null;
        if (number instanceof Number n) {
            Object out = type == Long.class ? (Object) n.longValue()
                    : type == Integer.class ? (Object) n.intValue()
                    : type == Short.class ? (Object) n.shortValue()
                    : type == Byte.class ? (Object) n.byteValue()
                    : type == Double.class ? (Object) n.doubleValue()
                    : type == Float.class ? (Object) n.floatValue()
                    : type == Boolean.class ? (Object) (n.doubleValue() != 0) : null;
            if (out != null) {
                return type.cast(out);
            }
        }
        if ((value instanceof String || value instanceof Symbol) && (type == String.class || type == Symbol.class)) {
            return type.cast(type == String.class ? value.toString() : Symbol.of(value.toString()));
        }
        throw new ConversionException("cannot convert " + typeName(value) + " to " + typeName(type));
    }

    /**
     * Encodes one AMQP value on its own (not as a message), as a {@code proton::value} holds it.
     *
     * @param value any AMQP value; a Java array other than {@code byte[]} is an AMQP array
     * @return its AMQP encoding
     */
    public static byte[] encode(Object value) {
        return io.jproton.internal.codec.MessageCodec.encodeValue(value);
    }

    /**
     * @param bytes the AMQP encoding of one value
     * @return the value
     * @throws ProtonException if the bytes are not one valid AMQP value
     */
    public static Object decode(byte[] bytes) {
        return io.jproton.internal.codec.MessageCodec.decodeValue(bytes);
    }

    /**
     * @param a a value
     * @param b a value
     * @return true if equal, comparing {@code byte[]} by content and containers deeply, with AMQP types kept
     */
    public static boolean equal(Object a, Object b) {
        return ValueFormat.valueEquals(a, b);
    }
}
