package com.relais.crm.demo;

import com.relais.crm.attachment.AttachmentService;
import com.relais.crm.attachment.Owner;
import com.relais.crm.attachment.OwnerType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Three files on customers' records, uploaded as the CRM's upload does it (checked by Tika, stored in S3, their text
 * extracted after commit for the quick search). The quote's file name does not say "chariot": finding it by that
 * word shows the search reads inside the file. A file that fails is skipped with a warning.
 */
@Component
@DemoSeedEnabled
class DemoFiles {
  private static final Logger log = LoggerFactory.getLogger(DemoFiles.class);

  /** A document to render, which may fail like any file written. */
  private interface Content {
    byte[] render() throws IOException;
  }

  private final AttachmentService attachments;
  private final ActingAs actingAs;
  private final Clock clock;

  DemoFiles(AttachmentService attachments, ActingAs actingAs, Clock clock) {
    this.attachments = attachments;
    this.actingAs = actingAs;
    this.clock = clock;
  }

  /** @return how many files were stored */
  int attach(Map<String, Long> customerIds) {
    LocalDate today = LocalDate.now(clock.withZone(DemoSeed.ZONE));
    String quoteNumber = "DV-" + today.getYear() + "-0412";
    int stored = 0;
    stored += upload(DemoStaff.SALES, customerIds.get("Logistique Fontaine SAS"), "Devis " + quoteNumber + ".pdf",
        () -> DemoDocuments.quote(quoteNumber, today.minusDays(20)));
    stored += upload(DemoStaff.MANAGER, customerIds.get("Coopérative agricole du Val de Loire"),
        "Compte rendu de visite - silo de Mer.pdf", () -> DemoDocuments.visitReport(today.minusDays(24)));
    stored += upload(DemoStaff.SALES2, customerIds.get("Entrepôts Roussel"), "Plan d'implantation entrepôt.png",
        DemoDocuments::warehouseLayout);
    return stored;
  }

  /** @return 1 when stored, 0 when skipped */
  private int upload(String user, Long customerId, String fileName, Content content) {
    try {
      byte[] bytes = content.render();
      actingAs.crm(user, () -> {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
          return attachments.upload(new Owner(OwnerType.CUSTOMER, customerId), fileName, in);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return 1;
    } catch (IOException | RuntimeException e) {
      log.warn("Demo file '{}' not stored: {}", fileName, e.toString());
      return 0;
    }
  }
}
