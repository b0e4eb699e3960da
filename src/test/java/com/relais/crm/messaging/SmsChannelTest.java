package com.relais.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS channel against the in-process SMSC, over a real SMPP connection and without Spring: what the outbox hands
 * it must reach the SMSC unchanged, in either alphabet, a wrong number must never leave, and a lost SMSC must be a
 * {@link SmsUnavailableException} the outbox can retry on.
 */
class SmsChannelTest {
  private static final String PHONE = "+33612345678";

  private EmbeddedSmsc smsc;
  private SmsChannel channel;

  @BeforeEach
  void startSmsc() {
    smsc = new EmbeddedSmsc();
    smsc.start();
    channel = channelTo(smsc);
  }

  @AfterEach
  void stopSmsc() {
    channel.close();
    smsc.stop();
  }

  private static SmsChannel channelTo(EmbeddedSmsc smsc) {
    SmsProperties properties = new SmsProperties("", 0, "relais", "relais", "Relais", Duration.ofSeconds(3));
    return new SmsChannel(properties, () -> InetSocketAddress.createUnresolved(smsc.host(), smsc.port()));
  }

  @Test
  void aTextInTheGsmAlphabetReachesTheSmscAsWritten() {
    String messageId = channel.send(PHONE, "Deal won: Fromagerie Leroux, 12 500 EUR");

    assertThat(smsc.received()).singleElement().satisfies(sms -> {
      assertThat(sms.text()).isEqualTo("Deal won: Fromagerie Leroux, 12 500 EUR");
      assertThat(sms.from()).isEqualTo("Relais");
      assertThat(sms.to()).isEqualTo("33612345678");
      assertThat(sms.messageId()).isNotBlank().isEqualTo(messageId);
    });
  }

  @Test
  void theGsmExtensionAndItsOddPlacesSurvive() {
    channel.send(PHONE, "Prix: 12€ [TTC] @ 10h_30 $ {ok} ~ | \\ ^ é à");

    assertThat(smsc.received()).singleElement().extracting(EmbeddedSmsc.ReceivedSms::text)
        .isEqualTo("Prix: 12€ [TTC] @ 10h_30 $ {ok} ~ | \\ ^ é à");
  }

  @Test
  void aTextOutsideTheGsmAlphabetGoesInUcs2AndArrivesIntact() {
    channel.send(PHONE, "Łódź ✓");

    assertThat(smsc.received()).singleElement().extracting(EmbeddedSmsc.ReceivedSms::text).isEqualTo("Łódź ✓");
  }

  @Test
  void textsLongerThanOneSmsGoWholeInTheMessagePayload() {
    String gsm = "Relance: " + "votre devis attend. ".repeat(12);
    String ucs2 = "Łódź: " + "votre devis attend ✓ ".repeat(5);

    channel.send(PHONE, gsm);
    channel.send(PHONE, ucs2);

    assertThat(smsc.received()).extracting(EmbeddedSmsc.ReceivedSms::text).containsExactly(gsm, ucs2);
  }

  @Test
  void oneBoundSessionCarriesSuccessiveSms() {
    String first = channel.send(PHONE, "one");
    String second = channel.send("+4915123456789", "two");

    assertThat(first).isNotEqualTo(second);
    assertThat(smsc.received()).extracting(EmbeddedSmsc.ReceivedSms::to)
        .containsExactly("33612345678", "4915123456789");
  }

  @Test
  void aNumberNotInE164FormIsRefusedAndNothingLeaves() {
    for (String wrong : new String[] {"0612345678", "+33 6 12 34 56 78", "+0612345678", "+33", "", null}) {
      assertThatThrownBy(() -> channel.send(wrong, "Deal won")).as(String.valueOf(wrong))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> channel.send(PHONE, "")).isInstanceOf(IllegalArgumentException.class);

    assertThat(smsc.received()).isEmpty();
  }

  @Test
  void aStoppedSmscIsUnavailableAndTheChannelBindsAgainWhenItIsBack() {
    channel.send(PHONE, "before");
    smsc.stop();

    assertThatThrownBy(() -> channel.send(PHONE, "during")).isInstanceOf(SmsUnavailableException.class)
        .hasMessageContaining("could not be reached or refused").hasCauseInstanceOf(Exception.class);
    SmsChannel neverBound = channelTo(smsc);
    assertThatThrownBy(() -> neverBound.send(PHONE, "during")).isInstanceOf(SmsUnavailableException.class);

    smsc.start();
    channel.send(PHONE, "after");
    assertThat(smsc.received()).extracting(EmbeddedSmsc.ReceivedSms::text).containsExactly("before", "after");
  }

  @Test
  void aCustomerReplyReachesTheSessionsBoundToReceive() throws Exception {
    CompletableFuture<DeliverSm> reply = new CompletableFuture<>();
    SMPPSession receiver = new SMPPSession();
    receiver.setMessageReceiverListener(new MessageReceiverListener() {
      @Override
      public void onAcceptDeliverSm(DeliverSm deliverSm) {
        reply.complete(deliverSm);
      }

      @Override
      public void onAcceptAlertNotification(AlertNotification alertNotification) {}

      @Override
      public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
        return null;
      }
    });
    try {
      receiver.connectAndBind(smsc.host(), smsc.port(), new BindParameter(BindType.BIND_TRX, "relais", "relais", "",
          TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 3_000);

      smsc.deliverReply(PHONE, "36180", "STOP");

      DeliverSm received = reply.get(5, TimeUnit.SECONDS);
      assertThat(received.getSourceAddr()).isEqualTo("33612345678");
      assertThat(received.getDestAddress()).isEqualTo("36180");
      assertThat(SmsChannel.decode(received.getDataCoding(), received.getShortMessage())).isEqualTo("STOP");
    } finally {
      receiver.unbindAndClose();
    }
  }
}
