package com.relais.crm.document;

public enum DocumentKind {
  DELIVERY_NOTE("Delivery note", "delivery-note"),
  RECEPTION_NOTE("Reception note", "reception-note");

  final String title;
  final String fileStem;

  DocumentKind(String title, String fileStem) {
    this.title = title;
    this.fileStem = fileStem;
  }
}
