package com.relais.crm.bench;

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
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Baseline A': the bare engine. Same diagrams, decision tables and forms, same history level, authorizations, pool
 * size and job executor timing as the service, but every delegate and listener expression resolves to a no-op and
 * there are no CRM tables. Only {@code #{startDelivery}} does engine work: it starts the delivery, as the real one
 * does, so both runs walk the same path.
 */
final class BareEngine implements AutoCloseable {
  static final String[] NO_OP_BEANS = {"saleStageListener", "deliveryStageListener", "deliveryDecisionRecorder",
      "supportCaseRecorder", "openSupportCase", "closeSupportCase", "generateDeliveryNote", "requestSupport",
      "requestCarrierQuote", "issueDeliveryNote", "generateReceptionNote", "afterSaleTaskSetup",
      "afterSaleAccessGrant"};

  final ProcessEngine engine;
  private final HikariDataSource dataSource;

  BareEngine(String jdbcUrl, String user, String password, int poolSize, int jobWaitMillis, int jobMaxWaitMillis)
      throws Exception {
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
    config.setEnforceHistoryTimeToLive(true);
    config.setBeans(beans);
    config.setJobExecutor(jobExecutor);
    config.setJobExecutorActivate(true);
    config.setMetricsEnabled(true);
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

  /** The engine part of the real hand-over: start the delivery with the deal's variables. */
  static final class StartDelivery implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      Map<String, Object> variables = new HashMap<>();
      for (String name : new String[] {"opportunityId", "customerName", "opportunityTitle", "dealAmount", "currency"}) {
        variables.put(name, execution.getVariable(name));
      }
      Object transport = execution.getVariable("transport");
      variables.put("transport", transport == null ? "EXTERNAL" : transport);
      variables.put("simplified", Boolean.TRUE.equals(execution.getVariable("simplified")));
      variables.put("internalTransportCost", 250.0);
      variables.put("carrierQuote", null);
      execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey("delivery", execution.getProcessBusinessKey(), variables);
    }
  }
}
