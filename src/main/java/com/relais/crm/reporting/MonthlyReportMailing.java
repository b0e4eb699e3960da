package com.relais.crm.reporting;

import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.messaging.Channel;
import com.relais.crm.messaging.Outbox;
import com.relais.crm.messaging.OutgoingMessage;
import java.time.YearMonth;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report announced to the managers (members of the managers group with an e-mail address): one mail each, with
 * the month's key figures in plain text and the link to the PDF. The outbox carries text only, so the PDF is not
 * attached. The dedupe key names the month and the manager: a retried step, or a month built again, never mails
 * anyone twice.
 */
@Service
class MonthlyReportMailing {
  static final String PURPOSE = "monthly-report";

  private final MonthlyReportStore store;
  private final StaffDirectory staff;
  private final Outbox outbox;
  private final MonthlyReportProperties properties;

  MonthlyReportMailing(MonthlyReportStore store, StaffDirectory staff, Outbox outbox,
      MonthlyReportProperties properties) {
    this.store = store;
    this.staff = staff;
    this.outbox = outbox;
    this.properties = properties;
  }

  static String dedupeKey(YearMonth month, String managerId) {
    return PURPOSE + ":" + month + ":" + managerId;
  }

  /** @return how many managers the mail is queued for */
  @Transactional
  int mail(YearMonth month) {
    MonthlyFigures.Figures figures = store.figures(month)
        .orElseThrow(() -> new IllegalStateException("The report of " + month + " is not built"));
    String subject = "Relais CRM - monthly report " + month;
    String body = body(figures, properties.publicUrl() + "/api/reports/monthly/" + month);
    int mailed = 0;
    for (String managerId : staff.membersOf(StaffGroups.MANAGERS)) {
      String address = staff.find(managerId).map(StaffDirectory.Staff::email).orElse(null);
      if (address != null && !address.isBlank()) {
        outbox.enqueue(new OutgoingMessage(Channel.EMAIL, address, subject, body, PURPOSE,
            dedupeKey(month, managerId)));
        mailed++;
      }
    }
    return mailed;
  }

  private static String body(MonthlyFigures.Figures f, String link) {
    StringBuilder text = new StringBuilder("The monthly report of ").append(f.month()).append(" is ready.\n\n");
    text.append("Deals won: ").append(f.won().count()).append(", ")
        .append(MonthlyReportPdf.amount(f.won().amount())).append('\n');
    text.append("Deals lost: ").append(f.lost().count()).append(", ")
        .append(MonthlyReportPdf.amount(f.lost().amount())).append('\n');
    text.append("Revenue (deals won): ").append(MonthlyReportPdf.amount(f.won().amount()));
    text.append(f.currencies().size() == 1 ? " " + f.currencies().get(0) : "").append('\n');
    text.append("Transport costs paid: ").append(MonthlyReportPdf.amount(f.transportPaid().amount())).append(" for ")
        .append(f.transportPaid().count()).append(" deliveries\n");
    text.append("Deliveries by stage reached: ").append(f.deliveriesByStage().entrySet().stream()
        .map(stage -> MonthlyReportPdf.stageLabel(stage.getKey()) + " " + stage.getValue())
        .collect(Collectors.joining("; "))).append('\n');
    text.append("Support cases: ").append(f.casesOpened()).append(" opened, ").append(f.casesResolved())
        .append(" resolved\n");
    text.append("Campaigns sent: ").append(f.campaigns().size()).append('\n');
    if (f.rounds() != null) {
      // a report stored before the rounds were counted has none; it says nothing rather than zero
      text.append("Courier rounds (approved): ").append(f.rounds().rounds()).append(" rounds, ")
          .append(f.rounds().stops()).append(" stops, ").append(MonthlyReportPdf.amount(f.rounds().distanceKm()))
          .append(" km, cost ").append(MonthlyReportPdf.amount(f.rounds().transportCost()))
          .append(" for deliveries worth ").append(MonthlyReportPdf.amount(f.rounds().carriedValue()))
          .append(f.rounds().costShare() == null ? ""
              : " (" + MonthlyReportPdf.share(f.rounds().costShare()) + " of the value)").append('\n');
    }
    text.append("\nThe whole report, with the salespeople against their objectives and planned against done per"
        + " team, as a PDF (log in as a manager): ").append(link).append('\n');
    return text.toString();
  }
}
