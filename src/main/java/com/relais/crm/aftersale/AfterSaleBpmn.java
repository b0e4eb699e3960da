package com.relais.crm.aftersale;

/** Names shared between processes/after-sale.bpmn and the Java side. */
public final class AfterSaleBpmn {
  public static final String PROCESS_KEY = "after-sale";
  public static final String TASK_ACTIVITY = "userTask_afterSaleTask";

  /** The task definitions copied from the template at start (a JSON list of small maps). */
  public static final String TASKS = "afterSaleTasks";
  /** The multi-instance element variable: one task definition. */
  public static final String TASK = "afterSaleTask";
  public static final String TEMPLATE_ID = "afterSaleTemplateId";
  public static final String TEMPLATE_NAME = "afterSaleTemplateName";
  public static final String TEMPLATE_VERSION = "afterSaleTemplateVersion";

  private AfterSaleBpmn() {}
}
