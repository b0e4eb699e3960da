package com.relais.crm.messaging;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the replies mailbox over IMAP every {@code poll-interval}: each unread mail becomes a {@link MailReceived}
 * in a transaction of its own, then is marked read. A mail is taken in once by its Message-ID (a row of
 * {@code inbound_message}), so a crash between the commit and the flag, or two nodes reading the same mailbox, never
 * logs a reply twice; a listener that fails leaves the mail unread for the next round.
 */
@Component
class ReplyMailbox {
  private static final Logger log = LoggerFactory.getLogger(ReplyMailbox.class);

  private final RepliesProperties properties;
  private final ObjectProvider<MailSink> sink;
  private final OutboxProperties outbox;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;
  private final Clock clock;
  private ScheduledExecutorService poller;
  private volatile Session session;

  ReplyMailbox(RepliesProperties properties, ObjectProvider<MailSink> sink, OutboxProperties outbox,
      ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcClient jdbc, Clock clock) {
    this.properties = properties;
    this.sink = sink;
    this.outbox = outbox;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!properties.enabled() || target() == null) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "reply-mailbox");
      thread.setDaemon(true);
      return thread;
    });
    long every = properties.pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private record Target(String host, int port, String user, String password, boolean ssl) {}

  private Target target() {
    if (!properties.imapHost().isBlank()) {
      return new Target(properties.imapHost(), properties.imapPort(), properties.user(), properties.password(),
          properties.ssl());
    }
    MailSink local = sink.getIfAvailable();
    if (local == null) {
      return null;
    }
    // the in-process mailbox of our own sender address; its password is the address
    String address = senderAddress();
    return new Target("127.0.0.1", local.imapPort(), address, address, false);
  }

  private String senderAddress() {
    try {
      return new InternetAddress(outbox.mailFrom()).getAddress();
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalStateException("MAIL_FROM is not an address: " + outbox.mailFrom(), e);
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (Exception failure) {
      log.debug("Replies mailbox not read this round: {}", failure.toString());
    }
  }

  /**
   * The mail session, made at the first round and kept: making one searches the class path for mail providers,
   * three quarters of a round's CPU, and its settings never change. They cover both protocols, so the session does
   * not depend on which one the first round used.
   */
  private Session session() {
    Session made = session;
    if (made == null) {
      Properties settings = new Properties();
      for (String protocol : new String[] {"imap", "imaps"}) {
        settings.put("mail." + protocol + ".connectiontimeout", "10000");
        settings.put("mail." + protocol + ".timeout", "10000");
      }
      made = Session.getInstance(settings);
      session = made;
    }
    return made;
  }

  /** One round: every unread mail, oldest first. */
  void poll() throws Exception {
    Target target = target();
    if (target == null) {
      return;
    }
    String protocol = target.ssl() ? "imaps" : "imap";
    Store store = session().getStore(protocol);
    store.connect(target.host(), target.port(), target.user(), target.password());
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          if (takeIn(message)) {
            message.setFlag(Flags.Flag.SEEN, true);
          }
        }
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }

  private boolean takeIn(Message message) throws Exception {
    String id = message instanceof MimeMessage mime && mime.getMessageID() != null ? mime.getMessageID()
        : "no-id:" + message.getReceivedDate() + ":" + message.getSubject();
    String key = "mail:" + (id.length() > 290 ? id.substring(0, 290) : id);
    String from = message.getFrom() == null || message.getFrom().length == 0 ? ""
        : ((InternetAddress) message.getFrom()[0]).getAddress().toLowerCase();
    String subject = message.getSubject() == null ? "" : message.getSubject();
    String text = textOf(message);
    try {
      transaction.executeWithoutResult(status -> {
        if (jdbc.sql("select count(*) from inbound_message where message_key = ?").param(key).query(Long.class)
            .single() > 0) {
          return;
        }
        jdbc.sql("insert into inbound_message (message_key, channel, received_at) values (?, 'EMAIL', ?)")
            .params(key, Timestamp.from(clock.instant())).update();
        events.publishEvent(new MailReceived(id, from, subject, text, clock.instant()));
      });
      return true;
    } catch (RuntimeException failed) {
      log.error("Reply {} from {} could not be taken in; it stays unread for the next round", id, from, failed);
      return false;
    }
  }

  /** The plain text of a mail: its body, or the first text/plain part of a multipart one. */
  private static String textOf(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String text = textOf(body);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }
}
