package com.relais.crm.delivery;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.FollowingStep;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleWon;
import com.relais.crm.platform.ConflictException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one class that starts and signals the delivery process, and completes its reception task for a reception
 * signed on a phone (docs/architecture.md, rules).
 */
@Component
public class DeliveryProcess {
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final DeliveryService deliveries;
  private final OpportunityService opportunities;
  private final DeliveryProperties properties;

  DeliveryProcess(RuntimeService runtimeService, TaskService taskService, DeliveryService deliveries,
      OpportunityService opportunities, DeliveryProperties properties) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.deliveries = deliveries;
    this.opportunities = opportunities;
    this.properties = properties;
  }

  /**
   * A won deal's delivery starts under the same business key. Synchronous on purpose: it joins the engine
   * transaction of the win, so the win and the delivery commit together (see {@link SaleWon}).
   */
  @EventListener
  @Order(1)
  void onSaleWon(SaleWon won) {
    FollowingStep.run(() -> start(won.opportunityId(), won.transport(), won.simplified()));
  }

  /** Starts the delivery of a won deal once: a retried step finds the delivery already there. */
  @Transactional
  public void start(long opportunityId, String transport, boolean simplified) {
    if (deliveries.find(opportunityId).isPresent()) {
      return;
    }
    deliveries.open(opportunityId, transport, simplified);
    Map<String, Object> variables = opportunities.processVariables(opportunityId);
    variables.put(DeliveryBpmn.TRANSPORT, transport);
    variables.put(DeliveryBpmn.SIMPLIFIED, simplified);
    variables.put(DeliveryBpmn.INTERNAL_TRANSPORT_COST, properties.internalTransportCost().doubleValue());
    variables.put(DeliveryBpmn.CARRIER_QUOTE, null);
    runtimeService.startProcessInstanceByKey(DeliveryBpmn.PROCESS_KEY, DealKey.of(opportunityId),
        variables);
  }

  /**
   * Hands the carrier's quote to the delivery waiting for it. The same quote twice is acknowledged once; a delivery
   * not waiting for a quote (internal transport, timed out, finished) is a conflict.
   *
   * @return false when this quote had already been received
   */
  @Transactional
  public boolean receiveQuote(long opportunityId, BigDecimal quote) {
    // The engine is asked first and the delivery row read after (acceptQuote, 404 for an unknown deal): the step
    // that enters the wait updates that row too, and a row read before the question lost its update at commit
    // (an optimistic-lock 409) whenever the quote arrived while that step was committing.
    String key = DealKey.of(opportunityId);
    boolean waiting = runtimeService.createExecutionQuery()
        .processDefinitionKey(DeliveryBpmn.PROCESS_KEY).processInstanceBusinessKey(key)
        .messageEventSubscriptionName(DeliveryBpmn.MESSAGE_CARRIER_QUOTE_RECEIVED).count() > 0;
    if (!deliveries.acceptQuote(opportunityId, quote)) {
      return false;
    }
    if (!waiting) {
      throw new ConflictException("The delivery of deal " + opportunityId + " is not waiting for a carrier quote");
    }
    runtimeService.createMessageCorrelation(DeliveryBpmn.MESSAGE_CARRIER_QUOTE_RECEIVED)
        .processInstanceBusinessKey(key)
        .setVariable(DeliveryBpmn.CARRIER_QUOTE, quote.doubleValue())
        .correlate();
    return true;
  }

  /**
   * A deal's reception task while it is open, and who may complete it. The engine's queries here run without the
   * caller's authorizations (no engine login on /api, the staff app or the public pages), so who may is said by
   * {@link #mayBeRecordedBy}, Tasklist's own rule.
   */
  public record OpenReception(String taskId, String assignee, Set<String> candidateUsers,
      Set<String> candidateGroups) {

    /** Whether Tasklist lets this person complete the task: its assignee, a candidate (user or group), an admin. */
    public boolean mayBeRecordedBy(String user, Set<String> groups) {
      if (groups.contains(StaffGroups.ADMIN) || groups.stream().anyMatch(candidateGroups::contains)) {
        return true;
      }
      return user != null && (user.equals(assignee) || candidateUsers.contains(user));
    }
  }

  /**
   * Makes the courier whose approved round carries this delivery a candidate of its reception task: they may then
   * record it, on Tasklist or with the customer on site (the reception link), and read the deal. Nothing when the
   * delivery is not (yet, or any more) at its reception.
   */
  public void letCourierRecordReception(long opportunityId, String courier) {
    openReception(opportunityId).ifPresent(reception -> taskService.addCandidateUser(reception.taskId(), courier));
  }

  /** The deal's reception task, while the delivery waits at it; nothing before it is reached and after it is done. */
  public Optional<OpenReception> openReception(long opportunityId) {
    Task task = taskService.createTaskQuery().processDefinitionKey(DeliveryBpmn.PROCESS_KEY)
        .processInstanceBusinessKey(DealKey.of(opportunityId)).taskDefinitionKey(DeliveryBpmn.RECEPTION_TASK)
        .active().singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    return Optional.of(new OpenReception(task.getId(), task.getAssignee(), Set.copyOf(users), Set.copyOf(groups)));
  }

  /**
   * Completes the deal's reception task with the variables its Tasklist form sets ({@code receptionOutcome}, and
   * {@code receptionComment} when there is one), so the gateway, the delivery record and a refusal's support case
   * read the same values whichever way the reception was recorded. Runs as the caller: from the public reception
   * page that is nobody, so the engine checks no authorization and the stage history says "system", as for a
   * delivery note signed through the e-signature provider.
   *
   * @return false when the delivery does not wait for its reception (not reached yet, or recorded already): nothing
   *     changed
   * @throws ConflictException when the task was completed in Tasklist meanwhile (the caller's transaction rolls back)
   */
  @Transactional
  public boolean recordReception(long opportunityId, String outcome, String comment) {
    Optional<OpenReception> reception = openReception(opportunityId);
    if (reception.isEmpty()) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(DeliveryBpmn.RECEPTION_OUTCOME, outcome);
    if (comment != null && !comment.isBlank()) {
      variables.put(DeliveryBpmn.RECEPTION_COMMENT, comment);
    }
    try {
      taskService.complete(reception.get().taskId(), variables);
    } catch (OptimisticLockingException | NullValueException recordedMeanwhile) {
      throw new ConflictException("The reception of deal " + opportunityId + " was recorded meanwhile");
    }
    return true;
  }
}
