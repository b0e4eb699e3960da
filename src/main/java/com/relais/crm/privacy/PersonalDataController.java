package com.relais.crm.privacy;

import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/customers/{id}")
@PreAuthorize(StaffGroups.ADMINS_ONLY)
@Tag(name = "Personal data", description = "What the CRM holds on a person, on their request: all of it in one ZIP,"
    + " or erased everywhere it is copied. Admins only.")
class PersonalDataController {
  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final CustomerService customers;
  private final PersonalDataExport export;
  private final CustomerErasure erasure;
  private final ErasureRecords erasures;

  PersonalDataController(CustomerService customers, PersonalDataExport export, CustomerErasure erasure,
      ErasureRecords erasures) {
    this.customers = customers;
    this.export = export;
    this.erasure = erasure;
    this.erasures = erasures;
  }

  /**
   * The customer is read before the answer starts, so an unknown id is still a 404; the ZIP is then written as it is
   * read, on a thread of its own, and a failure half-way can only cut it short (the client sees a broken archive).
   */
  @GetMapping("/personal-data")
  @Operation(summary = "Export everything held on a customer, as a ZIP", description = "customer.json (the record,"
      + " both consents and the history of every change), exchanges.json (private ones too), deals.json (each with"
      + " its stage history, stage comments and delivery), support-cases.json, notifications.json (about the"
      + " customer or their deals), plan-items.json (work plan, contact lists, follow-ups), campaigns.json (campaigns"
      + " sent, replies, sign-ups), engine.json (each process instance of their deals and contacts, with its"
      + " variables and steps), and files/ with every attachment of the customer, their deals and exchanges and"
      + " every document generated for their deals, listed with type, size and SHA-256 in files/index.json."
      + " Admins only (403 for others); 404 for an unknown customer.")
  ResponseEntity<StreamingResponseBody> export(@PathVariable long id) {
    Customer customer = customers.get(id);
    StreamingResponseBody body = out -> export.write(customer, out);
    return ResponseEntity.ok()
        .contentType(ZIP)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("customer-" + id + "-personal-data.zip").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  @PostMapping("/erasure")
  @Operation(summary = "Erase a customer's personal data everywhere", description = "In one transaction: the"
      + " customer becomes 'Erased customer <id>' without e-mail, phone or address, both consents withdrawn (source"
      + " erasure); their name, e-mail, phone and address are replaced by [erased] in exchanges, deal titles, stage"
      + " comments, deliveries, support cases, notifications, contact lists, work plans and outbox messages; the"
      + " files of the customer, their deals and exchanges and the documents of their deals are removed (from the"
      + " file store after the commit); the engine's variables, task names and comments of their processes are"
      + " erased; the audit keeps who changed what and when, without the values. Amounts, stages and dates stay."
      + " Answers the counts of what changed, also kept as the erasure's record. 409 while one of the customer's"
      + " deals runs (sale, delivery, after-sale or support), and nothing changes. Admins only (403 for others);"
      + " 404 for an unknown customer.")
  ErasureSummary erase(@PathVariable long id) {
    return erasure.erase(id);
  }

  @GetMapping("/erasure")
  @Operation(summary = "Read the customer's latest erasure", description = "Who erased the customer's personal"
      + " data, when, and the counts of what changed. 404 for an unknown customer or one never erased. Admins only.")
  ErasureRecords.ErasureRecord erasureOf(@PathVariable long id) {
    if (!customers.exists(id)) {
      throw new NotFoundException("Customer", id);
    }
    return erasures.latestOf(id).orElseThrow(() -> new NotFoundException("Erasure of customer", id));
  }
}
