package com.relais.crm.reporting;

import com.relais.crm.platform.PdfSheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The monthly report as an A4 PDF: the title with the month, a table of the key figures, deliveries by stage reached
 * the couriers' rounds against the value they carried, the salespeople against their objectives as tables and bar
 * charts, planned against done per team, the campaigns sent. Amounts are written plainly (1234.50), the same in the PDF and the mail.
 */
@Component
class MonthlyReportPdf {
  /** Salespeople in the chart; the table above it lists everyone. */
  static final int CHART_PEOPLE = 15;
  private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter BUILT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MonthlyReportProperties properties;

  MonthlyReportPdf(MonthlyReportProperties properties) {
    this.properties = properties;
  }

  byte[] render(MonthlyFigures.Figures figures, Instant builtAt, String builtBy) {
    try (PdfSheet sheet = new PdfSheet()) {
      sheet.title("Relais CRM - monthly report " + figures.month());
      sheet.line(YearMonth.parse(figures.month()).format(MONTH_NAME) + ", built "
          + BUILT_AT.format(builtAt.atZone(properties.zone())) + " (" + properties.zone() + ") by " + builtBy);
      if (figures.currencies().size() > 1) {
        sheet.line("Amounts in several currencies (" + String.join(", ", figures.currencies())
            + "), added as they are.");
      } else if (figures.currencies().size() == 1) {
        sheet.line("Amounts in " + figures.currencies().get(0) + ".");
      }
      keyFigures(sheet, figures);
      deliveries(sheet, figures.deliveriesByStage());
      rounds(sheet, figures.rounds());
      salespeople(sheet, figures.people());
      teams(sheet, figures.teams());
      campaigns(sheet, figures.campaigns());
      return sheet.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the monthly report of " + figures.month(), e);
    }
  }

  static String amount(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static void keyFigures(PdfSheet sheet, MonthlyFigures.Figures f) throws IOException {
    float[] widths = {sheet.width() - 200, 100, 100};
    sheet.heading("Key figures");
    sheet.row(widths, true, "", "Count", "Amount");
    sheet.row(widths, false, "Deals won", "" + f.won().count(), amount(f.won().amount()));
    sheet.row(widths, false, "Deals lost", "" + f.lost().count(), amount(f.lost().amount()));
    sheet.row(widths, false, "Revenue (deals won)", "", amount(f.won().amount()));
    sheet.row(widths, false, "Transport costs paid", "" + f.transportPaid().count(),
        amount(f.transportPaid().amount()));
    sheet.row(widths, false, "Support cases opened", "" + f.casesOpened(), "");
    sheet.row(widths, false, "Support cases resolved", "" + f.casesResolved(), "");
    sheet.row(widths, false, "Campaigns sent", "" + f.campaigns().size(), "");
    sheet.row(widths, false, "Campaign messages sent", "" + f.campaigns().stream()
        .mapToLong(MonthlyFigures.CampaignLine::sent).sum(), "");
  }

  private static void deliveries(PdfSheet sheet, Map<String, Long> byStage) throws IOException {
    sheet.heading("Deliveries by stage reached in the month");
    double max = byStage.values().stream().mapToLong(Long::longValue).max().orElse(0);
    for (Map.Entry<String, Long> stage : byStage.entrySet()) {
      sheet.bar(stageLabel(stage.getKey()), stage.getValue(), null, max, "" + stage.getValue());
    }
  }

  /**
   * The approved rounds' profitability, per courier and in all. Figures stored before the rounds were counted have
   * none (null): the section is left out rather than showing zeros nobody counted.
   */
  private static void rounds(PdfSheet sheet, MonthlyFigures.RoundsLine rounds) throws IOException {
    if (rounds == null) {
      return;
    }
    sheet.heading("Courier rounds (approved plans)");
    if (rounds.rounds() == 0) {
      sheet.line("No approved round in the month.");
      return;
    }
    float[] widths = {sheet.width() - 400, 45, 45, 65, 50, 70, 70, 55};
    sheet.row(widths, true, "Courier", "Rounds", "Stops", "Km", "Hours", "Cost", "Value", "Cost/val.");
    for (MonthlyFigures.CourierLine c : rounds.couriers()) {
      sheet.row(widths, false, c.courier(), "" + c.rounds(), "" + c.stops(), amount(c.distanceKm()),
          amount(c.hours()), amount(c.transportCost()), amount(c.carriedValue()), share(c.costShare()));
    }
    sheet.row(widths, true, "All couriers", "" + rounds.rounds(), "" + rounds.stops(), amount(rounds.distanceKm()),
        amount(rounds.hours()), amount(rounds.transportCost()), amount(rounds.carriedValue()),
        share(rounds.costShare()));
    sheet.line(rounds.plans() + " approved plan(s); cost = km and hours at the rates set when each round was planned"
        + (rounds.unplannedStops() == 0 ? "." : "; " + rounds.unplannedStops() + " deliveries left on no round."));
  }

  /** 0.0425 as "4.25%"; "-" when nothing of value was carried. */
  static String share(BigDecimal share) {
    return share == null ? "-" : share.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP)
        .toPlainString() + "%";
  }

