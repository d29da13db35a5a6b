package io.jproton.internal.tls;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts a PKCS#8 private key encrypted with PBES2 (PBKDF2 and a CBC cipher), as OpenSSL writes
 * them ({@code openssl req -newkey}, {@code openssl pkcs8 -topk8}): the JDK's own parser accepts
 * only AES in PBES2, OpenSSL 3 also uses triple DES.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class Pbes2 {
    private static final String PBES2 = "2a864886f70d01050d";
    private static final String PBKDF2 = "2a864886f70d01050c";

    private Pbes2() {}

    /** A DER reader over one encoded value. */
    private static final class Der {
        final byte[] b;
        int pos;
        final int end;

        Der(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int peekTag() {
            return b[pos] & 0xff;
        }

        /** @return the next value's contents, checking its tag */
        Der next(int tag) throws GeneralSecurityException {
            if (pos >= end || (b[pos] & 0xff) != tag) {
                throw new GeneralSecurityException("unexpected DER in the encrypted private key");
            }
            pos++;
            int len = b[pos++] & 0xff;
            if (len > 0x7f) {
                int n = len & 0x7f;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[pos++] & 0xff);
                }
            }
            Der value = new Der(b, pos, pos + len);
            pos += len;
            return value;
        }

        byte[] bytes() {
            byte[] out = new byte[end - pos];
            System.arraycopy(b, pos, out, 0, out.length);
            return out;
        }

        String hex() {
            return HexFormat.of().formatHex(bytes());
        }

        int intValue() {
            int v = 0;
            for (int i = pos; i < end; i++) {
                v = (v << 8) | (b[i] & 0xff);
            }
            return v;
        }
    }

    /**
     * @param der the EncryptedPrivateKeyInfo
     * @param password the password
     * @return the PKCS#8 PrivateKeyInfo, or null if the key is not PBES2-encrypted
     */
    static byte[] decrypt(byte[] der, char[] password) throws GeneralSecurityException {
        Der info = new Der(der, 0, der.length).next(0x30);
        Der algorithm = info.next(0x30);
        if (!algorithm.next(0x06).hex().equals(PBES2)) {
            return null;
        }
        Der params = algorithm.next(0x30);
        Der kdf = params.next(0x30);
        if (!kdf.next(0x06).hex().equals(PBKDF2)) {
            throw new GeneralSecurityException("PBES2 key derivation other than PBKDF2 is not supported");
        }
        Der kdfParams = kdf.next(0x30);
        byte[] salt = kdfParams.next(0x04).bytes();
        int iterations = kdfParams.next(0x02).intValue();
        int keyLength = -1;
        if (kdfParams.more() && kdfParams.peekTag() == 0x02) {
            keyLength = kdfParams.next(0x02).intValue();
        }
        String prf = "PBKDF2WithHmacSHA1";
        if (kdfParams.more()) {
            String prfOid = kdfParams.next(0x30).next(0x06).hex();
            prf = switch (prfOid) {
                case "2a864886f70d0207" -> "PBKDF2WithHmacSHA1";
                case "2a864886f70d0209" -> "PBKDF2WithHmacSHA256";
                case "2a864886f70d020a" -> "PBKDF2WithHmacSHA384";
                case "2a864886f70d020b" -> "PBKDF2WithHmacSHA512";
                default -> throw new GeneralSecurityException("unsupported PBKDF2 function " + prfOid);
            };
        }
        Der scheme = params.next(0x30);
        String cipherOid = scheme.next(0x06).hex();
        byte[] iv = scheme.next(0x04).bytes();
        String cipherName;
        String keyAlgorithm;
        int cipherKeyLength;
        switch (cipherOid) {
            case "2a864886f70d0307" -> { cipherName = "DESede/CBC/PKCS5Padding"; keyAlgorithm = "DESede"; cipherKeyLength = 24; }
            case "608648016503040102" -> { cipherName = "AES/CBC/PKCS5Padding"; keyAlgorithm = "AES"; cipherKeyLength = 16; }
            case "608648016503040116" -> { cipherName = "AES/CBC/PKCS5Padding"; keyAlgorithm = "AES"; cipherKeyLength = 24; }
            case "60864801650304012a" -> { cipherName = "AES/CBC/PKCS5Padding"; keyAlgorithm = "AES"; cipherKeyLength = 32; }
            default -> throw new GeneralSecurityException("unsupported PBES2 cipher " + cipherOid);
        }
        if (keyLength < 0) {
            keyLength = cipherKeyLength;
        }
        byte[] key = SecretKeyFactory.getInstance(prf)
                .generateSecret(new PBEKeySpec(password, salt, iterations, keyLength * 8)).getEncoded();
        Cipher cipher = Cipher.getInstance(cipherName);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, keyAlgorithm), new IvParameterSpec(iv));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(cipher.doFinal(info.next(0x04).bytes()));
        return out.toByteArray();
    }
}
