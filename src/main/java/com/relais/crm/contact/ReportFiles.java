package com.relais.crm.contact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The planned-versus-done report as a spreadsheet reads it (CSV) and as a manager forwards it (PDF). */
final class ReportFiles {
  private static final float MARGIN = 40;
  private static final float ROW = 16;

  private ReportFiles() {}

  /** One line per person, then one per team total ("team:" and its name in the first column). */
  static byte[] csv(PlannedVsDone.Report report) {
    StringBuilder csv = new StringBuilder(String.join(",", PlannedVsDone.header())).append("\r\n");
    for (List<String> line : lines(report)) {
      csv.append(String.join(",", line.stream().map(ReportFiles::csvCell).toList())).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] pdf(PlannedVsDone.Report report) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      List<String> header = PlannedVsDone.header();
      List<List<String>> lines = lines(report);
      int index = 0;
      do {
        PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        document.addPage(page);
        float y = page.getMediaBox().getHeight() - MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          text(content, bold, 16, MARGIN, y, "Relais CRM - planned vs done, " + report.from() + " to " + report.to());
          y -= 30;
          row(content, bold, y, header);
          y -= ROW;
          while (index < lines.size() && y > MARGIN) {
            row(content, regular, y, lines.get(index++));
            y -= ROW;
          }
        }
      } while (index < lines.size());
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> lines(PlannedVsDone.Report report) {
    List<List<String>> lines = new ArrayList<>();
    report.rows().forEach(row -> lines.add(cells(row.userId(), row)));
    report.teams().forEach(team -> lines.add(cells("team:" + team.name(), team.totals())));
    return lines;
  }

  private static List<String> cells(String who, PlannedVsDone.Row row) {
    return List.of(who, "" + row.planned(), "" + row.doneOnTime(), "" + row.doneLate(), "" + row.missed(),
        "" + row.escalated(), "" + row.unplannedDone(), "" + row.open());
  }

  private static void row(PDPageContentStream content, PDType1Font font, float y, List<String> cells)
      throws IOException {
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      text(content, font, 10, x, y, cells.get(i));
      x += i == 0 ? 190 : 80;
    }
  }

  private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    // the standard fonts cover Latin-1: anything else is shown as '?' rather than failing the report
    content.showText(text.chars().mapToObj(c -> c < 256 ? String.valueOf((char) c) : "?")
        .reduce("", String::concat));
    content.endText();
  }

  /** Quoted when needed; a leading = + - @ is defused so that a spreadsheet does not run it as a formula. */
  private static String csvCell(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
        ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
