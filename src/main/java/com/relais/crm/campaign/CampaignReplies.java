package com.relais.crm.campaign;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.MarketingCards;
import com.relais.crm.messaging.MailReceived;
import com.relais.crm.messaging.SmsReceived;
import com.relais.crm.opportunity.AccountManagers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's answer to a campaign, by e-mail (the replies mailbox) or SMS: logged in their history, counted in the
 * campaign it answers (the last one they received on that channel within the reply window), and given to the person
 * or group processes/reply-routing.dmn names (the account manager, finance for a billing question...) as a Tasklist
 * task with the reply in its form. A reply from an address no customer has goes to the triage group the table names.
 */
@Component
class CampaignReplies {
  private static final String DECISION = "replyRouting";

  private final MarketingCards cards;
  private final CommunicationService communications;
  private final AccountManagers owners;
  private final CampaignStore store;
  private final CampaignProcess process;
  private final DecisionService decisions;
  private final Duration window;

  CampaignReplies(MarketingCards cards, CommunicationService communications, AccountManagers owners,
      CampaignStore store, CampaignProcess process, DecisionService decisions,
      @Value("${relais.campaigns.reply-window:P30D}") Duration window) {
    this.cards = cards;
    this.communications = communications;
    this.owners = owners;
    this.store = store;
    this.process = process;
    this.decisions = decisions;
    this.window = window;
  }

  @EventListener
  void on(MailReceived mail) {
    String text = (mail.subject().isBlank() ? "" : mail.subject() + "\n\n") + mail.text().strip();
    handle("EMAIL", mail.fromAddress(), cards.withEmail(mail.fromAddress()), text, mail.at());
  }

  @EventListener
  void on(SmsReceived sms) {
    if (!SmsStop.isStop(sms.text())) {
      handle("SMS", sms.fromE164(), cards.withPhone(sms.fromE164()), sms.text().strip(), sms.at());
    }
  }

  private void handle(String channel, String sender, List<Long> customers, String text, Instant at) {
    Long customer = customers.isEmpty() ? null : customers.get(0);
    var card = customer == null ? null : cards.of(customer).orElse(null);
    Long campaignId = customer == null ? null
        : store.lastCampaignOf(customer, channel, at.minus(window)).orElse(null);
    String campaignName = campaignId == null ? "(none)" : store.get(campaignId).name();
    String clipped = text.length() > 3900 ? text.substring(0, 3900) : text;

    Long exchange = null;
    if (customer != null) {
      String firstLine = clipped.lines().findFirst().orElse("").strip();
      exchange = communications.create(new CommunicationDetails(channel, clip("Reply" + (campaignId == null ? ""
          : " to campaign " + campaignName) + ": " + firstLine, 300), clipped, at, null, "DONE", false, List.of(),
          customer, List.of())).getId();
    }
    Map<String, Object> facts = new HashMap<>();
    facts.put("knownCustomer", customer != null);
    facts.put("replyText", clipped);
    facts.put("customerCategory", card == null ? null : card.category());
    facts.put("replyChannel", channel);
    var route = decisions.evaluateDecisionTableByKey(DECISION).variables(Variables.fromMap(facts)).evaluate()
        .getFirstResult();
    String topic = route == null ? "Reply to a campaign" : (String) route.get("replyTopic");
    boolean toOwner = route != null && Boolean.TRUE.equals(route.get("assignToOwner"));
    String group = route == null ? "sales" : (String) route.get("replyGroup");
    String assignee = toOwner && customer != null ? owners.of(customer).orElse(null) : null;

    store.reply(campaignId, customer, channel, sender, exchange, topic, at);
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerId", customer);
    variables.put("customerName", card == null ? "Unknown sender" : card.name());
    variables.put("campaignName", campaignName);
    variables.put("replyChannel", channel);
    variables.put("replyFrom", sender);
    variables.put("replyText", clipped);
    variables.put("replyTopic", topic);
    variables.put("replyAssignee", assignee);
    variables.put("replyGroup", group);
    variables.put("replyOutcome", null);
    variables.put("replyNote", null);
    process.startReply(campaignId, variables);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
