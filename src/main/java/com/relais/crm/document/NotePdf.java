package com.relais.crm.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A one-page note: a title, labelled lines, and a box where the customer signs. */
final class NotePdf {
  static final float MARGIN = 56;

  private NotePdf() {}

  record Line(String label, String value) {}

  static byte[] render(String title, List<Line> lines, String signatureCaption) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      float top = page.getMediaBox().getHeight() - MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        text(content, bold, 20, MARGIN, top, "Relais CRM - " + title);
        float y = top - 40;
        for (Line line : lines) {
          text(content, bold, 11, MARGIN, y, line.label() + ":");
          text(content, regular, 11, MARGIN + 150, y, line.value());
          y -= 18;
        }
        y -= 30;
        text(content, regular, 11, MARGIN, y, signatureCaption);
        content.addRect(MARGIN, y - 90, 260, 75);
        content.stroke();
        text(content, regular, 9, MARGIN, y - 105, "Name, date and signature");
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the " + title, e);
    }
  }

  /** The standard fonts cover WinAnsi only; anything else is replaced rather than failing the whole note. */
  static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(winAnsi(text == null ? "" : text));
    content.endText();
  }

  static String winAnsi(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints().forEach(c -> safe.append(c >= 0x20 && c < 0x100 ? (char) c : '?'));
    return safe.toString();
  }
}
