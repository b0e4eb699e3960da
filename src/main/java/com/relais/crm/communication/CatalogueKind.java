package com.relais.crm.communication;

/** The two lists an admin extends: what kind of exchange it was, and where it stands. */
public enum CatalogueKind {
  TYPE("type"),
  STATUS("status");

  private final String field;

  CatalogueKind(String field) {
    this.field = field;
  }

  /** The request field that carries a code of this list, named in 400 answers. */
  String field() {
    return field;
  }
}
