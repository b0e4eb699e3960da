package com.relais.crm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The latest version of a table the CRM asks itself is remembered for a few seconds, yet a version deployed on this
 * node counts from the very next question (an analyst who deploys from the Modeler sees it at once).
 */
@HttpTest
class DecisionTablesTest {
  @Autowired DecisionTables tables;
  @Autowired RepositoryService repositoryService;

  @Test
  void aVersionDeployedHereCountsFromTheNextQuestion() throws Exception {
    DmnDecision before = tables.latest("stage-probability");
    assertThat(tables.latest("stage-probability")).as("asked again at once: the remembered version")
        .isSameAs(before);

    String table = Files.readString(Path.of("processes/stage-probability.dmn"));
    repositoryService.createDeployment().name("stage probabilities, redeployed")
        .addString("stage-probability.dmn", table).deploy();

    DmnDecision after = tables.latest("stage-probability");
    assertThat(after).as("the new version, not the remembered one").isNotSameAs(before);
    assertThat(tables.latest("stage-probability")).isSameAs(after);
  }
}
