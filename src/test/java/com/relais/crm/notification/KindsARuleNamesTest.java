package com.relais.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * An event is left out of the rules table only when no rule of the deployed version can name its kind: a table
 * whose "Event kind" column holds anything but plain values is asked at every event, as before.
 */
class KindsARuleNamesTest {
  private static final String SHIPPED_CELL = "<text>\"SUPPORT_CASE_OPENED\"</text>";

  @Test
  void theShippedTableNamesTheWinAndTheOpenedSupportCaseOnly() throws Exception {
    assertThat(KindsARuleNames.of(table(shipped()))).contains(Set.of("DEAL_WON", "SUPPORT_CASE_OPENED"));
  }

  @Test
  void aListOfKindsCountsEachOfThem() throws Exception {
    String table = shipped().replace(SHIPPED_CELL, "<text>\"SUPPORT_CASE_OPENED\", \"DEAL_LOST\"</text>");
    assertThat(KindsARuleNames.of(table(table))).contains(Set.of("DEAL_WON", "SUPPORT_CASE_OPENED", "DEAL_LOST"));
  }

  @Test
  void aRuleForAnyKindOrWithAnExpressionMeansEveryEventIsAsked() throws Exception {
    for (String cell : new String[] {"<text>-</text>", "<text></text>", "<text>not(\"DEAL_LOST\")</text>",
        "<text>starts with(?, \"DEAL\")</text>"}) {
      assertThat(KindsARuleNames.of(table(shipped().replace(SHIPPED_CELL, cell)))).as(cell).isEqualTo(Optional.empty());
    }
  }

  private static String shipped() throws Exception {
    String text = Files.readString(Path.of("processes/notification-rules.dmn"));
    assertThat(text).contains(SHIPPED_CELL);
    return text;
  }

  private static DmnDecision table(String xml) {
    return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
        .parseDecision(NotificationRules.DECISION, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
