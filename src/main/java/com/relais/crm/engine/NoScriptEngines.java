package com.relais.crm.engine;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine gets no script engine for any language: a script that slipped past the deployment check (a decision
 * table, a diagram deployed before this check existed) fails instead of running.
 */
class NoScriptEngines implements ScriptEngineResolver {
  private final ScriptEngineManager none = new ScriptEngineManager(null);

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory factory) {
    // scripts are off: no engine is ever registered
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return none;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    throw new ProcessEngineException("Scripts are disabled in Relais CRM (language '" + language + "')");
  }
}
