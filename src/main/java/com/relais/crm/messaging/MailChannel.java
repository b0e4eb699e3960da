package com.relais.crm.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
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

  String send(long outboxId, String to, String subject, String body) {
    String messageId = "<outbox-" + outboxId + "@relais-crm>";
    try {
      MimeMessage mail = new MimeMessage(sender.createMimeMessage().getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
      helper.setFrom(properties.mailFrom());
      helper.setTo(to);
      helper.setSubject(subject == null ? "Relais CRM" : subject);
      helper.setText(body, false);
      sender.send(mail);
      return messageId;
    } catch (MessagingException | MailException failure) {
      throw new IllegalStateException("SMTP: " + failure.getMessage(), failure);
    }
  }
}
