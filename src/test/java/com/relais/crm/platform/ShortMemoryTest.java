package com.relais.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a short memory promises its callers: a value read once per window, a change elsewhere seen after the window,
 * a change here seen at once, even by a reader that read the old value while the change was not yet committed.
 */
class ShortMemoryTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicReference<String> database = new AtomicReference<>("IN_APP");
  private final AtomicInteger reads = new AtomicInteger();
  private final ShortMemory<String, String> memory = new ShortMemory<>(Duration.ofSeconds(10), 100, now::get);

  private String read(String key) {
    reads.incrementAndGet();
    return database.get();
  }

  @AfterEach
  void endTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void aValueIsReadOncePerWindowAndAChangeElsewhereCountsAfterIt() {
    assertThat(memory.get("ada", this::read)).isEqualTo("IN_APP");
    database.set("EMAIL");
    now.addAndGet(Duration.ofSeconds(9).toNanos());

    assertThat(memory.get("ada", this::read)).as("within the window").isEqualTo("IN_APP");
    assertThat(reads).hasValue(1);

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(memory.get("ada", this::read)).as("after the window").isEqualTo("EMAIL");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aForgottenKeyIsReadAgainAtOnceAndTheOthersAreKept() {
    memory.get("ada", this::read);
    memory.get("bob", this::read);
    database.set("EMAIL");

    memory.forget("ada");

    assertThat(memory.get("ada", this::read)).isEqualTo("EMAIL");
    assertThat(memory.get("bob", this::read)).isEqualTo("IN_APP");
    assertThat(reads).hasValue(3);
  }

  @Test
  void anOldValueReadWhileTheChangeWasUncommittedIsForgottenAtTheCommit() {
    TransactionSynchronizationManager.initSynchronization();
    memory.forget("ada"); // the change's transaction, not committed yet
    memory.get("ada", this::read); // another reader, still seeing the old value, remembers it
    database.set("EMAIL"); // the change commits

    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

    assertThat(memory.get("ada", this::read)).isEqualTo("EMAIL");
  }

  @Test
  void aZeroWindowRemembersNothing() {
    ShortMemory<String, String> none = new ShortMemory<>(Duration.ZERO, 100, now::get);

    none.get("ada", this::read);
    none.get("ada", this::read);

    assertThat(reads).hasValue(2);
  }

  @Test
  void aFullMemoryStartsAfreshInsteadOfGrowing() {
    ShortMemory<String, String> small = new ShortMemory<>(Duration.ofSeconds(10), 2, now::get);
    small.get("ada", this::read);
    small.get("bob", this::read);
    small.get("cyd", this::read); // full: emptied, then cyd kept

    small.get("cyd", this::read);
    small.get("ada", this::read);

    assertThat(reads).as("cyd remembered, ada read again").hasValue(4);
  }

  @Test
  void aReadThatFoundNothingIsAskedAgainNextTime() {
    database.set(null); // a wrong password: never remembered, so the next try reaches the engine again

    assertThat(memory.get("ada", this::read)).isNull();
    database.set("IN_APP");
    assertThat(memory.get("ada", this::read)).isEqualTo("IN_APP");
    assertThat(reads).hasValue(2);
  }
}
