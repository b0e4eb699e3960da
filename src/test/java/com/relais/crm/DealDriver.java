package com.relais.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerCategory;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.opportunity.NewOpportunity;
import com.relais.crm.opportunity.OpportunityService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives deals through the real engine in process tests: opens them, completes tasks, waits for the job executor. */
@Component
public class DealDriver {
  private static final Duration JOB_WAIT = Duration.ofSeconds(30);

  private final CustomerService customers;
  private final OpportunityService opportunities;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  DealDriver(CustomerService customers, OpportunityService opportunities, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService) {
    this.customers = customers;
    this.opportunities = opportunities;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  public long openDeal(String customerName, String amount) {
    return openDeal(customerName, amount, "sales");
  }

  /** A deal owned by {@code owner}: whose results it counts for in reports. */
  public long openDeal(String customerName, String amount, String owner) {
    var customer = customers.create(new CustomerDetails(customerName, null, null, "5 quai des Docks, Marseille",
        CustomerCategory.PROSPECT, AcquisitionSource.REFERRAL, null, null, null, null));
    return opportunities.create(new NewOpportunity(customer.getId(), "Deal with " + customerName,
        new BigDecimal(amount), "EUR", owner, null)).getId();
  }

  public ProcessInstance instance(String processKey, long opportunityId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(Long.toString(opportunityId)).singleResult();
    if (instance == null) {
      throw new AssertionError("No running " + processKey + " for deal " + opportunityId);
    }
    return instance;
  }

  public Task task(long opportunityId, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(Long.toString(opportunityId))
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task %s of deal %d", taskKey, opportunityId).isNotNull();
    return task;
  }

  public void complete(long opportunityId, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(opportunityId, taskKey).getId(), variables);
    awaitJobs(opportunityId);
  }

  /** Wins a fresh deal up to the signature wait (stages 1 to 5). */
  public void negotiateToSignature(long id, String transport, boolean simplified) {
    complete(id, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
    complete(id, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
    complete(id, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
    complete(id, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", transport, "simplified", simplified));
    complete(id, "userTask_sendDeliveryNote", Map.of("deliveryNoteSent", true));
  }

  /** Wins a fresh deal and has the customer sign: the sale ends and its delivery starts. */
  public void winDeal(long id, String transport, boolean simplified) {
    negotiateToSignature(id, transport, simplified);
    runtimeService.correlateMessage("DeliveryNoteSigned", Long.toString(id));
    awaitJobs(id);
  }

  /**
   * Waits until the job executor has run every due job of this deal's processes. Two quiet readings in a row:
   * a job that ends one instance and starts the next (sale to delivery) may commit between the two queries of one.
   */
  public void awaitJobs(long opportunityId) {
    long deadline = System.nanoTime() + JOB_WAIT.toNanos();
    int quietReadings = 0;
    while (true) {
      long pending = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(Long.toString(opportunityId)).list().stream()
          .mapToLong(pi -> managementService.createJobQuery().processInstanceId(pi.getId()).executable().count())
          .sum();
      quietReadings = pending == 0 ? quietReadings + 1 : 0;
      if (quietReadings == 2) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(pending + " job(s) of deal " + opportunityId + " did not run within " + JOB_WAIT);
      }
      sleep();
    }
  }

  /**
   * Waits until the job executor has nothing due left, whoever's it is. The process-coverage listener exports what
   * it recorded when a test class ends, and its collector is not safe against the job executor adding to it at the
   * same moment (a ConcurrentModificationException failed a class once): the classes that report coverage wait for
   * a quiet engine after each test.
   */
  public void awaitQuietEngine() {
    long deadline = System.nanoTime() + JOB_WAIT.toNanos();
    int quietReadings = 0;
    while (quietReadings < 2 && System.nanoTime() < deadline) {
      quietReadings = managementService.createJobQuery().executable().count() == 0 ? quietReadings + 1 : 0;
      sleep();
    }
  }

  /** Moves the engine clock forward so timers fall due, then lets the job executor fire them. */
  public void passTime(long opportunityId, Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    awaitJobs(opportunityId);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
