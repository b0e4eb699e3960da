package com.relais.crm.aftersale;

import com.relais.crm.deal.DealKey;
import com.relais.crm.deal.FollowingStep;
import com.relais.crm.deal.DealVariables;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleStage;
import com.relais.crm.opportunity.SaleWon;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one class that starts the after-sale process (docs/architecture.md, rules). */
@Component
public class AfterSaleProcess {
  private static final Logger log = LoggerFactory.getLogger(AfterSaleProcess.class);

  private final RuntimeService runtimeService;
  private final AfterSaleTemplates templates;
  private final OpportunityService opportunities;

  AfterSaleProcess(RuntimeService runtimeService, AfterSaleTemplates templates, OpportunityService opportunities) {
    this.runtimeService = runtimeService;
    this.templates = templates;
    this.opportunities = opportunities;
  }

  /**
   * Synchronous, inside the engine transaction that wins the sale. A retried job finds the after-sale already
   * running and starts nothing; a deal without any applicable template gets no after-sale (logged). When the won
   * sale is completed by a person (a Tasklist user without start rights on after-sale), the start still happens:
   * it follows from the completion that person was allowed to make.
   */
  @EventListener
  @Order(2)
  void onSaleWon(SaleWon won) {
    FollowingStep.run(() -> startFor(won));
  }

  private void startFor(SaleWon won) {
    if (isRunning(won.opportunityId())) {
      log.info("After-sale of deal {} already runs", won.opportunityId());
      return;
    }
    var template = won.afterSaleTemplateId() == null
        ? templates.defaultTemplate()
        : templates.current(won.afterSaleTemplateId()).or(templates::defaultTemplate);
    template.ifPresentOrElse(t -> start(won.opportunityId(), t),
        () -> log.warn("Deal {} won without an after-sale: no active template applies", won.opportunityId()));
  }

  /**
   * On request: 404 for an unknown deal, 409 for a deal that is not won (after-sale follows a sale) and while one
   * runs, 400 when no template applies.
   */
  @Transactional
  public AfterSaleStarted startOnRequest(long opportunityId, Long templateId) {
    SaleStage stage = opportunities.get(opportunityId).getStage();
    if (stage != SaleStage.SALE_6_WON) {
      throw new ConflictException("Deal " + opportunityId + " is " + stage
          + ": only a won deal gets an after-sale");
    }
    if (isRunning(opportunityId)) {
      throw new ConflictException("An after-sale already runs for deal " + opportunityId);
    }
    AfterSaleTemplate template = (templateId == null ? templates.defaultTemplate() : templates.current(templateId))
        .orElseThrow(() -> new InvalidFieldException("templateId", templateId == null
            ? "templateId: there is no default template, name one"
            : "templateId: no active template " + templateId));
    return start(opportunityId, template);
  }

  public boolean isRunning(long opportunityId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(AfterSaleBpmn.PROCESS_KEY)
        .processInstanceBusinessKey(DealKey.of(opportunityId)).count() > 0;
  }

  private AfterSaleStarted start(long opportunityId, AfterSaleTemplate template) {
    Map<String, Object> variables = opportunities.processVariables(opportunityId);
    List<Map<String, Object>> tasks = new ArrayList<>();
    template.tasks().forEach(t -> tasks.add(t.toVariable()));
    // a copy, so that later edits of the template do not reach this instance
    variables.put(AfterSaleBpmn.TASKS, Variables.objectValue(tasks)
        .serializationDataFormat(SerializationDataFormats.JSON).create());
    variables.put(AfterSaleBpmn.TEMPLATE_ID, template.id());
    variables.put(AfterSaleBpmn.TEMPLATE_NAME, template.name());
    variables.put(AfterSaleBpmn.TEMPLATE_VERSION, template.version());
    var instance = runtimeService.startProcessInstanceByKey(AfterSaleBpmn.PROCESS_KEY,
        DealKey.of(opportunityId), variables);
    return new AfterSaleStarted(instance.getId(), opportunityId, template.id(), template.name(), template.version(),
        tasks.size());
  }
}
