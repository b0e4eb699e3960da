package com.relais.crm.web;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Log a call / note / meeting" on a customer's page. Two callers: the page's script, which sends every exchange
 * through its queue (JSON: the exchange's id, 201 new or 200 already received; 400 with the reasons by field), and
 * a browser without scripts. Whatever was typed comes back with the reason when it is refused.
 */
@Controller
class ExchangeLogging {
  static final String QUEUE_HEADER = "X-Relais-Queue";
  private static final int CLIENT_KEY_MAX = 64;

  private final ExchangeSubmissions submissions;
  private final CustomerService customers;
  private final CurrentUser currentUser;
  private final FieldErrors fieldErrors;
  private final UserClock userClock;
  private final CustomerPage customerPage;
  private final Clock clock;

  ExchangeLogging(ExchangeSubmissions submissions, CustomerService customers, CurrentUser currentUser,
      FieldErrors fieldErrors, UserClock userClock, CustomerPage customerPage, Clock clock) {
    this.customerPage = customerPage;
    this.submissions = submissions;
    this.customers = customers;
    this.currentUser = currentUser;
    this.fieldErrors = fieldErrors;
    this.userClock = userClock;
    this.clock = clock;
  }

  /** What the quick form posts; every field as typed. */
  record ExchangeForm(String type, String subject, String details, String start, boolean privateEntry,
      String clientKey) {}

  @PostMapping(path = "/customers/{id}/exchanges", headers = QUEUE_HEADER)
  @ResponseBody
  ResponseEntity<Map<String, Object>> fromQueue(@PathVariable long id, ExchangeFormParams params) {
    ExchangeForm form = params.form();
    try {
      CommunicationDetails details = details(id, form);
      Map<String, String> errors = fieldErrors.check(details);
      if (!errors.isEmpty()) {
        return ResponseEntity.badRequest().body(Map.of("errors", errors));
      }
      var logged = submissions.log(clientKey(form), currentUser.id(), details);
      return ResponseEntity.status(logged.created() ? HttpStatus.CREATED : HttpStatus.OK)
          .body(Map.of("id", logged.communicationId(), "created", logged.created()));
    } catch (InvalidFieldException refused) {
      return ResponseEntity.badRequest().body(Map.of("errors", FieldErrors.of(refused)));
    } catch (DuplicateKeyException sentTwiceAtOnce) {
      // the other send won and holds the exchange; the queue asks again later and is told its id
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("retry", true));
    }
  }

  /** Without scripts: back to the page, or the page again with the form as typed and the reasons beside it. */
  @PostMapping("/customers/{id}/exchanges")
  String fromPage(@PathVariable long id, ExchangeFormParams params, Model model) {
    ExchangeForm form = params.form();
    customers.get(id);
    Map<String, String> errors;
    try {
      CommunicationDetails details = details(id, form);
      errors = fieldErrors.check(details);
      if (errors.isEmpty()) {
        submissions.log(clientKey(form), currentUser.id(), details);
        return "redirect:/customers/" + id + "#timeline";
      }
    } catch (InvalidFieldException refused) {
      errors = FieldErrors.of(refused);
    }
    model.addAttribute("exchangeErrors", errors);
    model.addAttribute("exchangeForm", form);
    return customerPage.page(id, model);
  }

  private CommunicationDetails details(long customerId, ExchangeForm form) {
    Instant start;
    try {
      start = form.start() == null || form.start().isBlank() ? clock.instant() : userClock.fromField(form.start());
    } catch (DateTimeParseException notADate) {
      throw new InvalidFieldException("start", "start: not a date and time");
    }
    // logged after the fact: the call took place, the note is written
    return new CommunicationDetails(form.type(), form.subject() == null ? null : form.subject().strip(),
        form.details(), start, null, "DONE", form.privateEntry(), List.of(), customerId, List.of());
  }

  private static String clientKey(ExchangeForm form) {
    String key = form.clientKey();
    if (key == null || key.isBlank()) {
      return null;
    }
    if (key.length() > CLIENT_KEY_MAX) {
      throw new InvalidFieldException("clientKey", "clientKey: at most " + CLIENT_KEY_MAX + " characters");
    }
    return key;
  }

  /** Bound from the form fields by name ({@code private} is a Java keyword, hence a class of its own). */
  static class ExchangeFormParams {
    private String type;
    private String subject;
    private String details;
    private String start;
    private boolean privateEntry;
    private String clientKey;

    ExchangeForm form() {
      return new ExchangeForm(type, subject, details, start, privateEntry, clientKey);
    }

    public void setType(String type) { this.type = type; }
    public void setSubject(String subject) { this.subject = subject; }
    public void setDetails(String details) { this.details = details; }
    public void setStart(String start) { this.start = start; }
    public void setPrivateEntry(boolean privateEntry) { this.privateEntry = privateEntry; }
    public void setClientKey(String clientKey) { this.clientKey = clientKey; }
  }
}
