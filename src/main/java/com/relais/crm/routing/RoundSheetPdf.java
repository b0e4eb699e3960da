package com.relais.crm.routing;

import com.relais.crm.platform.PdfSheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * A courier's round sheet on A4: the day, the courier, distance, duration and load, then each stop in order with its
 * time, customer, address, coordinates and deal, and a line to sign. Real text in a standard font (WinAnsi only:
 * any other character prints as '?'), a new page when one is full (platform's {@link PdfSheet}).
 */
@Component
class RoundSheetPdf {
  private final RoutingProperties properties;

  RoundSheetPdf(RoutingProperties properties) {
    this.properties = properties;
  }

  byte[] draw(LocalDate day, RoutePlanStore.Round round) {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(properties.zone());
    try (PdfSheet sheet = new PdfSheet()) {
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
}
