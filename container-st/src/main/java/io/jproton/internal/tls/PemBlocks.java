package io.jproton.internal.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code -----BEGIN X----- ... -----END X-----} blocks of a PEM file, checked for truncation
 * and bad base64 before anything reads them, so that a damaged file gets an error that says so.
 *
 * <p>Thread-safety: immutable.
 */
final class PemBlocks {
    /**
     * One block.
     *
     * @param label what the BEGIN line names, such as {@code CERTIFICATE} or {@code PRIVATE KEY}
     * @param encrypted true if it has OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} header
     * @param der its decoded contents
     */
    record Block(String label, boolean encrypted, byte[] der) { }

    private PemBlocks() {}

    /**
     * @param text the file's contents
     * @param file the file's name, for errors
     * @return its blocks, in order
     * @throws IllegalArgumentException naming the file if a block is truncated or its base64 is bad
     */
    static List<Block> read(String text, String file) {
        List<Block> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int b = text.indexOf("-----BEGIN ", from);
            if (b < 0) {
                return out;
            }
            int labelEnd = text.indexOf("-----", b + 11);
            if (labelEnd < 0) {
                throw new IllegalArgumentException(file + " is truncated or corrupt: a BEGIN line has no end");
            }
            String label = text.substring(b + 11, labelEnd);
            String endLine = "-----END " + label + "-----";
            int e = text.indexOf(endLine, labelEnd);
            if (e < 0) {
                throw new IllegalArgumentException(file + " is truncated: no '" + endLine + "' after its BEGIN line");
            }
            String body = text.substring(labelEnd + 5, e).replace("\r", "");
            boolean encrypted = false;
            if (body.indexOf(':') >= 0) { // RFC 1421 headers (Proc-Type, DEK-Info), then a blank line
                int blank = body.indexOf("\n\n");
                encrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
                body = blank < 0 ? "" : body.substring(blank + 2);
            }
            String base64 = body;
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(base64.strip());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(file + " is corrupt: the " + label + " block is not valid base64");
            }
            if (der.length == 0) {
                throw new IllegalArgumentException(file + " is truncated or corrupt: the " + label + " block is empty");
            }
            out.add(new Block(label, encrypted, der));
            from = e + endLine.length();
        }
    }
}
