package com.relais.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in HTTP tests for what the job executor, the outbox or a mailbox poller does after a request: the probe is
 * asked again until its answer is right or a minute has passed, and then the test fails saying what it last saw.
 */
public final class Eventually {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private Eventually() {}

  public static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < until) {
      pause();
      value = probe.get();
    }
    assertThat(done.test(value)).as("in time: " + value).isTrue();
    return value;
  }

  public static <T> T eventuallyPresent(Supplier<T> probe) {
    return eventually(probe, Objects::nonNull);
  }

  public static void eventuallyTrue(BooleanSupplier done) {
    eventually(done::getAsBoolean, Boolean::booleanValue);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
