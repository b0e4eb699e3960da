package com.relais.crm.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_takeSnapshot: keeps this week's forecast, to compare with what is won later. */
@Component("takeForecastSnapshot")
class TakeForecastSnapshot implements JavaDelegate {
  private final ForecastSnapshots snapshots;
  private final Forecast forecast;

  TakeForecastSnapshot(ForecastSnapshots snapshots, Forecast forecast) {
    this.snapshots = snapshots;
    this.forecast = forecast;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("snapshotRows", snapshots.take(forecast));
  }
}
