package com.relais.crm.engine;

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
  @Override
  protected void registerAdditionalResources() {
    register(EngineRestClientFaults.EngineFaults.class);
    register(EngineRestClientFaults.RestFaults.class);
    register(EngineRestOutage.AnyFault.class);
  }
}
