package com.relais.crm.messaging;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customers' SMS to the service: a session bound to the SMSC as receiver, kept bound (checked every ten seconds
 * and bound again when lost), that turns each mobile-originated message into a {@link SmsReceived} event in a
 * transaction of its own. A delivery receipt is not a customer's message and is ignored. If handling the message
 * fails, the SMSC is told so and delivers it again later: no "STOP" is lost.
 */
@Component
class SmsInbox implements MessageReceiverListener {
  private static final Logger log = LoggerFactory.getLogger(SmsInbox.class);

  private final SmsChannel channel;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final boolean enabled;
  private ScheduledExecutorService keeper;
  private volatile SMPPSession session;

  SmsInbox(SmsChannel channel, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
      @Value("${relais.sms.inbox-enabled:true}") boolean enabled) {
    this.channel = channel;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!enabled) {
      return;
    }
    keeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "sms-inbox");
      thread.setDaemon(true);
      return thread;
    });
    keeper.scheduleWithFixedDelay(this::keepBound, 0, 10, TimeUnit.SECONDS);
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    if (keeper != null) {
      keeper.shutdownNow();
    }
    SMPPSession bound = session;
    if (bound != null) {
      bound.unbindAndClose();
    }
  }

  private void keepBound() {
    SMPPSession bound = session;
    if (bound != null && bound.getSessionState().isReceivable()) {
      return;
    }
    InetSocketAddress target;
    try {
      target = channel.smsc();
    } catch (IllegalStateException noSmsc) {
      return;
    }
    SMPPSession fresh = new SMPPSession();
    fresh.setMessageReceiverListener(this);
    try {
      SmsProperties properties = channel.properties();
      fresh.connectAndBind(target.getHostString(), target.getPort(), new BindParameter(BindType.BIND_RX,
          properties.systemId(), properties.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
          null), properties.timeout().toMillis());
      session = fresh;
      log.info("SMS: bound as receiver to {}:{}", target.getHostString(), target.getPort());
    } catch (Exception failure) {
      fresh.unbindAndClose();
      log.warn("SMS: could not bind as receiver to {}:{}: {}", target.getHostString(), target.getPort(),
          failure.toString());
    }
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm message) throws ProcessRequestException {
    if (message.isSmscDeliveryReceipt()) {
      return;
    }
    byte[] octets = message.getShortMessage();
    if (octets == null || octets.length == 0) {
      OptionalParameter payload = message.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
      if (payload instanceof OptionalParameter.OctetString octetString) {
        octets = octetString.getValue();
      }
    }
    String text = SmsChannel.decode(message.getDataCoding(), octets);
    String from = message.getSourceAddr().startsWith("+") ? message.getSourceAddr() : "+" + message.getSourceAddr();
    try {
      transaction.executeWithoutResult(status -> events.publishEvent(new SmsReceived(from, text, clock.instant())));
    } catch (RuntimeException failed) {
      log.error("SMS from {} could not be handled; the SMSC will deliver it again", from, failed);
      // ESME_RX_T_APPDN (0x64): a temporary failure of the receiving application
      throw new ProcessRequestException("Could not handle the message now", 0x64);
    }
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alert) {
    // nothing to do: the SMSC says a phone is reachable again
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not taken", 0x03);
  }
}
