package com.relais.crm.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/customer-import.bpmn alone: each batch is a job of its own (a save point), and the import ends when a
 * batch finds no rows left; a failing batch keeps its job to be retried rather than skipping rows.
 */
@Deployment(resources = "customer-import.bpmn")
class CustomerImportDiagramTest extends DiagramTest {
  @RegisterExtension
  static ProcessEngineExtension engine = diagramEngine();

  private int batches;
  private boolean failNext;

  @Override
  protected ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void mockTheBatches() {
    batches = 0;
    failNext = false;
    Mocks.register("importRows", (JavaDelegate) execution -> {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the database went away");
      }
      batches++;
      execution.setVariable("moreRows", batches < 3);
    });
  }

  private ProcessInstance started() {
    return runtimeService().startProcessInstanceByKey("customer-import", "import-" + key,
        withVariables("importId", 7L, "moreRows", true));
  }

  @Test
  void eachBatchIsItsOwnJobUntilNoRowsAreLeft() {
    ProcessInstance imported = started();
    for (int batch = 1; batch <= 3; batch++) {
      // nothing runs in the starter's transaction: the file's answer never waits for a batch
      BpmnAwareTests.assertThat(imported).isWaitingAt("serviceTask_importRows");
      execute(job(imported));
      assertThat(batches).isEqualTo(batch);
    }
    BpmnAwareTests.assertThat(imported).isEnded().hasPassed("endEvent_importDone");
  }

  @Test
  void aFailedBatchStaysToBeRetriedAndNoBatchIsSkipped() {
    ProcessInstance imported = started();
    execute(job(imported));
    failNext = true;
    try {
      execute(job(imported));
    } catch (RuntimeException expected) {
      // the job keeps its place with one retry less
    }
    BpmnAwareTests.assertThat(imported).isWaitingAt("serviceTask_importRows");
    assertThat(job(imported).getRetries()).isEqualTo(2);
    assertThat(batches).isEqualTo(1);
    execute(job(imported));
    execute(job(imported));
    assertThat(batches).isEqualTo(3);
    BpmnAwareTests.assertThat(imported).isEnded();
  }
}
