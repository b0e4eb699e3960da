package com.relais.crm.campaign;

import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerCategory;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.messaging.Channel;
import com.relais.crm.messaging.Outbox;
import com.relais.crm.messaging.OutgoingMessage;
import com.relais.crm.opportunity.NewOpportunity;
import com.relais.crm.opportunity.OpportunityService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A prospect registers on the public form: a customer with the source they chose and, if they ask for e-mails, a
 * consent that counts only once they confirm it from the link mailed to them (double opt-in, with its proof: when and
 * how). An SMS consent ticked on the form counts at once, with the form as its source. A deal opens for the
 * configured owner, so the sale starts. Bots that fill the hidden field are thanked and nothing is kept.
 */
@Service
class Signups {
  static final String CONFIRM = "signup-confirm";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^[+0-9 ()./-]{6,40}$");
  /** What a prospect may say of how they heard of us (an import is not a way to hear of anyone). */
  static final List<String> SOURCES = List.of("WEBSITE", "REFERRAL", "TRADE_SHOW", "CAMPAIGN", "PARTNER", "OTHER");

  private final CustomerService customers;
  private final OpportunityService opportunities;
  private final Outbox outbox;
  private final SignedTokens tokens;
  private final JdbcClient jdbc;
  private final SignupProperties properties;
  private final Clock clock;
  private final String publicUrl;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  Signups(CustomerService customers, OpportunityService opportunities, Outbox outbox, SignedTokens tokens,
      JdbcClient jdbc, SignupProperties properties, Clock clock,
      @Value("${relais.notifications.public-url}") String publicUrl) {
    this.customers = customers;
    this.opportunities = opportunities;
    this.outbox = outbox;
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /** The form as sent; {@code website} is the field people never see. */
  record Form(String name, String email, String phone, String source, boolean emailConsent, boolean smsConsent,
      String website) {}

  enum Outcome {
    REGISTERED, CONFIRMATION_SENT, IGNORED
  }

  /** A sign-up refused, with what to tell the person. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  @Transactional
  Outcome register(Form form, String address) {
    if (!allowed(address)) {
      throw new Refused(429, "Too many sign-ups from here; please try again in a few minutes.");
    }
    if (form.website() != null && !form.website().isBlank()) {
      return Outcome.IGNORED;
    }
    String name = form.name() == null ? "" : form.name().strip();
    String email = form.email() == null || form.email().isBlank() ? null : form.email().strip().toLowerCase();
    String phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new Refused(400, "Please give your name (up to 200 characters).");
    }
    if (email == null && phone == null) {
      throw new Refused(400, "Please give an e-mail address or a phone number, so that we can reach you.");
    }
    if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
      throw new Refused(400, "That e-mail address does not look right.");
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new Refused(400, "That phone number does not look right.");
    }
    String source = SOURCES.contains(form.source()) ? form.source() : "OTHER";
    var customer = customers.create(new CustomerDetails(name, email, phone, null, CustomerCategory.PROSPECT,
        AcquisitionSource.valueOf(source), new CustomerDetails.ConsentChoice(false, null),
        new CustomerDetails.ConsentChoice(form.smsConsent() && phone != null,
            form.smsConsent() && phone != null ? "sign-up form" : null), null, null));
    if (properties.dealOwner() != null && !properties.dealOwner().isBlank()) {
      opportunities.create(new NewOpportunity(customer.getId(), "Sign-up: " + name, BigDecimal.ZERO, null,
          properties.dealOwner(), null));
    }
    if (!form.emailConsent() || email == null) {
      return Outcome.REGISTERED;
    }
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into signup (customer_id, email, created_at) values (?, ?, ?)")
        .params(customer.getId(), email, Timestamp.from(clock.instant())).update(key, "id");
    long signup = key.getKey().longValue();
    String link = publicUrl + "/public/signup/confirm?token=" + tokens.sign(CONFIRM, Long.toString(signup));
    outbox.enqueue(new OutgoingMessage(Channel.EMAIL, email, "Please confirm that you want our e-mails",
        "Hello " + name + ",\n\nYou signed up and asked to hear from us by e-mail. Please confirm it here:\n" + link
            + "\n\nIf it was not you, ignore this message: nothing will be sent to you.",
        "signup-confirmation", "signup-" + signup));
    return Outcome.CONFIRMATION_SENT;
  }

  /** @return whether the consent was confirmed now (false: already confirmed); empty: not a valid link */
  @Transactional
  java.util.Optional<Boolean> confirm(String token) {
    return tokens.read(CONFIRM, token).map(Long::parseLong).flatMap(signup -> jdbc.sql(
            "select customer_id, confirmed_at from signup where id = ?").param(signup)
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).optional()
        .map(row -> {
          if (row[1] != null) {
            return false;
          }
          jdbc.sql("update signup set confirmed_at = ? where id = ?").params(Timestamp.from(clock.instant()), signup)
              .update();
          customers.grantConsent((Long) row[0], false, "sign-up form, confirmed by e-mail link");
          return true;
        }));
  }

  /** A sliding window per address, on this node (a balancer spreading one address over nodes lets a few more). */
  private boolean allowed(String address) {
    Instant now = clock.instant();
    // addresses quiet for a whole window are forgotten, so the map does not grow with every visitor ever seen
    if (recent.size() > 10_000) {
      recent.entrySet().removeIf(entry -> {
        synchronized (entry.getValue()) {
          Instant last = entry.getValue().peekLast();
          return last == null || last.isBefore(now.minus(properties.window()));
        }
      });
    }
    Deque<Instant> times = recent.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(properties.window()))) {
        times.pollFirst();
      }
      if (times.size() >= properties.maxPerAddress()) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
