package io.jproton;

/**
 * The AMQP types, as C++ {@code proton::type_id}: what {@link Values#typeId(Object)} tells of a
 * value, and (in {@link #typeName()}) how C++'s {@code type_name()} prints each. The Java type each
 * maps to is listed on {@link Message}.
 *
 * <p>Thread-safety: an enum; immutable.
 */
public enum TypeId {
    /** The null type ({@code null}). */
    NULL_TYPE("null"),
    /** Boolean ({@link Boolean}). */
    BOOLEAN("boolean"),
    /** Unsigned 8-bit integer ({@link UByte}). */
    UBYTE("ubyte"),
    /** Signed 8-bit integer ({@link Byte}). */
    BYTE("byte"),
    /** Unsigned 16-bit integer ({@link UShort}). */
    USHORT("ushort"),
    /** Signed 16-bit integer ({@link Short}). */
    SHORT("short"),
    /** Unsigned 32-bit integer ({@link UInt}). */
    UINT("uint"),
    /** Signed 32-bit integer ({@link Integer}). */
    INT("int"),
    /** A Unicode code point ({@link Character}, or {@link Char} above U+FFFF). */
    CHAR("char"),
    /** Unsigned 64-bit integer ({@link ULong}). */
    ULONG("ulong"),
    /** Signed 64-bit integer ({@link Long}). */
    LONG("long"),
    /** Milliseconds since the epoch ({@link Timestamp}). */
    TIMESTAMP("timestamp"),
    /** 32-bit binary floating point ({@link Float}). */
    FLOAT("float"),
    /** 64-bit binary floating point ({@link Double}). */
    DOUBLE("double"),
    /** 32-bit decimal floating point ({@link Decimal32}). */
    DECIMAL32("decimal32"),
    /** 64-bit decimal floating point ({@link Decimal64}). */
    DECIMAL64("decimal64"),
    /** 128-bit decimal floating point ({@link Decimal128}). */
    DECIMAL128("decimal128"),
    /** A UUID ({@link java.util.UUID}). */
    UUID("uuid"),
    /** Bytes ({@code byte[]}). */
    BINARY("binary"),
    /** UTF-8 text ({@link String}). */
    STRING("string"),
    /** ASCII text ({@link Symbol}). */
    SYMBOL("symbol"),
    /** A descriptor and a value ({@link Described}). */
    DESCRIBED("described"),
    /** Values of one type (a Java array other than {@code byte[]}). */
    ARRAY("array"),
    /** Values of mixed types ({@link java.util.List}). */
    LIST("list"),
    /** Key-value pairs ({@link java.util.Map}). */
    MAP("map");

    private final String typeName;

    TypeId(String typeName) {
        this.typeName = typeName;
    }

    /**
     * @return the name C++ {@code type_name()} gives the type, e.g. {@code "ulong"}
     */
    public String typeName() {
        return typeName;
    }

    /**
     * @param type a Java class of the value mapping (primitive classes stand for their boxes)
     * @return the AMQP type its values have, or null if it is not an AMQP value type
     */
    public static TypeId of(Class<?> type) {
        if (type.isPrimitive()) {
            type = java.lang.invoke.MethodType.methodType(type).wrap().returnType();
        }
        if (type == Boolean.class) return BOOLEAN;
        if (type == UByte.class) return UBYTE;
        if (type == Byte.class) return BYTE;
        if (type == UShort.class) return USHORT;
        if (type == Short.class) return SHORT;
        if (type == UInt.class) return UINT;
        if (type == Integer.class) return INT;
        if (type == Character.class || type == Char.class) return CHAR;
        if (type == ULong.class) return ULONG;
        if (type == Long.class) return LONG;
        if (type == Timestamp.class) return TIMESTAMP;
        if (type == Float.class) return FLOAT;
        if (type == Double.class) return DOUBLE;
        if (type == Decimal32.class) return DECIMAL32;
        if (type == Decimal64.class) return DECIMAL64;
        if (type == Decimal128.class) return DECIMAL128;
        if (type == java.util.UUID.class) return UUID;
        if (type == byte[].class) return BINARY;
        if (type.isArray()) return ARRAY;
        if (type == String.class) return STRING;
        if (type == Symbol.class) return SYMBOL;
        if (type == Described.class) return DESCRIBED;
        if (java.util.List.class.isAssignableFrom(type)) return LIST;
        if (java.util.Map.class.isAssignableFrom(type)) return MAP;
        return null;
    }

    @Override
    public String toString() {
        return typeName;
    }
}
