package org.district.pd.credentials.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file types evidence may be uploaded as, and a check that a file's bytes are what its declared type says: a
 * declared PDF must start like one. The declared type alone is only the client's word.
 */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TEXT = "text/plain";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final Map<String, byte[]> MAGIC = Map.of(
            PDF, "%PDF-".getBytes(StandardCharsets.US_ASCII),
            PNG, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            JPEG, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            DOCX, ZIP,
            PPTX, ZIP);

    private ContentTypes() {
    }

    /** The declared type without parameters, in lower case, if it is one we accept. */
    public static Optional<String> accepted(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return MAGIC.containsKey(type) || TEXT.equals(type) ? Optional.of(type) : Optional.empty();
    }

    public static String acceptedList() {
        return String.join(", ", PDF, PNG, JPEG, TEXT, DOCX, PPTX);
    }

    /** Whether the first bytes of a file (at least its first 8, or all of a shorter one) fit its accepted type. */
    public static boolean matches(String type, byte[] head) {
        if (TEXT.equals(type)) {
            return isText(head);
        }
        byte[] magic = MAGIC.get(type);
        return magic != null && head.length >= magic.length
                && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
