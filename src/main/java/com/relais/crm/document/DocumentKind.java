package com.relais.crm.document;

public enum DocumentKind {
  DELIVERY_NOTE("Delivery note", "delivery-note"),
  RECEPTION_NOTE("Reception note", "reception-note"),
  /** The delivery note as the customer signed it online: stamped, then digitally signed (PAdES). */
  DELIVERY_NOTE_SIGNED("Signed delivery note", "delivery-note-signed");

  final String title;
  final String fileStem;

  DocumentKind(String title, String fileStem) {
    this.title = title;
    this.fileStem = fileStem;
  }

  /** The kind of this document's signed copy; only the delivery note is signed online so far. */
  DocumentKind signedCopy() {
    if (this != DELIVERY_NOTE) {
      throw new IllegalArgumentException("A " + title.toLowerCase() + " is not signed online");
    }
    return DELIVERY_NOTE_SIGNED;
  }
}
