package com.relais.crm.customer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The forms in which two records of one person are recognised as the same: an e-mail in lower case, a phone number
 * in E.164 ({@code +33123456789}), a name without case, accents, punctuation or repeated spaces. Used to find
 * duplicates (an import, a sign-up) and kept on the customer row so that the look-up is an index read.
 */
public final class ContactKeys {
  /** Numbers written without a country code are taken as French (the company's country), the trunk 0 dropped. */
  static final String DEFAULT_COUNTRY_CODE = "33";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("^\\+?[0-9 ()./-]+$");

  private ContactKeys() {}

  public static String email(String email) {
    return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** The name as two writings of it compare: "Atelier  Dupont-Frères" and "atelier dupont freres" are one. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String key = NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return key.isEmpty() ? null : key;
  }

  /**
   * The number in E.164, or empty when it cannot be one: "+33 1 23 45 67 89", "0033 1 23 45 67 89" and
   * "01 23 45 67 89" are all {@code +33123456789}. Seven to fifteen digits after the country's.
   */
  public static Optional<String> phone(String phone) {
    if (phone == null || phone.isBlank() || !PHONE_CHARACTERS.matcher(phone.strip()).matches()) {
      return Optional.empty();
    }
    String trimmed = phone.strip();
    String digits = trimmed.replaceAll("[^0-9]", "");
    String international;
    if (trimmed.startsWith("+")) {
      international = digits;
    } else if (digits.startsWith("00")) {
      international = digits.substring(2);
    } else if (digits.startsWith("0")) {
      international = DEFAULT_COUNTRY_CODE + digits.substring(1);
    } else {
      return Optional.empty();
    }
    if (international.length() < 8 || international.length() > 15 || international.startsWith("0")) {
      return Optional.empty();
    }
    return Optional.of("+" + international);
  }
}
