package com.relais.crm.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (Spring Mail; SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, MAIL_FROM). Each mail's Message-ID
 * is made from its outbox id, so a copy sent twice after a crash is the same message to any server or reader that
 * looks.
 */
@Component
class MailChannel {
  private final JavaMailSender sender;
  private final OutboxProperties properties;

  MailChannel(JavaMailSender sender, OutboxProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  /** One mail to send: its outbox id and contents. */
  record Mail(long outboxId, String to, String subject, String body) {}

  /**
   * Sends the mails over one SMTP connection (a connection per mail cost more than the mail) and answers, per outbox
   * id, the Message-ID of each accepted mail or the failure of each refused one.
   */
  Map<Long, Object> send(List<Mail> mails) {
    Map<Long, Object> results = new LinkedHashMap<>();
    Map<MimeMessage, Long> built = new LinkedHashMap<>();
    for (Mail mail : mails) {
      try {
        built.put(build(mail), mail.outboxId());
      } catch (MessagingException | RuntimeException badMail) {
        results.put(mail.outboxId(), new IllegalStateException("SMTP: " + badMail.getMessage(), badMail));
      }
    }
    if (built.isEmpty()) {
      return results;
    }
    try {
      sender.send(built.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException partly) {
      partly.getFailedMessages().forEach((message, failure) -> {
        Long id = built.get(message);
        if (id != null) {
          results.put(id, new IllegalStateException("SMTP: " + failure.getMessage(), failure));
        }
      });
      if (partly.getFailedMessages().isEmpty()) {
        built.values().forEach(id -> results.put(id, new IllegalStateException("SMTP: " + partly.getMessage())));
      }
    } catch (MailException failure) {
      built.values().forEach(id -> results.put(id, new IllegalStateException("SMTP: " + failure.getMessage())));
    }
    built.values().forEach(id -> results.putIfAbsent(id, messageId(id)));
    return results;
  }

  private MimeMessage build(Mail mail) throws MessagingException {
    String messageId = messageId(mail.outboxId());
    MimeMessage message = new MimeMessage(sender.createMimeMessage().getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.mailFrom());
    helper.setTo(mail.to());
    helper.setSubject(mail.subject() == null ? "Relais CRM" : mail.subject());
    helper.setText(mail.body(), false);
    return message;
  }

  private static String messageId(long outboxId) {
    return "<outbox-" + outboxId + "@relais-crm>";
  }
}
