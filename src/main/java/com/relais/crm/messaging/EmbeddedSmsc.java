package com.relais.crm.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The quick start's SMSC: an SMPP 3.4 server in the service (jSMPP) on 127.0.0.1 and a free port, so a new user sees
 * the SMS Relais sends without an operator contract, and tests check them without a network. It accepts any account,
 * answers each submit_sm with a fresh message id and keeps the last {@value #KEEP} messages; it can also play a
 * customer's reply (deliver_sm) to the sessions bound to receive. Only in the demo and while {@code relais.sms.host}
 * is empty; with a host, SMS go to that SMSC, and without either no SMS leaves (they wait in the outbox). Not a real SMSC: nothing is delivered to a phone, no delivery receipts.
 */
@Component
@ConditionalOnExpression("'${relais.sms.host:}'.isBlank() and ${relais.demo.enabled:false}")
public class EmbeddedSmsc {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmsc.class);
  private static final String HOST = "127.0.0.1";
  private static final String SYSTEM_ID = "relais-smsc";
  private static final int KEEP = 1000;
  private static final long BIND_WAIT_MILLIS = 5_000;

  /** An SMS as the SMSC received it; {@code from} and {@code to} are the SMPP addresses, without '+'. */
  public record ReceivedSms(String from, String to, String text, String messageId, Instant at) {}

  /** The last {@value #KEEP} SMS, oldest first; guarded by itself. */
  private final Deque<ReceivedSms> received = new ArrayDeque<>();
  /** The open sessions, bound or still waiting for their bind: for the replies, and for {@link #stop()} to close. */
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final MessageIDGenerator messageIds = new RandomMessageIDGenerator();
  /** The listening port: 0 until the first start, then kept so a restart is found at the same address. */
  private volatile int port;
  /** Null while stopped; guarded by this for writes. */
  private volatile SMPPServerSessionListener listener;
  /** The thread accepting connections for {@link #listener}; guarded by this. */
  private Thread acceptor;

  /** Starts listening with the bean; the fault tests stop and start it again to play an SMSC outage. */
  @PostConstruct
  public synchronized void start() {
    if (listener != null) {
      return;
    }
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      port = socket.getLocalPort();
      SMPPServerSessionListener started = new SMPPServerSessionListener(port, on(socket));
      started.setMessageReceiverListener(new Receiver());
      started.setSessionStateListener(this::stateChanged);
      listener = started;
      acceptor = new Thread(() -> accept(started), "embedded-smsc-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
      log.info("SMS sink (in-process SMSC, SMPP 3.4) listening on {}:{}", HOST, port);
    } catch (IOException failure) {
      closeQuietly(socket);
      throw new IllegalStateException("The in-process SMSC could not listen on " + HOST + ":" + port, failure);
    }
  }

  /** jSMPP listens on all interfaces; this hands it the socket already bound to the loopback address. */
  private static ServerConnectionFactory on(ServerSocket socket) {
    return new ServerConnectionFactory() {
      @Override
      public ServerConnection listen(int ignoredPort) {
        return new ServerSocketConnection(socket);
      }

      @Override
      public ServerConnection listen(int ignoredPort, int timeout) throws IOException {
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
      }

      @Override
      public ServerConnection listen(int ignoredPort, int timeout, int ignoredBacklog) throws IOException {
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
      }
    };
  }

  private void accept(SMPPServerSessionListener from) {
    while (listener == from) {
      try {
        SMPPServerSession session = from.accept();
        if (listener != from) {
          // accepted while stop() was closing the socket: a stopped SMSC must not take a connection
          session.close();
          return;
        }
        sessions.add(session);
        Thread binder = new Thread(() -> awaitBind(session), "embedded-smsc-bind");
        binder.setDaemon(true);
        binder.start();
      } catch (IOException failure) {
        if (listener == from) {
          log.warn("In-process SMSC: accepting a connection failed", failure);
        }
      }
    }
  }

  /** Any system id and password will do; the bind is answered with the SMSC's own system id. */
  private void awaitBind(SMPPServerSession session) {
    try {
      // listed since it was accepted: jSMPP marks it bound before it answers, so a reply right after the bind finds it
      BindRequest bind = session.waitForBind(BIND_WAIT_MILLIS);
      bind.accept(SYSTEM_ID);
      log.debug("In-process SMSC: {} bound as {}", bind.getSystemId(), bind.getBindType());
    } catch (TimeoutException | IllegalStateException | PDUException | IOException failure) {
      log.debug("In-process SMSC: no bind on a new connection", failure);
      sessions.remove(session);
      session.close();
    }
  }

  private void stateChanged(SessionState newState, SessionState oldState, Session source) {
    if (newState == SessionState.UNBOUND || newState == SessionState.CLOSED) {
      sessions.remove(source);
    }
  }

  /**
   * Stops listening and closes every session; when it returns, a connection to the port is refused. Closing a socket
   * another thread waits on in accept() only takes effect when that thread wakes, and a connection can still be accepted
   * meanwhile (seen under load), so this waits for the acceptor, which closes what it accepted too late.
   */
  @PreDestroy
  public synchronized void stop() {
    SMPPServerSessionListener stopping = listener;
    listener = null;
    if (stopping != null) {
      try {
        stopping.close();
      } catch (IOException failure) {
        log.debug("In-process SMSC: closing the listener failed", failure);
      }
      awaitAcceptorEnd();
    }
    for (SMPPServerSession session : sessions) {
      session.close();
    }
    sessions.clear();
  }

  private void awaitAcceptorEnd() {
    try {
      acceptor.join(BIND_WAIT_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (acceptor.isAlive()) {
      log.warn("In-process SMSC: the thread accepting connections on port {} did not end", port);
    }
    acceptor = null;
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** The SMS received, oldest first. */
  public List<ReceivedSms> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public void clear() {
    synchronized (received) {
      received.clear();
    }
  }

  /**
   * Plays a customer's SMS to the service (a mobile-originated deliver_sm), e.g. "STOP", to every session bound as
   * receiver or transceiver; the transmitter session of {@link SmsChannel} does not receive.
   *
   * @param fromPhone the customer's number, E.164 with or without '+'
   * @param toShortCode the number the customer wrote to
   * @param text the customer's text
   */
  public void deliverReply(String fromPhone, String toShortCode, String text) {
    SmsChannel.Encoded body = SmsChannel.encode(text);
    String from = fromPhone.startsWith("+") ? fromPhone.substring(1) : fromPhone;
    int delivered = 0;
    for (SMPPServerSession session : sessions) {
      if (!session.getSessionState().isReceivable()) {
        continue;
      }
      try {
        session.deliverShortMessage(null, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, toShortCode, new ESMClass(), (byte) 0, (byte) 0,
            new RegisteredDelivery(), body.coding(), body.shortMessage(), body.optionalParameters());
        delivered++;
      } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException
          | IOException failure) {
        log.warn("In-process SMSC: a reply could not be delivered to session {}", session.getSessionId(), failure);
      }
    }
    if (delivered == 0) {
      log.info("In-process SMSC: no session bound to receive the reply from {}", from);
    }
  }

  private void record(ReceivedSms sms) {
    synchronized (received) {
      received.addLast(sms);
      while (received.size() > KEEP) {
        received.removeFirst();
      }
    }
  }

  private static String text(MessageRequest message) {
    byte[] octets = message.getShortMessage();
    if (octets == null || octets.length == 0) {
      OptionalParameter payload = message.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
      if (payload instanceof OptionalParameter.OctetString octetString) {
        octets = octetString.getValue();
      }
    }
    return SmsChannel.decode(message.getDataCoding(), octets);
  }

  private static void closeQuietly(ServerSocket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing more to free
      }
    }
  }

  private static ProcessRequestException unsupported(String operation) {
    return new ProcessRequestException("The in-process SMSC does not do " + operation,
        SMPPConstant.STAT_ESME_RINVCMDID);
  }

  /** submit_sm is recorded and answered; the rest of what an ESME may ask is refused. */
  private final class Receiver implements ServerMessageReceiverListener {
    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) {
      MessageId id = messageIds.newMessageId();
      record(new ReceivedSms(submit.getSourceAddr(), submit.getDestAddress(), text(submit), id.getValue(),
          Instant.now()));
      return new SubmitSmResult(id, new OptionalParameter[0]);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submit, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replace, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancel, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcast, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
      throw unsupported("data_sm");
    }
  }
}
