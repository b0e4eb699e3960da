package com.relais.crm.platform;

/** A SQL {@code like} pattern for "contains these words", case-insensitive, with the wildcards of the input escaped. */
public final class LikePattern {
  /** The escape character the patterns use; pass it to {@code like ... escape}. */
  public static final char ESCAPE = '\\';

  private LikePattern() {}

  public static String containing(String q) {
    return "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
