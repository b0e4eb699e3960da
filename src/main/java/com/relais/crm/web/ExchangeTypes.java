package com.relais.crm.web;

import com.relais.crm.communication.CatalogueEntry;
import com.relais.crm.communication.CatalogueKind;
import com.relais.crm.communication.ExchangeCatalogue;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The exchange types a person may pick now, and the three the page offers as one-tap buttons. */
@Component
class ExchangeTypes {
  /** Call, note and meeting: what a salesperson logs most, in two taps (the type, then save). */
  static final List<String> QUICK = List.of("CALL", "NOTE", "MEETING");

  private final ExchangeCatalogue catalogue;

  ExchangeTypes(ExchangeCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  List<CatalogueEntry> selectable() {
    return catalogue.list(CatalogueKind.TYPE, false);
  }

  /** The quick ones still in the catalogue (an analyst may have retired one). */
  List<CatalogueEntry> quick() {
    Set<String> active = Set.copyOf(selectable().stream().map(CatalogueEntry::code).toList());
    return selectable().stream().filter(t -> QUICK.contains(t.code()) && active.contains(t.code())).toList();
  }
}
