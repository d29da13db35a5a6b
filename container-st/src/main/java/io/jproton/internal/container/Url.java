package io.jproton.internal.container;

/**
 * An AMQP URL as Proton C++ reads it: {@code [amqp[s]://][user[:password]@]host[:port][/address]},
 * default port 5672 ({@code amqp}) or 5671 ({@code amqps}). Immutable; thread-safe.
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
     * @throws IllegalArgumentException naming the bad part if the URL is malformed
     */
    public static Url parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("URL must not be null");
        }
        String rest = text.trim();
        String scheme = "amqp";
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = rest.substring(0, schemeEnd);
            rest = rest.substring(schemeEnd + 3);
            if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
                throw new IllegalArgumentException("bad URL '" + text + "': unknown scheme '" + scheme
                        + "' (use amqp or amqps)");
            }
        } else if (rest.startsWith("//")) {
            rest = rest.substring(2);
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
            int colon = cred.indexOf(':');
            if (colon >= 0) {
                user = decode(cred.substring(0, colon));
                password = decode(cred.substring(colon + 1));
            } else {
                user = decode(cred);
            }
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad URL '" + text + "': unclosed '[' in host '" + rest + "'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("bad URL '" + text + "': unexpected '" + after + "' after host");
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                host = rest.substring(0, colon);
                portText = rest.substring(colon + 1);
            } else {
                host = rest;
            }
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#')) {
            throw new IllegalArgumentException("bad URL '" + text + "': bad host '" + host + "'");
        }
        int port = scheme.equals("amqps") ? 5671 : 5672;
        if (portText != null && !portText.isEmpty()) {
            port = switch (portText) {
                case "amqp" -> 5672;
                case "amqps" -> 5671;
                default -> parsePort(text, portText);
            };
        } else if (portText != null) {
            throw new IllegalArgumentException("bad URL '" + text + "': empty port after ':'");
        }
        return new Url(scheme, user, password, host, port, path);
    }

    private static int parsePort(String text, String portText) {
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad URL '" + text + "': bad port '" + portText + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad URL '" + text + "': port " + port + " out of range 0..65535");
        }
        return port;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @return the host to connect to: "localhost" if none was given
     */
    public String connectHost() {
        return host.isEmpty() ? "localhost" : host;
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (path.isEmpty() ? "" : "/" + path);
    }
}