  /** DELIVERY_4_FINANCIAL_APPROVAL as "4 financial approval". */
  static String stageLabel(String stage) {
    return stage.replaceFirst("^DELIVERY_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  private static void salespeople(PdfSheet sheet, List<MonthlyFigures.PersonLine> people) throws IOException {
    sheet.heading("Salespeople: results against objectives");
    if (people.isEmpty()) {
      sheet.line("No deal won and no objective set for the month.");
      return;
    }
    float[] widths = {sheet.width() - 390, 55, 70, 70, 55, 50, 45, 45};
    sheet.row(widths, true, "Salesperson", "Deals won", "Amount won", "Objective", "Attained", "Deals obj.", "Contacts",
        "Cont. obj.");
    for (MonthlyFigures.PersonLine p : people) {
      sheet.row(widths, false, p.userId(), "" + p.dealsWon(), amount(p.amountWon()),
          p.objectiveAmount() == null ? "-" : amount(p.objectiveAmount()), attained(p),
          p.objectiveDeals() == null ? "-" : "" + p.objectiveDeals(), "" + p.contactsDone(),
          p.objectiveContacts() == null ? "-" : "" + p.objectiveContacts());
    }
    sheet.gap();
    sheet.line("Amount won (bar) against the objective (mark):");
    List<MonthlyFigures.PersonLine> charted = people.stream().limit(CHART_PEOPLE).toList();
    double max = charted.stream().mapToDouble(p -> Math.max(p.amountWon().doubleValue(),
        p.objectiveAmount() == null ? 0 : p.objectiveAmount().doubleValue())).max().orElse(0);
    for (MonthlyFigures.PersonLine p : charted) {
      sheet.bar(p.userId(), p.amountWon().doubleValue(),
          p.objectiveAmount() == null ? null : p.objectiveAmount().doubleValue(), max,
          amount(p.amountWon()) + (p.objectiveAmount() == null ? "" : " / " + amount(p.objectiveAmount())));
    }
  }

  private static String attained(MonthlyFigures.PersonLine p) {
    if (p.objectiveAmount() == null || p.objectiveAmount().signum() <= 0) {
      return "-";
    }
    return p.amountWon().multiply(BigDecimal.valueOf(100)).divide(p.objectiveAmount(), 0, RoundingMode.HALF_UP)
        + "%";
  }

  private static void teams(PdfSheet sheet, List<MonthlyFigures.TeamLine> teams) throws IOException {
    sheet.heading("Planned against done, by team");
    if (teams.isEmpty()) {
      sheet.line("No team.");
      return;
    }
    float[] widths = {sheet.width() - 385, 85, 60, 60, 60, 60, 60};
    sheet.row(widths, true, "Team", "Manager", "Planned", "Done", "Missed", "Escalated", "Unplanned");
    for (MonthlyFigures.TeamLine t : teams) {
      sheet.row(widths, false, t.name(), t.managerId(), "" + t.planned(), "" + t.done(), "" + t.missed(),
          "" + t.escalated(), "" + t.unplannedDone());
    }
  }

  private static void campaigns(PdfSheet sheet, List<MonthlyFigures.CampaignLine> campaigns) throws IOException {
    sheet.heading("Campaigns sent");
    if (campaigns.isEmpty()) {
      sheet.line("No campaign sent in the month.");
      return;
    }
    float[] widths = {sheet.width() - 310, 50, 55, 55, 65, 85};
    sheet.row(widths, true, "Campaign", "Channel", "Sent", "Replies", "Deals won", "Revenue");
    for (MonthlyFigures.CampaignLine c : campaigns) {
      sheet.row(widths, false, c.name(), c.channel(), "" + c.sent(), "" + c.replies(), "" + c.dealsWon(),
          amount(c.revenue()));
    }
  }
}
