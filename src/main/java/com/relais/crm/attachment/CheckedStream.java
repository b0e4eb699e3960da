package com.relais.crm.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes the bytes as they stream to the store, and fails as soon as they pass the limit: an oversized
 * upload is cut off there instead of being read to its end. A failure to read the upload itself (cut short,
 * malformed, the client gone) is told apart from a failure of the store by {@link #unreadable}.
 */
final class CheckedStream extends FilterInputStream {
  /** Thrown through the S3 client, which wraps it; found again by {@link #isCause}. */
  static final class LimitExceeded extends IOException {
    LimitExceeded(long limit) {
      super("more than " + limit + " bytes");
    }
  }

  /** The upload could not be read to its end; thrown through the S3 client like {@link LimitExceeded}. */
  static final class Unreadable extends IOException {
    Unreadable(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final long limit;
  private final MessageDigest digest;
  private long count;

  CheckedStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (LimitExceeded e) {
      throw e;
    } catch (IOException e) {
      throw new Unreadable(e);
    }
    if (n > 0) {
      seen(n);
      digest.update(buffer, offset, n);
    }
    return n;
  }

  // skipping would let bytes past the count and the hash
  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)]);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void seen(int n) throws LimitExceeded {
    count += n;
    if (count > limit) {
      throw new LimitExceeded(limit);
    }
  }

  long count() {
    return count;
  }

  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  static boolean isCause(Throwable failure) {
    return find(failure, LimitExceeded.class) != null;
  }

  /** The read failure of the upload itself behind {@code failure}, or null when something else failed. */
  static Unreadable unreadable(Throwable failure) {
    return find(failure, Unreadable.class);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
