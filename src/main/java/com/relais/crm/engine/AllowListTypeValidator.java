package com.relais.crm.engine;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.runtime.WhitelistingDeserializationTypeValidator;

/**
 * The types a JSON object variable may name. Unlike the engine's default (which allows all of {@code java.lang},
 * {@code java.lang.ProcessBuilder} included), only plain values and collections: our variables are ids, decisions
 * and the after-sale task list (a list of maps). {@code deserializationAllowedClasses} and
 * {@code deserializationAllowedPackages} engine properties add to it.
 */
class AllowListTypeValidator implements WhitelistingDeserializationTypeValidator {
  static final Set<String> PLAIN_TYPES = Set.of(
      "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte",
      "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
      "java.lang.Number", "java.math.BigDecimal", "java.math.BigInteger",
      "java.util.ArrayList", "java.util.Arrays$ArrayList", "java.util.LinkedList", "java.util.List",
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Map",
      "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Set");

  private final Set<String> allowedClasses = new HashSet<>(PLAIN_TYPES);
  private final Set<String> allowedPackages = new HashSet<>();

  @Override
  public void setAllowedClasses(String classes) {
    split(classes, allowedClasses);
  }

  @Override
  public void setAllowedPackages(String packages) {
    split(packages, allowedPackages);
  }

  @Override
  public boolean validate(String className) {
    if (className == null || className.isBlank()) {
      return false;
    }
    if (allowedClasses.contains(className)) {
      return true;
    }
    int lastDot = className.lastIndexOf('.');
    String pkg = lastDot < 0 ? "" : className.substring(0, lastDot);
    return allowedPackages.stream().anyMatch(allowed -> pkg.equals(allowed) || pkg.startsWith(allowed + "."));
  }

  private static void split(String list, Set<String> into) {
    if (list == null) {
      return;
    }
    for (String item : list.split(",")) {
      if (!item.isBlank()) {
        into.add(item.strip());
      }
    }
  }
}
