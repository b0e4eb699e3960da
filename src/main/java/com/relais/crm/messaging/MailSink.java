package com.relais.crm.messaging;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The quick start's mail server: an SMTP server in the service (GreenMail) on the configured SMTP port, so a new
 * user sees what Relais sends without installing anything; admins read it at {@code GET /api/outbox/sink/mail}.
 * Only in the demo and only while no SMTP_HOST is set; with SMTP_HOST, mail goes to that server.
 */
@Component
@ConditionalOnExpression("'${SMTP_HOST:}'.isEmpty() and ${relais.demo.enabled:false}")
public class MailSink {
  private static final Logger log = LoggerFactory.getLogger(MailSink.class);

  /** A mail as the sink received it. */
  public record ReceivedMail(String messageId, String from, List<String> to, String subject, String text,
      Instant receivedAt) {}

  private final int port;
  private final int imapPort;
  private GreenMail server;

  MailSink(@Value("${spring.mail.port}") int port, @Value("${relais.replies.sink-imap-port:0}") int imapPort) {
    this.port = port;
    // the replies mailbox of the quick start: IMAP next to the SMTP port, unless a port is set
    this.imapPort = imapPort > 0 ? imapPort : port + 118;
    start();
  }

  /** The IMAP port of the in-process mailboxes (each address that received mail has one, password = address). */
  public int imapPort() {
    return imapPort;
  }

  /** Starts (or starts again) listening; the fault tests stop it to play an SMTP outage. */
  public synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup[] {new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
          new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
      server.start();
      log.info("Mail sink (in-process SMTP) listening on 127.0.0.1:{}, its mailboxes over IMAP on {}", port, imapPort);
    }
  }

  @PreDestroy
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public synchronized List<ReceivedMail> received() {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages()).map(MailSink::read).toList();
  }

  /** Empties every mailbox and forgets the accounts GreenMail made for each address it received mail for. */
  public synchronized void clear() throws Exception {
    if (server != null) {
      server.purgeEmailFromAllMailboxes();
      for (var account : java.util.List.copyOf(server.getUserManager().listUser())) {
        server.getUserManager().deleteUser(account);
      }
    }
  }

  private static ReceivedMail read(MimeMessage mail) {
    try {
      List<String> to = Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
      return new ReceivedMail(mail.getMessageID(), String.valueOf(mail.getFrom()[0]), to, mail.getSubject(),
          GreenMailUtil.getBody(mail).strip(), mail.getReceivedDate() == null ? Instant.now()
              : mail.getReceivedDate().toInstant());
    } catch (MessagingException e) {
      throw new IllegalStateException("A received mail could not be read", e);
    }
  }
}
