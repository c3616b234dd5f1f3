package org.pressure.cli.chart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Removes what makes two files from the same input differ: the creation and modification dates
 * that PDF and XLSX writers stamp in, so that the same scenario gives the same bytes every time.
 */
public final class SameBytes {
    private SameBytes() {}

    private static final Pattern PDF_DATE = Pattern.compile("/(?:Creation|Mod)Date\\s*\\(D:[^)]*\\)");

    /**
     * A PDF with its {@code /CreationDate} and {@code /ModDate} blanked out by spaces of the same
     * length, so that every byte offset in its cross-reference table still holds.
     */
    public static byte[] pdf(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1); // one char per byte, both ways
        Matcher m = PDF_DATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) m.appendReplacement(out, " ".repeat(m.end() - m.start()));
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The same entries, in the same order, with every entry's time set to 1 January 2000 (ZIP time is local). */
    public static byte[] zip(byte[] zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
