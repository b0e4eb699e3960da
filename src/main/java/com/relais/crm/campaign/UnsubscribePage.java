package com.relais.crm.campaign;

import com.relais.crm.customer.CustomerService;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /public/unsubscribe?token=}: no login. One click withdraws the consent of the channel the token names,
 * with its source ("unsubscribe link, campaign 12") and time, and says so on a page. A forged or altered token is a
 * 400 page and changes nothing; a second click says it is already done.
 */
@RestController
class UnsubscribePage {
  private final UnsubscribeLinks links;
  private final CustomerService customers;
  private final CampaignStore store;
  private final Clock clock;

  UnsubscribePage(UnsubscribeLinks links, CustomerService customers, CampaignStore store, Clock clock) {
    this.links = links;
    this.customers = customers;
    this.store = store;
    this.clock = clock;
  }

  @GetMapping(path = "/public/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
  @Transactional
  ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
    var target = links.read(token);
    if (target.isEmpty()) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
          .body(page("This link is not valid", "Nothing was changed. Use the link of the message you received."));
    }
    var t = target.get();
    boolean sms = t.channel() == CampaignRequest.Channel.SMS;
    boolean changed = customers.withdrawConsent(t.customerId(), sms, "unsubscribe link, campaign " + t.campaignId());
    store.optedOut(t.campaignId(), t.customerId(), clock.instant());
    String what = sms ? "text messages" : "e-mails";
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(changed
        ? page("You are unsubscribed", "You will receive no more " + what + " of this kind from us.")
        : page("You were already unsubscribed", "You receive no " + what + " of this kind from us."));
  }

  private static String page(String title, String text) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head>"
        + "<body style=\"font-family: sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem\"><h1>"
        + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p></body></html>";
  }
}
