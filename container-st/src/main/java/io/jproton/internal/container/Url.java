package io.jproton.internal.container;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An AMQP URL as Proton C++ reads it: {@code [amqp[s]://][user[:password]@]host[:port][/address]},
 * default port 5672 ({@code amqp}) or 5671 ({@code amqps}). The scheme is case-insensitive
 * (RFC 3986); user and password are percent-decoded; an IPv6 address must be in brackets. Error
 * messages and {@link #toString()} never show the user-info, nor any part of the text before its
 * last {@code @}. Immutable; thread-safe.
 *
 * @param scheme "amqp" or "amqps"
 * @param user the user, or null
 * @param password the password, or null
 * @param host the host, empty for "any" when listening
 * @param port the port
 * @param path the address after the first '/', empty if none
 */
public record Url(String scheme, String user, String password, String host, int port, String path) {

    /**
     * @param text the URL
     * @return the parsed URL
     * @throws IllegalArgumentException naming the bad part if the URL is malformed (never a secret)
     */
    public static Url parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("URL must not be null");
        }
        String rest = text.trim();
        int offset = text.indexOf(rest); // where rest starts in text, to know what lies after the last '@'
        String scheme = "amqp";
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
                throw bad(text, "unknown scheme", rest.substring(0, schemeEnd), offset, "(use amqp or amqps)");
            }
            rest = rest.substring(schemeEnd + 3);
            offset += schemeEnd + 3;
        } else if (rest.startsWith("//")) {
            rest = rest.substring(2);
            offset += 2;
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String cred = rest.substring(0, at);
            rest = rest.substring(at + 1);
            offset += at + 1;
            int colon = cred.indexOf(':');
            if (colon >= 0) {
                user = decode(text, cred.substring(0, colon));
                password = decode(text, cred.substring(colon + 1));
            } else {
                user = decode(text, cred);
            }
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw bad(text, "unclosed '[' in host", rest, offset, "");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw bad(text, "unexpected", after, offset + close + 1, "after host");
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0 && rest.indexOf(':') != colon) {
                throw bad(text, "an IPv6 address must be in brackets, as amqp://[::1]:5672 -- host", rest, offset, "");
            }
            if (colon >= 0) {
                host = rest.substring(0, colon);
                portText = rest.substring(colon + 1);
            } else {
                host = rest;
            }
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#')) {
            throw bad(text, "bad host", host, offset, "");
        }
        int port = scheme.equals("amqps") ? 5671 : 5672;
        if (portText != null && !portText.isEmpty()) {
            port = switch (portText) {
                case "amqp" -> 5672;
                case "amqps" -> 5671;
                default -> parsePort(text, portText, offset);
            };
        } else if (portText != null) {
            throw new IllegalArgumentException("bad URL '" + redact(text) + "': empty port after ':'");
        }
        return new Url(scheme, user, password, host, port, path);
    }

    private static int parsePort(String text, String portText, int offset) {
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw bad(text, "bad port", portText, offset, "");
        }
        if (port < 0 || port > 65535) {
            throw bad(text, "port", portText, offset, "out of range 0..65535");
        }
        return port;
    }

    /**
     * @return an error naming the problem; the fragment is quoted only if it lies wholly after the
     *         text's last '@' (so that it cannot be part of a password)
     */
    private static IllegalArgumentException bad(String text, String problem, String fragment, int offset, String more) {
        boolean safe = offset > text.lastIndexOf('@');
        String quoted = safe ? (problem.equals("port") ? " " + fragment : " '" + fragment + "'") : "";
        return new IllegalArgumentException("bad URL '" + redact(text) + "': " + problem + quoted + (more.isEmpty() ? "" : " " + more));
    }

    /** Percent-decodes user or password; a bad escape or bad UTF-8 is an error that repeats none of it. */
    private static String decode(String text, String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new IllegalArgumentException("bad URL '" + redact(text) + "': a '%' in the user or password that"
                            + " is not followed by two hex digits (write '%' as %25)");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bad URL '" + redact(text) + "': the user or password is not UTF-8 once"
                    + " percent-decoded");
        }
    }

    /**
     * @param text a URL as given
     * @return the text with everything between the scheme and its last '@' (the user-info, however
     *         malformed the URL) replaced by {@code ***}
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int schemeEnd = text.indexOf("://");
        int start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        return text.substring(0, start) + "***" + text.substring(at);
    }

    /**
     * @return the host to connect to: "localhost" if none was given
     */
    public String connectHost() {
        return host.isEmpty() ? "localhost" : host;
    }

    /** @return the URL without user-info */
    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (path.isEmpty() ? "" : "/" + path);
    }
}
