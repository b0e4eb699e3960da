package com.relais.crm.document;

public enum DocumentKind {
  DELIVERY_NOTE("Delivery note", "delivery-note"),
  RECEPTION_NOTE("Reception note", "reception-note"),
  /** The delivery note as the customer signed it online: stamped, then digitally signed (PAdES). */
  DELIVERY_NOTE_SIGNED("Signed delivery note", "delivery-note-signed"),
  /** The reception note as signed on a phone at delivery, accepted or refused (the outcome is printed on it). */
  RECEPTION_NOTE_SIGNED("Signed reception note", "reception-note-signed");

  final String title;
  final String fileStem;

  DocumentKind(String title, String fileStem) {
    this.title = title;
    this.fileStem = fileStem;
  }

  /** The kind of this document's signed copy: the two notes a customer signs online have one. */
  DocumentKind signedCopy() {
    return switch (this) {
      case DELIVERY_NOTE -> DELIVERY_NOTE_SIGNED;
      case RECEPTION_NOTE -> RECEPTION_NOTE_SIGNED;
      default -> throw new IllegalArgumentException("A " + title.toLowerCase() + " is not signed online");
    };
  }
}
