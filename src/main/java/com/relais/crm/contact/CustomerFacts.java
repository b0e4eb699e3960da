package com.relais.crm.contact;

import java.util.HashMap;
import java.util.Map;

/**
 * What the selection table (processes/contact-selection.dmn) knows of one customer on one day. The names are the
 * table's input expressions: an analyst who adds a column reads them here.
 */
record CustomerFacts(
    String category,
    Integer daysSinceLastContact,
    boolean deliveryUnderway,
    boolean openSupportCase,
    boolean planItemDue,
    String planItemTitle,
    boolean callBackToday,
    boolean marketingConsent) {

  boolean neverContacted() {
    return daysSinceLastContact == null;
  }

  Map<String, Object> asVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("category", category);
    variables.put("daysSinceLastContact", daysSinceLastContact);
    variables.put("neverContacted", neverContacted());
    variables.put("deliveryUnderway", deliveryUnderway);
    variables.put("openSupportCase", openSupportCase);
    variables.put("planItemDue", planItemDue);
    variables.put("planItemTitle", planItemTitle == null ? "" : planItemTitle);
    variables.put("callBackToday", callBackToday);
    variables.put("marketingConsent", marketingConsent);
    return variables;
  }
}
