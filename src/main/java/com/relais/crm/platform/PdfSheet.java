package com.relais.crm.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A PDF written top to bottom on A4 pages: a title, headings, lines, table rows and the bars of horizontal bar
 * charts, a new page whenever the current one is full. The sheets people print or read (the monthly report, a
 * courier's round sheet) are drawn with it; the legal documents of a deal have their own layout (document module). Text is real text in a standard font, so it can be searched
 * and extracted (PDFTextStripper); the fonts encode WinAnsi only, so any other character is shown as '?'.
 */
public final class PdfSheet implements AutoCloseable {
  public static final float MARGIN = 45;
  private static final float ROW = 15;
  private static final float LABEL_WIDTH = 140;
  private static final float VALUE_WIDTH = 110;

  private final PDDocument document = new PDDocument();
  private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream content;
  private float y;

  public PdfSheet() throws IOException {
    newPage();
  }

  /** The width between the margins. */
  public float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  public void title(String text) throws IOException {
    text(bold, 18, MARGIN, y - 18, text);
    y -= 30;
  }

  /** A section's heading, kept on the page of the lines that follow it. */
  public void heading(String text) throws IOException {
    room(ROW * 4);
    y -= 10;
    text(bold, 12, MARGIN, y - 12, text);
    y -= 20;
  }

  public void line(String text) throws IOException {
    room(ROW);
    text(regular, 10, MARGIN, y - 10, text);
    y -= ROW;
  }

  /** A line in a size of its own, bold when {@code strong}: a sheet's own headings and small print. */
  public void line(float size, boolean strong, String text) throws IOException {
    room(Math.max(ROW, size + 6));
    text(strong ? bold : regular, size, MARGIN, y - size, text);
    y -= Math.max(ROW, size + 6);
  }

  /** A table row: the first cell left-aligned, the others (figures) right-aligned in their columns; null is blank. */
  public void row(float[] widths, boolean header, String... cells) throws IOException {
    room(ROW);
    PDFont font = header ? bold : regular;
    float x = MARGIN;
    for (int i = 0; i < cells.length && i < widths.length; i++) {
      String cell = fit(font, 9, cells[i] == null ? "" : cells[i], widths[i] - 6);
      float cellX = i == 0 ? x : x + widths[i] - width(font, 9, cell);
      text(font, 9, cellX, y - 9, cell);
      x += widths[i];
    }
    y -= ROW;
  }

  /**
   * One bar of a horizontal bar chart whose longest bar is {@code max}: the label, a grey track, the bar, a dark
   * mark at {@code target} when there is one, and the value as text after the track.
   */
  public void bar(String label, double value, Double target, double max, String valueText) throws IOException {
    room(ROW);
    float trackX = MARGIN + LABEL_WIDTH;
    float trackWidth = width() - LABEL_WIDTH - VALUE_WIDTH;
    float barY = y - 11;
    text(regular, 9, MARGIN, y - 9, fit(regular, 9, label, LABEL_WIDTH - 6));
    content.setNonStrokingColor(0.92f);
    content.addRect(trackX, barY, trackWidth, 10);
    content.fill();
    if (max > 0 && value > 0) {
      content.setNonStrokingColor(0.22f, 0.45f, 0.75f);
      content.addRect(trackX, barY, (float) (trackWidth * Math.min(1, value / max)), 10);
      content.fill();
    }
    if (max > 0 && target != null) {
      float markX = trackX + (float) (trackWidth * Math.min(1, target / max));
      content.setStrokingColor(0.1f);
      content.setLineWidth(2);
      content.moveTo(markX, barY - 2);
      content.lineTo(markX, barY + 12);
      content.stroke();
    }
    text(regular, 9, trackX + trackWidth + 6, y - 9, fit(regular, 9, valueText, VALUE_WIDTH - 6));
    y -= ROW;
  }

  /** Some space between blocks. */
  public void gap() {
    y -= ROW / 2;
  }

  public byte[] toBytes() throws IOException {
    content.close();
    content = null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
    document.close();
  }

  private void room(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = page.getMediaBox().getHeight() - MARGIN;
  }

  private void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
    content.setNonStrokingColor(0f);
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(encodable(font, text));
    content.endText();
  }

  /** The text cut to fit {@code room} points, ending with ".." when cut. */
  private static String fit(PDFont font, float size, String text, float room) throws IOException {
    String safe = encodable(font, text);
    if (width(font, size, safe) <= room) {
      return safe;
    }
    String cut = safe;
    while (!cut.isEmpty() && width(font, size, cut + "..") > room) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "..";
  }

  private static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(encodable(font, text)) / 1000 * size;
  }

  /** What the font can show: each character it cannot encode (and every control character) becomes '?'. */
  private static String encodable(PDFont font, String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      String character = new String(Character.toChars(c));
      safe.append(c >= 0x20 && canEncode(font, character) ? character : "?");
    });
    return safe.toString();
  }

  private static boolean canEncode(PDFont font, String character) {
    try {
      font.encode(character);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
