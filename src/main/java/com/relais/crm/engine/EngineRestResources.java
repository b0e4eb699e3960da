package com.relais.crm.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The /engine-rest application: Camunda's resources plus our answers to bad input. The starter backs off its own
 * resource config when this bean exists (the documented way to add JAX-RS providers to the engine's REST API).
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestResources extends CamundaJerseyResourceConfig {
  private final EngineRestOutage outage;

  EngineRestResources(ObjectMapper json) {
    this.outage = new EngineRestOutage(json);
  }

  @Override
  protected void registerAdditionalResources() {
    register(new EngineRestClientFaults.EngineFaults(outage));
    register(new EngineRestClientFaults.RestFaults(outage));
    register(new EngineRestOutage.AnyFault(outage));
  }
}
