package com.relais.crm.bench;

import com.relais.crm.aftersale.AfterSaleBpmn;
import com.relais.crm.aftersale.BenchAfterSale;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Baseline A': the bare engine. Same diagrams, decision tables and forms, authorizations, pool size and job executor
 * timing as the service, and history level full whatever the service runs (its own level {@code relais} unless
 * {@code bench.history} says otherwise): the Spring Boot starter's default, which issue 21 measures against (the
 * engine's own default is audit). Every delegate and listener expression resolves to a no-op and
 * there are no CRM tables. Two beans do the engine work the real ones do, so both runs walk the same process
 * instances: {@code #{startDelivery}} starts the delivery and the after-sale of the default template (the service
 * starts the after-sale from the same hand-over), and {@code #{afterSaleTaskSetup}} is the real create listener of
 * after-sale tasks (names, candidate groups, due dates: engine work only).
 */
final class BareEngine implements AutoCloseable {
  static final String[] NO_OP_BEANS = {"saleStageListener", "deliveryStageListener", "deliveryDecisionRecorder",
      "supportCaseRecorder", "openSupportCase", "closeSupportCase", "generateDeliveryNote", "requestSupport",
      "requestCarrierQuote", "issueDeliveryNote", "generateReceptionNote", "afterSaleAccessGrant",
      "stageCommentRecorder", "afterSaleTemplateChoices", "winNeedsTransport", "sendSignatureLink",
      "sendReceptionLink",
      // the contact plan's: deployed with the rest, never run by the deal scenarios
      "checkCalendar", "buildContactPlan", "startContactBatch", "contactTaskCreated", "contactOutcomeCheck",
      "recordContact", "escalateContact", "applyMissedDecision",
      "scheduleCampaign", "rejectCampaign", "sendCampaignBatch", "markCampaignSent", "closeCampaign", "importRows",
      "takeForecastSnapshot", "monthJustEnded", "buildMonthlyReport", "mailMonthlyReport",
      // the couriers' rounds
      "takeRouteDay", "planRounds", "recordRoundsDecision"};

  final ProcessEngine engine;
  private final HikariDataSource dataSource;

  BareEngine(String jdbcUrl, String user, String password, int poolSize, int jobWaitMillis, int jobMaxWaitMillis,
      ProcessEnginePlugin arrivals) throws Exception {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    pool.setAutoCommit(false);
    pool.setPoolName("bare-engine");
    dataSource = new HikariDataSource(pool);

    Map<Object, Object> beans = new HashMap<>();
    Object noOp = new NoOp();
    for (String name : NO_OP_BEANS) {
      beans.put(name, noOp);
    }
    beans.put("startDelivery", new StartDelivery());
    beans.put("afterSaleTaskSetup", BenchAfterSale.taskSetup());

    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(jobWaitMillis);
    jobExecutor.setMaxWait(jobMaxWaitMillis);

    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bare-baseline");
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setAuthorizationEnabled(true);
    config.setJavaSerializationFormatEnabled(false);
    config.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
    config.setEnforceHistoryTimeToLive(true);
    // as the Spring Boot starter does for the service: ids without a round trip to the database
    config.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
    config.setBeans(beans);
    config.setJobExecutor(jobExecutor);
    config.setJobExecutorActivate(true);
    config.setMetricsEnabled(true);
    // Spin: the after-sale's task list is a JSON variable, as in the service
    config.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
    config.getProcessEnginePlugins().add(arrivals);
    engine = config.buildProcessEngine();

    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench-baseline");
    for (String pattern : new String[] {"classpath*:*.bpmn", "classpath*:*.dmn", "classpath*:*.form"}) {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (var in = resource.getInputStream()) {
          deployment.addString(resource.getFilename(), new String(in.readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    deployment.deploy();
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }

  static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}
  }

  /** The engine part of the real hand-over: start the delivery and the after-sale with the deal's variables. */
  static final class StartDelivery implements JavaDelegate {
    private static final String[] DEAL_VARIABLES = {"opportunityId", "customerName", "opportunityTitle", "dealAmount",
        "currency"};

    @Override
    public void execute(DelegateExecution execution) {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      Map<String, Object> delivery = dealVariables(execution);
      Object transport = execution.getVariable("transport");
      delivery.put("transport", transport == null ? "EXTERNAL" : transport);
      delivery.put("simplified", Boolean.TRUE.equals(execution.getVariable("simplified")));
      delivery.put("internalTransportCost", 250.0);
      delivery.put("carrierQuote", null);
      runtime.startProcessInstanceByKey("delivery", execution.getProcessBusinessKey(), delivery);

      Map<String, Object> afterSale = dealVariables(execution);
      afterSale.put(AfterSaleBpmn.TASKS, Variables.objectValue(BenchAfterSale.standardTasks())
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      afterSale.put(AfterSaleBpmn.TEMPLATE_ID, 1L);
      afterSale.put(AfterSaleBpmn.TEMPLATE_NAME, "Standard follow-up");
      afterSale.put(AfterSaleBpmn.TEMPLATE_VERSION, 1);
      runtime.startProcessInstanceByKey(AfterSaleBpmn.PROCESS_KEY, execution.getProcessBusinessKey(), afterSale);
    }

    private static Map<String, Object> dealVariables(DelegateExecution execution) {
      Map<String, Object> variables = new HashMap<>();
      for (String name : DEAL_VARIABLES) {
        variables.put(name, execution.getVariable(name));
      }
      return variables;
    }
  }
}
