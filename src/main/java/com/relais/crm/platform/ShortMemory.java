package com.relais.crm.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database and kept for a short window, for reads repeated many times a second whose source
 * changes rarely (a person's notification preferences, the groups of someone told of an event). An entry older than
 * the window is read again, so a change made where this memory cannot hear of it (another node, the Admin webapp)
 * counts within the window; a change made on this node calls {@link #forget}, and counts at once. A window of zero
 * remembers nothing, nor does a read that found nothing (null), so an absence is always asked again (a wrong password).
 * Bounded: emptied when full, the cheapest fair eviction for entries that are cheap to read again.
 *
 * @param <K> what a value is found by
 * @param <V> the value; kept and handed out as it is, so it should be immutable
 */
public final class ShortMemory<K, V> {
  private record Entry<V>(V value, long expiresAtNanos) {}

  private final long windowNanos;
  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public ShortMemory(Duration window, int maxEntries) {
    this(window, maxEntries, System::nanoTime);
  }

  /** For tests: {@code nanoClock} stands for {@link System#nanoTime()}. */
  ShortMemory(Duration window, int maxEntries, LongSupplier nanoClock) {
    this.windowNanos = window.toNanos();
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  /**
   * The value remembered for {@code key} if read within the window, else what {@code read} says now, kept unless it
   * is null.
   */
  public V get(K key, Function<? super K, ? extends V> read) {
    if (windowNanos <= 0) {
      return read.apply(key);
    }
    long now = nanoClock.getAsLong();
    Entry<V> known = entries.get(key);
    if (known != null && now - known.expiresAtNanos() < 0) {
      return known.value();
    }
    V value = read.apply(key);
    if (value == null) {
      entries.remove(key);
      return null;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, now + windowNanos));
    return value;
  }

  /**
   * Forgets {@code key} now and, inside a transaction, again when it has ended: until the change commits, a reader in
   * another transaction still reads the old value and may remember it.
   */
  public void forget(K key) {
    entries.remove(key);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          entries.remove(key);
        }
      });
    }
  }

  /** How many values are remembered now (some perhaps past their window). */
  public int size() {
    return entries.size();
  }

  /** Forgets everything, now and again when the current transaction has ended (see {@link #forget}). */
  public void forgetAll() {
    entries.clear();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          entries.clear();
        }
      });
    }
  }
}
