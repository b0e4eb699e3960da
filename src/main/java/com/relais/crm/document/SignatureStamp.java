package com.relais.crm.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Prints the online signature on the note's first page, in a box at the foot of the page (the note's own signature
 * box is for a pen): the typed name, the time (UTC), the signer's network address and where the link was sent, and,
 * above them, what the signer declared (a reception accepted, or refused with the reason), wrapped to the box. The
 * digital signature added after it covers these lines too.
 */
final class SignatureStamp {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final float BOX_TOP = 150;
  private static final float LINE = 15;
  private static final float TEXT_SIZE = 10;
  /**
   * A declaration longer than this many lines is cut on the page (the page's form allows about eleven): the box must
   * stay below the note's own lines. The whole text is kept with the deal.
   */
  static final int MOST_DECLARATION_LINES = 16;

  private SignatureStamp() {}

  static byte[] stamp(byte[] pdf, SignerDetails signer) {
    try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = document.getPage(0);
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      float x = NotePdf.MARGIN;
      float width = page.getMediaBox().getWidth() - 2 * NotePdf.MARGIN;
      List<String> declared = signer.declaration() == null ? List.of()
          : wrap(printable(signer.declaration(), regular), regular, width);
      // the box grows upwards by the declaration's lines; the lines below them stay where they always were
      float extra = LINE * declared.size();
      try (PDPageContentStream content = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        content.addRect(x - 6, BOX_TOP - 78, width + 12, 90 + extra);
        content.stroke();
        NotePdf.text(content, bold, 11, x, BOX_TOP - 4 + extra, "Signed online by the customer");
        for (int i = 0; i < declared.size(); i++) {
          NotePdf.text(content, regular, TEXT_SIZE, x, BOX_TOP - 20 + extra - LINE * i, declared.get(i));
        }
        NotePdf.text(content, regular, TEXT_SIZE, x, BOX_TOP - 22, "Name typed by the signer: " + signer.name());
        NotePdf.text(content, regular, TEXT_SIZE, x, BOX_TOP - 37, "Signed at: " + TIME.format(signer.signedAt()));
        NotePdf.text(content, regular, TEXT_SIZE, x, BOX_TOP - 52,
            "From the network address: " + signer.networkAddress());
        NotePdf.text(content, regular, TEXT_SIZE, x, BOX_TOP - 67, "Signing link sent to: " + signer.linkSentTo());
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stamp the signature on the note", e);
    }
  }

  /**
   * The text on one line (line breaks and tabs as spaces), each character the font cannot print replaced by "?":
   * a refusal's reason is typed freely, and one character the standard font lacks must not fail the signature.
   */
  static String printable(String text, PDType1Font font) {
    StringBuilder safe = new StringBuilder(text.length());
    text.replaceAll("\\s+", " ").strip().codePoints().forEach(c -> {
      String character = new String(Character.toChars(c));
      try {
        font.encode(character);
        safe.append(character);
      } catch (IllegalArgumentException | IOException notInTheFont) {
        safe.append('?');
      }
    });
    return safe.toString();
  }

  /**
   * The text in lines as wide as the box at most, broken at the last space that fits (inside a word only when a
   * word alone is wider), {@link #MOST_DECLARATION_LINES} at most, the last one ending in "..." when text was left.
   */
  static List<String> wrap(String text, PDType1Font font, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    String rest = text;
    while (!rest.isEmpty() && lines.size() < MOST_DECLARATION_LINES) {
      int fits = fittingLength(rest, font, width);
      int cut = fits;
      if (fits < rest.length()) {
        int space = rest.lastIndexOf(' ', fits);
        cut = space > 0 ? space : fits;
      }
      lines.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      String last = lines.remove(lines.size() - 1);
      lines.add(last.substring(0, Math.max(0, last.length() - 4)) + " ...");
    }
    return lines;
  }

  /** How many of the text's first characters fit in the width (at least one, so that wrapping always moves on). */
  private static int fittingLength(String text, PDType1Font font, float width) throws IOException {
    float used = 0;
    for (int i = 0; i < text.length(); i++) {
      used += font.getStringWidth(text.substring(i, i + 1)) / 1000 * TEXT_SIZE;
      if (used > width) {
        return Math.max(1, i);
      }
    }
    return text.length();
  }
}
