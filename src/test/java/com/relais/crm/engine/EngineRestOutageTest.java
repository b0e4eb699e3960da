package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class EngineRestOutageTest {

  /** What CI saw: with the login remembered, the engine's transaction manager is the first to miss the database. */
  @Test
  void aTransactionThatCannotStartIsA503ProblemWithRetryAfter() {
    Response answer = new EngineRestOutage.AnyFault().toResponse(new CannotCreateTransactionException(
        "Could not open JPA EntityManager for transaction", new SQLTransientConnectionException("timed out")));

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(answer.getMediaType().toString()).isEqualTo("application/problem+json");
    String body = new String((byte[]) answer.getEntity(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"status\":503").contains("The database is unavailable").doesNotContain("properties");
  }

  @Test
  void anEngineExceptionCausedByALostConnectionIsA503Too() {
    Response answer = new EngineRestClientFaults.EngineFaults().toResponse(
        new ProcessEngineException("flush failed", new SQLTransientConnectionException("connection refused", "08001")));
    assertThat(answer.getStatus()).isEqualTo(503);
  }

  @Test
  void otherFailuresKeepCamundasAnswer() {
    assertThat(new EngineRestOutage.AnyFault().toResponse(new IllegalStateException("a bug")).getStatus())
        .isEqualTo(500);
    assertThat(EngineRestOutage.answer(new ProcessEngineException("ENGINE-09005 Could not parse"))).isEmpty();
  }
}
