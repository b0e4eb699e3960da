package com.relais.crm.reporting;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the monthly report (relais.monthly-report in application.yml; docs/operations.md lists them). */
@ConfigurationProperties("relais.monthly-report")
record MonthlyReportProperties(
    /** The company's time zone: where a month starts and ends, and which month is the current one. */
    @DefaultValue("Europe/Paris") ZoneId zone,
    /** The service's address as managers reach it: the mail's link to the PDF starts with it. */
    @DefaultValue("http://localhost:8080") String publicUrl) {

  MonthlyReportProperties {
    publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
