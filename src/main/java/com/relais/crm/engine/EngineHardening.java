package com.relais.crm.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.spin.DataFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a hostile diagram or variable could do to the engine, switched off in one place:
 * <ul>
 *   <li>no scripts: a diagram with a script task, a script listener, a script input/output or a script condition is
 *       refused at deployment ({@link NoScriptsParseListener}), and no script engine is handed out at run time
 *       ({@link NoScriptEngines}), which also covers decision tables and anything deployed before;</li>
 *   <li>JSON object variables only of allowed types ({@link AllowListTypeValidator}), checked both when read and
 *       when written ({@link CheckedJsonObjectSerializer}): a variable naming {@code java.lang.ProcessBuilder} or a
 *       class that does not exist is refused before it is stored.</li>
 * </ul>
 * The decision variables keep their documented values at every task completion ({@link DecisionVariableGuard}); a
 * text variable too long for its column is refused as bad input ({@link LengthCheckedStrings}).
 * Java-serialized variables are off in application.yml ({@code javaSerializationFormatEnabled: false}).
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(EngineHardening.class);
  private static final String JSON_SERIALIZER = "spin://" + DataFormats.JSON_DATAFORMAT_NAME;

  private final List<DecisionVariables> decisionVariables;

  EngineHardening(List<DecisionVariables> decisionVariables) {
    this.decisionVariables = decisionVariables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new NoScriptsParseListener());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DecisionVariableGuard.Installer(new DecisionVariableGuard(decisionVariables)));
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(new AllowListTypeValidator());
  }

  /** After every plugin's postInit, so Spin's JSON serializer is registered and can be replaced in its place. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    VariableSerializers serializers = configuration.getVariableSerializers();
    TypedValueSerializer<?> spinJson = serializers.getSerializerByName(JSON_SERIALIZER);
    if (spinJson == null) {
      throw new IllegalStateException("Spin's JSON serializer is missing: JSON variables would not be checked");
    }
    int index = serializers.getSerializerIndex(spinJson);
    serializers.removeSerializer(spinJson);
    serializers.addSerializer(new CheckedJsonObjectSerializer(JSON_SERIALIZER, DataFormats.json()), index);
    TypedValueSerializer<?> strings = serializers.getSerializerByName(ValueType.STRING.getName());
    int stringIndex = serializers.getSerializerIndex(strings);
    serializers.removeSerializer(strings);
    serializers.addSerializer(new LengthCheckedStrings(), stringIndex);
    log.info("Engine hardened: scripts refused, JSON variables checked against the type allow-list on write, "
        + "text variables checked against their column's length");
  }
}
