package com.relais.crm.contact;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the contact plan (relais.contact-plan in application.yml; docs/operations.md lists them). */
@ConfigurationProperties("relais.contact-plan")
record ContactPlanProperties(
    /** The company's time zone: what "today" and the deadline mean. */
    @DefaultValue("Europe/Paris") ZoneId zone,
    /** A contact still open at this time of its day goes to the team's manager. */
    @DefaultValue("17:00") LocalTime deadline,
    /** Contacts one person gets on one day at most. */
    @DefaultValue("25") int dailyCap,
    /** Days without a plan besides weekends. */
    List<LocalDate> holidays,
    /** Team members in one of these groups get contacts; the others (couriers, finance) do not. */
    @DefaultValue("sales") Set<String> contactGroups,
    /** Added to the priority of a customer carried over from a missed contact. */
    @DefaultValue("10") int carryOverBoost,
    /** Contacts started per transaction: no transaction holds thousands of tasks. */
    @DefaultValue("100") int startBatchSize,
    /** A done contact fulfils a plan item due up to this many days later (a call made early still counts). */
    @DefaultValue("14") int fulfilDaysAhead,
    /** Templates create the next item of a plan once it falls due within this many days. */
    @DefaultValue("31") int templateHorizonDays) {

  ContactPlanProperties {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    if (dailyCap < 1 || startBatchSize < 1) {
      throw new IllegalArgumentException("relais.contact-plan.daily-cap and start-batch-size must be at least 1");
    }
  }
}
