package com.relais.crm.messaging;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outbox")
@PreAuthorize(StaffGroups.ADMINS_ONLY)
@Validated
@Tag(name = "Outbox", description = "Admins: the e-mails and SMS the service sends, their attempts and errors.")
class OutboxController {
  private final Outbox outbox;
  private final ObjectProvider<MailSink> mailSink;
  private final ObjectProvider<EmbeddedSmsc> smsSink;

  OutboxController(Outbox outbox, ObjectProvider<MailSink> mailSink, ObjectProvider<EmbeddedSmsc> smsSink) {
    this.outbox = outbox;
    this.mailSink = mailSink;
    this.smsSink = smsSink;
  }

  @GetMapping
  @Operation(summary = "List outgoing messages, newest first", description = "Filter by status: PENDING, SENDING,"
      + " SENT, FAILED.")
  List<OutboxEntry> list(@RequestParam(required = false) OutboxStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return outbox.list(status, page, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One outgoing message with its attempts and last error")
  OutboxEntry get(@PathVariable long id) {
    return outbox.get(id);
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Send a FAILED message again", description = "409 for a message that is not FAILED.")
  OutboxEntry retry(@PathVariable long id) {
    return outbox.retry(id);
  }

  @GetMapping("/sink/mail")
  @Operation(summary = "The mails the quick start's in-process mail server received", description = "Empty when"
      + " a real SMTP server is configured.")
  List<MailSink.ReceivedMail> mailSink() {
    MailSink sink = mailSink.getIfAvailable();
    return sink == null ? List.of() : sink.received();
  }

  @GetMapping("/sink/sms")
  @Operation(summary = "The SMS the quick start's in-process SMSC received", description = "Empty when a real"
      + " SMSC is configured.")
  List<EmbeddedSmsc.ReceivedSms> smsSink() {
    EmbeddedSmsc sink = smsSink.getIfAvailable();
    return sink == null ? List.of() : sink.received();
  }
}
