package com.relais.crm.attachment;

import java.text.Normalizer;

/** The user's file name made harmless: it is shown and sent back in Content-Disposition, never used as a path. */
final class FileNames {
  static final int MAX_LENGTH = 200;
  private static final String FALLBACK = "file";

  private FileNames() {}

  static String sanitise(String original) {
    if (original == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(original, Normalizer.Form.NFC);
    // browsers send C:\path\name on some systems; keep the last part only, whatever the separator
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"<>|*?:]", "");
    name = name.strip().replaceAll("^\\.+", "");
    if (name.length() > MAX_LENGTH) {
      String extension = extensionOf(name);
      int keep = MAX_LENGTH - extension.length() - (extension.isEmpty() ? 0 : 1);
      name = name.substring(0, keep) + (extension.isEmpty() ? "" : "." + extension);
    }
    return name.isBlank() ? FALLBACK : name;
  }

  /** Lower-case extension without the dot; empty when there is none (or it is implausibly long). */
  static String extensionOf(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1 || name.length() - dot > 11) {
      return "";
    }
    return name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
