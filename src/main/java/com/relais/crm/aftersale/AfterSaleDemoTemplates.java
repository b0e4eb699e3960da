package com.relais.crm.aftersale;

import com.relais.crm.identity.StaffGroups;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The quick start's two after-sale templates; idempotent: a template that exists by name is left alone. */
@Component
@ConditionalOnProperty(name = "relais.demo.enabled", havingValue = "true")
class AfterSaleDemoTemplates implements InitializingBean {
  static final String STANDARD = "Standard follow-up";
  static final String KEY_ACCOUNT = "Key account";
  /** The default template's tasks; the benchmark's bare engine starts its after-sale with the same. */
  static final List<TaskDefinition> STANDARD_TASKS = List.of(
      new TaskDefinition("Installation", "Install the delivered goods at the customer's site.", StaffGroups.LOGISTICS, null,
          "P3D", null),
      new TaskDefinition("Training", "Train the customer's staff.", StaffGroups.SALES, null, "P7D", "P5D"),
      new TaskDefinition("Satisfaction call", "Call the customer and record how satisfied they are.", StaffGroups.SALES,
          null, "P14D", "P10D"));

  private final AfterSaleTemplates templates;

  AfterSaleDemoTemplates(AfterSaleTemplates templates) {
    this.templates = templates;
  }

  @Override
  public void afterPropertiesSet() {
    ensure(new TemplateRequest(STANDARD, true, STANDARD_TASKS));
    ensure(new TemplateRequest(KEY_ACCOUNT, false, List.of(
        new TaskDefinition("Kick-off meeting", "Meet the customer's project lead with the account manager.",
            StaffGroups.MANAGERS, null, "P2D", null),
        new TaskDefinition("Installation", "Install the delivered goods at the customer's site.", StaffGroups.LOGISTICS, null,
            "P3D", null),
        new TaskDefinition("Training", "Train the customer's staff.", StaffGroups.SALES, null, "P7D", "P5D"),
        new TaskDefinition("Quarterly review", "Review the first quarter of use with the customer.", StaffGroups.MANAGERS,
            null, "P90D", "P80D"))));
  }

  private void ensure(TemplateRequest request) {
    if (!templates.existsByName(request.name())) {
      templates.create(request);
    }
  }
}
