package com.relais.crm.messaging;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * SMS over SMPP 3.4 (jSMPP), the protocol every operator and SMS aggregator speaks: the outbox hands it a phone
 * number and a text after commit, and it submits them to the SMSC of {@link SmsProperties}, or to the in-process
 * {@link EmbeddedSmsc} of the quick start when no host is set. One transmitter session is kept bound and reused, since
 * binding costs a round trip and SMSCs limit how many binds an account may hold; it is bound again when it was lost.
 * Texts go in the GSM 7-bit alphabet when they can (160 characters in one SMS), else in UCS-2 (70 characters); longer
 * texts go whole in the message_payload parameter and the SMSC splits them.
 */
@Component
public class SmsChannel {
  private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);
  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  /** Octets of short_message in one SMS: 160 unpacked GSM septets or 70 UCS-2 characters. */
  private static final int GSM_SINGLE_OCTETS = 160;
  private static final int UCS2_SINGLE_OCTETS = 140;
  /** The length of a TLV is two octets. */
  private static final int MAX_PAYLOAD_OCTETS = 0xFFFF;
  private static final DataCoding GSM = new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
  private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);
  private static final OptionalParameter[] NO_PARAMETERS = new OptionalParameter[0];

  private final SmsProperties properties;
  private final Supplier<InetSocketAddress> smsc;
  /** The bound session, or null before the first SMS and after a failure; guarded by this. */
  private SMPPSession session;

  @Autowired
  SmsChannel(SmsProperties properties, ObjectProvider<EmbeddedSmsc> embedded) {
    this(properties, () -> target(properties, embedded));
  }

  /** For tests: {@code smsc} says where to connect, asked again at each bind. */
  SmsChannel(SmsProperties properties, Supplier<InetSocketAddress> smsc) {
    this.properties = properties;
    this.smsc = smsc;
  }

  /** Where the SMSC is now (the inbox binds there too); throws when none is configured. */
  InetSocketAddress smsc() {
    return smsc.get();
  }

  SmsProperties properties() {
    return properties;
  }

  private static InetSocketAddress target(SmsProperties properties, ObjectProvider<EmbeddedSmsc> embedded) {
    if (!properties.embedded()) {
      return InetSocketAddress.createUnresolved(properties.host().trim(), properties.port());
    }
    EmbeddedSmsc local = embedded.getIfAvailable();
    if (local == null) {
      throw new IllegalStateException("No SMSC configured: set SMPP_HOST (the in-process one runs in the demo only)");
    }
    return InetSocketAddress.createUnresolved(local.host(), local.port());
  }

  /**
   * Submits one SMS and returns the message id the SMSC gave it.
   *
   * @param phoneE164 the recipient, in E.164 form ({@code +33612345678})
   * @param text the text; one SMS up to 160 GSM or 70 UCS-2 characters, longer ones are split by the SMSC
   * @throws IllegalArgumentException if the number is not E.164 or the text is empty or too long for SMPP
   * @throws SmsUnavailableException if the SMSC could not be reached, did not answer or refused
   */
  public String send(String phoneE164, String text) {
    if (phoneE164 == null || !E164.matcher(phoneE164).matches()) {
      throw new IllegalArgumentException("Not a phone number in E.164 form (+ and 7 to 15 digits): " + phoneE164);
    }
    Encoded body = encode(text);
    synchronized (this) {
      InetSocketAddress target = null;
      try {
        target = smsc.get();
        SMPPSession bound = boundSession(target);
        SubmitSmResult result = bound.submitShortMessage(null,
            TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, properties.sender(),
            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, phoneE164.substring(1),
            new ESMClass(), (byte) 0, (byte) 0, null, null, new RegisteredDelivery(), (byte) 0,
            body.coding(), (byte) 0, body.shortMessage(), body.optionalParameters());
        return result.getMessageId();
      } catch (NegativeResponseException refused) {
        // the session is fine, only this message was refused
        throw unavailable(target, refused);
      } catch (IOException | PDUException | ResponseTimeoutException | InvalidResponseException
          | RuntimeException failure) {
        discard();
        throw unavailable(target, failure);
      }
    }
  }

  private static SmsUnavailableException unavailable(InetSocketAddress target, Exception cause) {
    String where = target == null ? "" : " at " + target.getHostString() + ":" + target.getPort();
    return new SmsUnavailableException("The SMSC" + where + " could not be reached or refused the SMS: "
        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
  }

  /** The kept session when it is still bound to send, else a new one bound to {@code target}; caller holds this. */
  private SMPPSession boundSession(InetSocketAddress target) throws IOException {
    if (session != null && session.getSessionState().isTransmittable()) {
      return session;
    }
    discard();
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
    SMPPSession fresh = new SMPPSession((host, port) -> connect(host, port, timeoutMillis));
    fresh.setTransactionTimer(timeoutMillis);
    try {
      String smscId = fresh.connectAndBind(target.getHostString(), target.getPort(),
          new BindParameter(BindType.BIND_TX, properties.systemId(), properties.password(), "",
              TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
          timeoutMillis);
      log.info("SMS: bound as transmitter to SMSC {} at {}:{}", smscId, target.getHostString(), target.getPort());
    } catch (IOException | RuntimeException failure) {
      closeQuietly(fresh);
      throw failure;
    }
    session = fresh;
    return fresh;
  }

  /** A socket with a connect timeout: jSMPP's default factory would wait as long as the system does. */
  private static SocketConnection connect(String host, int port, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return new SocketConnection(socket);
    } catch (IOException failure) {
      socket.close();
      throw failure;
    }
  }

  /** Drops the kept session, so the next SMS binds again; caller holds this. */
  private void discard() {
    if (session != null) {
      closeQuietly(session);
      session = null;
    }
  }

  private static void closeQuietly(SMPPSession closing) {
    try {
      closing.close();
    } catch (RuntimeException failure) {
      log.debug("SMS: closing a session failed", failure);
    }
  }

  @PreDestroy
  synchronized void close() {
    if (session != null) {
      session.unbindAndClose();
      session = null;
    }
  }

  /** A text as SMPP carries it: its data coding, and its octets in short_message or in message_payload. */
  record Encoded(DataCoding coding, byte[] shortMessage, OptionalParameter[] optionalParameters) {}

  /** GSM 7-bit when every character has a place in it, else UCS-2 (UTF-16BE, so characters beyond the BMP too). */
  static Encoded encode(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("An SMS needs a text");
    }
    byte[] gsm = Gsm7.encode(text);
    DataCoding coding = gsm != null ? GSM : UCS2;
    byte[] octets = gsm != null ? gsm : text.getBytes(StandardCharsets.UTF_16BE);
    int single = gsm != null ? GSM_SINGLE_OCTETS : UCS2_SINGLE_OCTETS;
    if (octets.length <= single) {
      return new Encoded(coding, octets, NO_PARAMETERS);
    }
    if (octets.length > MAX_PAYLOAD_OCTETS) {
      throw new IllegalArgumentException("SMS text too long: " + text.length() + " characters");
    }
    return new Encoded(coding, new byte[0], new OptionalParameter[] {new OptionalParameter.Message_payload(octets)});
  }

  /** The text an SMPP message carries, in short_message or else in message_payload, read by its data coding. */
  static String decode(byte dataCoding, byte[] octets) {
    if (octets == null || octets.length == 0) {
      return "";
    }
    return switch (dataCoding & 0xFF) {
      case 0x00 -> Gsm7.decode(octets);
      case 0x01 -> new String(octets, StandardCharsets.US_ASCII);
      case 0x08 -> new String(octets, StandardCharsets.UTF_16BE);
      default -> new String(octets, StandardCharsets.ISO_8859_1);
    };
  }

  /**
   * The GSM 03.38 default alphabet and its extension table, one septet per octet (unpacked), which is how SMPP
   * carries data coding 0. The JDK has no charset for it.
   */
  static final class Gsm7 {
    private static final int ESCAPE = 0x1B;
    /** Position = septet; the escape position holds a character no text is expected to have. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "\f^{}\\[~]|€";
    private static final byte[] EXTENDED_SEPTETS = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private Gsm7() {}

    /** The septets of {@code text}, or null when a character is not in the alphabet. */
    static byte[] encode(String text) {
      ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
        if (basic >= 0) {
          septets.write(basic);
          continue;
        }
        int extended = EXTENDED.indexOf(c);
        if (extended < 0) {
          return null;
        }
        septets.write(ESCAPE);
        septets.write(EXTENDED_SEPTETS[extended]);
      }
      return septets.toByteArray();
    }

    static String decode(byte[] septets) {
      StringBuilder text = new StringBuilder(septets.length);
      for (int i = 0; i < septets.length; i++) {
        int septet = septets[i] & 0x7F;
        if (septet != ESCAPE) {
          text.append(BASIC.charAt(septet));
        } else if (i + 1 < septets.length) {
          int next = septets[++i] & 0x7F;
          text.append(extended(next));
        }
      }
      return text.toString();
    }

    private static char extended(int septet) {
      for (int i = 0; i < EXTENDED_SEPTETS.length; i++) {
        if (EXTENDED_SEPTETS[i] == septet) {
          return EXTENDED.charAt(i);
        }
      }
      // GSM 03.38: an escape before an unknown code shows the basic character
      return septet == ESCAPE ? ' ' : BASIC.charAt(septet);
    }
  }
}
