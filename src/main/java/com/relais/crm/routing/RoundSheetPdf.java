package com.relais.crm.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * A courier's round sheet on A4: the day, the courier, distance, duration and load, then each stop in order with its
 * time, customer, address, coordinates and deal, and a line to sign. Real text in a standard font (WinAnsi only:
 * any other character prints as '?'), a new page when one is full.
 */
@Component
class RoundSheetPdf {
  private static final float MARGIN = 45;
  private static final float ROW = 15;

  private final RoutingProperties properties;

  RoundSheetPdf(RoutingProperties properties) {
    this.properties = properties;
  }

  byte[] draw(LocalDate day, RoutePlanStore.Round round) {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(properties.zone());
    try (Sheet sheet = new Sheet()) {
      sheet.line(18, true, "Round of " + round.courier() + " - " + day);
      sheet.gap();
      sheet.line(10, false, "Depot: " + properties.depotLatitude() + ", " + properties.depotLongitude());
      sheet.line(10, false, round.stops().size() + " stops, " + round.load() + " parcels, " + round.distanceKm()
          + " km, about " + round.durationMinutes() + " min");
      sheet.gap();
      int n = 1;
      for (RoutePlanStore.Stop stop : round.stops()) {
        sheet.line(11, true, n++ + ". " + hhmm.format(stop.eta()) + "  " + stop.customerName());
        sheet.line(10, false, "    " + (stop.address() == null ? "(no address)" : stop.address()));
        sheet.line(9, false, "    " + stop.latitude() + ", " + stop.longitude() + "  -  deal " + stop.opportunityId()
            + ", " + stop.parcels() + " parcel(s)");
        sheet.line(9, false, "    Received by: ____________________   Signature: ____________________");
        sheet.gap();
      }
      return sheet.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Sheet implements AutoCloseable {
    private final PDDocument document = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    Sheet() throws IOException {
      newPage();
    }

    void line(float size, boolean strong, String text) throws IOException {
      if (y - size - 4 < MARGIN) {
        newPage();
      }
      PDFont font = strong ? bold : regular;
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(MARGIN, y - size);
      content.showText(encodable(font, text));
      content.endText();
      y -= Math.max(ROW, size + 6);
    }

    void gap() {
      y -= ROW / 2;
    }

    byte[] toBytes() throws IOException {
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

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    private static String encodable(PDFont font, String text) {
      StringBuilder safe = new StringBuilder(text.length());
      text.codePoints().forEach(c -> {
        String character = new String(Character.toChars(c));
        boolean ok;
        try {
          font.encode(character);
          ok = c >= 0x20;
        } catch (IllegalArgumentException | IOException e) {
          ok = false;
        }
        safe.append(ok ? character : "?");
      });
      return safe.toString();
    }
  }
}
