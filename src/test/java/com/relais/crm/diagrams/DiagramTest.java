package com.relais.crm.diagrams;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A diagram alone on an in-memory engine without Spring (diagram-engine.cfg.xml): the CRM's beans are mocks, so a
 * change of a diagram is checked in seconds. The full-context tests check the same flows with the real beans.
 */
abstract class DiagramTest {
  /** Each concrete test class registers its own (a static extension shared by classes loses its engine). */
  static ProcessEngineExtension diagramEngine() {
    return ProcessEngineExtension.builder().configurationResource("diagram-engine.cfg.xml").build();
  }

  protected abstract ProcessEngineExtension engine();

  /** Each test gets its own deal, so an instance another test left behind never answers its messages. */
  protected String key;

  @BeforeEach
  void useThisEngine() {
    // the Spring tests' engine runs in the same JVM: the assertions must use this one
    BpmnAwareTests.init(engine().getProcessEngine());
    ClockUtil.reset();
    key = UUID.randomUUID().toString();
  }

  @AfterEach
  void resetEngineState() {
    AbstractAssertions.reset();
    DiagramMocks.reset();
    ClockUtil.reset();
  }

  /** Moves the engine clock, so timers fall due when their job is executed. */
  protected static void passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }
}
