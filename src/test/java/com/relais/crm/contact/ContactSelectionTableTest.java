package com.relais.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/contact-selection.dmn on its own: made-up facts in, who is on the list, how urgently and why out. */
class ContactSelectionTableTest {
  private static DmnEngine dmn;
  private static DmnDecision table;

  @BeforeAll
  static void parseTheTable() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream xml = Files.newInputStream(Path.of("processes/contact-selection.dmn"))) {
      table = dmn.parseDecision(ContactPlanBpmn.SELECTION_DECISION, xml);
    }
  }

  private static Optional<ContactSelection.Pick> pick(CustomerFacts facts) {
    return new ContactSelection.Evaluator(answers -> dmn.evaluateDecisionTable(table, Variables.fromMap(answers)))
        .pick(facts);
  }

  private static CustomerFacts customer(String category, Integer daysSince) {
    return new CustomerFacts(category, daysSince, false, false, false, null, false, true);
  }

  @Test
  void aPromisedCallBackComesBeforeEverythingElse() {
    var facts = new CustomerFacts("KEY_ACCOUNT", 40, true, true, true, "Visit", true, true);
    assertThat(pick(facts)).contains(new ContactSelection.Pick(95, "Call-back promised for today"));
  }

  @Test
  void theReasonNamesWhatIsDueAndForHowLongTheCustomerWasNotContacted() {
    var due = new CustomerFacts("CUSTOMER", 3, false, false, true, "Quarterly visit", false, true);
    assertThat(pick(due)).contains(new ContactSelection.Pick(80, "Planned for today: Quarterly visit"));
    assertThat(pick(customer("KEY_ACCOUNT", 45)).map(ContactSelection.Pick::reason))
        .contains("Key account not contacted for 45 days");
  }

  @Test
  void customersAreOrderedByUrgency() {
    int support = pick(new CustomerFacts("PROSPECT", 2, false, true, false, null, false, false)).orElseThrow()
        .priority();
    int delivery = pick(new CustomerFacts("CUSTOMER", 2, true, false, false, null, false, false)).orElseThrow()
        .priority();
    int keyAccount = pick(customer("KEY_ACCOUNT", 31)).orElseThrow().priority();
    int newProspect = pick(customer("PROSPECT", null)).orElseThrow().priority();
    assertThat(support).isGreaterThan(delivery);
    assertThat(delivery).isGreaterThan(keyAccount);
    assertThat(keyAccount).isGreaterThan(newProspect);
  }

  @Test
  void customersWithNothingDueAreNotOnTheList() {
    assertThat(pick(customer("KEY_ACCOUNT", 10))).isEmpty();
    assertThat(pick(customer("PROSPECT", 3))).isEmpty();
    assertThat(pick(customer("INACTIVE", null))).isEmpty();
    // better terms are offered only to customers who agreed to hear from us
    assertThat(pick(new CustomerFacts("CUSTOMER", 120, false, false, false, null, false, false))).isEmpty();
    assertThat(pick(new CustomerFacts("CUSTOMER", 120, false, false, false, null, false, true))).isPresent();
  }

  @Test
  void theFactsAreTheTablesInputNames() {
    var variables = Variables.fromMap(customer("PARTNER", 61).asVariables());
    assertThat((Object) dmn.evaluateDecisionTable(table, variables).getFirstResult().getEntry("priority")).isNotNull();
  }
}
