package com.relais.crm.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an erasure takes out of free text: every occurrence of a person's name, e-mail address or phone number,
 * whatever its case, becomes {@value #ERASED}. Each module that keeps a copy of such text in its own rows applies it
 * there, so one rule decides what "mentions the person" means everywhere. Values shorter than
 * {@value #SHORTEST} characters are left out: a two-letter name would erase half of every sentence.
 */
public final class Mentions {
  /** What an erased value or mention reads as afterwards. */
  public static final String ERASED = "[erased]";
  static final int SHORTEST = 3;

  private final List<String> words;
  private final Pattern pattern;

  private Mentions(List<String> words) {
    this.words = words;
    // the longest first, so that "Anna Marchetti" is replaced whole before a shorter value could match inside it
    this.pattern = words.isEmpty() ? null : Pattern.compile(words.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|")),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The person's values as they are held (null or blank ones are skipped). */
  public static Mentions of(Collection<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && value.strip().length() >= SHORTEST && !value.strip().equals(ERASED)) {
        kept.add(value.strip());
      }
    }
    return new Mentions(List.copyOf(kept));
  }

  public List<String> words() {
    return words;
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  public boolean foundIn(String text) {
    return text != null && pattern != null && pattern.matcher(text).find();
  }

  /** The text with every mention replaced; the same text (null stays null) when it mentions nothing. */
  public String erasedFrom(String text) {
    if (!foundIn(text)) {
      return text;
    }
    return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(ERASED));
  }

  /**
   * One SQL pattern per value, for {@code lower(column) like ? escape '\'}: a cheap first filter before the rows it
   * keeps are read and checked with {@link #foundIn}.
   */
  public List<String> likePatterns() {
    return words.stream().map(word -> LikePattern.containing(word.toLowerCase(Locale.ROOT))).toList();
  }
}
