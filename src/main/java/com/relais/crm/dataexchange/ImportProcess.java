package com.relais.crm.dataexchange;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one class of this module that talks to the engine's RuntimeService: it starts an import's background work. */
@Component
class ImportProcess {
  static final String KEY = "customer-import";
  static final String IMPORT_ID = "importId";
  static final String MORE_ROWS = "moreRows";

  private final RuntimeService runtimeService;

  ImportProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Starts in the caller's transaction: the staged rows and the first job commit together. */
  void start(long importId) {
    runtimeService.startProcessInstanceByKey(KEY, "import-" + importId, Map.of(IMPORT_ID, importId, MORE_ROWS, true));
  }
}
