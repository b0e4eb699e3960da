package com.relais.crm.reporting;

import com.relais.crm.opportunity.PipelineFigures;
import com.relais.crm.platform.InvalidFieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast per month of expected close: the open pipeline, the pipeline weighted by each stage's probability
 * (processes/stage-probability.dmn), what was won in the month, the objectives and the attainment, and, for a month
 * that has begun, what the weekly snapshot said before it began, so a manager sees how good past forecasts were.
 */
@Service
public class Forecast {
  static final int MAX_MONTHS = 36;

  private final PipelineFigures pipeline;
  private final StageProbabilities probabilities;
  private final Objectives objectives;
  private final ForecastSnapshots snapshots;
  private final ManagedScope scope;
  private final ReportMonths months;

  Forecast(PipelineFigures pipeline, StageProbabilities probabilities, Objectives objectives,
      ForecastSnapshots snapshots, ManagedScope scope, ReportMonths months) {
    this.pipeline = pipeline;
    this.probabilities = probabilities;
    this.objectives = objectives;
    this.snapshots = snapshots;
    this.scope = scope;
    this.months = months;
  }

  public record Month(String month, long openDeals, BigDecimal pipeline, BigDecimal weighted, long wonDeals,
      BigDecimal won, BigDecimal objective, Double attainment, BigDecimal forecastAtStart, Double accuracy) {}

  public record Report(String from, String to, Long teamId, List<Month> months, long undatedDeals,
      BigDecimal undatedPipeline, Map<String, Double> stageProbabilities) {}

  @Transactional(readOnly = true)
  public Report report(String fromText, String toText, Long teamId) {
    YearMonth from = fromText == null ? months.current() : months.parse("from", fromText);
    YearMonth to = toText == null ? from.plusMonths(5) : months.parse("to", toText);
    if (to.isBefore(from)) {
      throw new InvalidFieldException("to", "to: not before from");
    }
    if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
      throw new InvalidFieldException("to", "to: at most " + MAX_MONTHS + " months after from");
    }
    return build(from, to, scope.owners(teamId), teamId);
  }

  /** The report for these owners, without a caller's scope (the weekly snapshot uses it). */
  Report build(YearMonth from, YearMonth to, List<String> owners, Long teamId) {
    var open = pipeline.openByCloseMonth(from.atDay(1), to.atEndOfMonth(), owners);
    Map<String, Double> weights = probabilities.of(open.stream().map(PipelineFigures.MonthStageTotal::stage).toList());
    var closed = pipeline.closedBetween(months.start(from), months.end(to), owners);
    List<Month> months = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      YearMonth m = month;
      long deals = 0;
      BigDecimal amount = BigDecimal.ZERO;
      BigDecimal weighted = BigDecimal.ZERO;
      for (var row : open) {
        if (row.year() == m.getYear() && row.month() == m.getMonthValue()) {
          deals += row.deals();
          amount = amount.add(row.amount());
          weighted = weighted.add(row.amount().multiply(BigDecimal.valueOf(weights.getOrDefault(row.stage(), 0.0))));
        }
      }
      var won = closed.stream().filter(c -> c.year() == m.getYear() && c.month() == m.getMonthValue()).findFirst();
      BigDecimal wonAmount = won.map(PipelineFigures.Closed::wonAmount).orElse(BigDecimal.ZERO);
      BigDecimal objective = objectives.of(m, owners).stream().map(Objectives.Objective::amountWon)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      Optional<BigDecimal> atStart = snapshots.weightedBefore(m, scope.teamKey(teamId),
          m.atDay(1));
      months.add(new Month(m.toString(), deals, money(amount), money(weighted), won.map(PipelineFigures.Closed::won)
          .orElse(0L), money(wonAmount), money(objective), ratio(wonAmount, objective),
          atStart.map(Forecast::money).orElse(null), atStart.map(f -> ratio(wonAmount, f)).orElse(null)));
    }
    long undatedDeals = open.stream().filter(r -> r.year() == 0).mapToLong(PipelineFigures.MonthStageTotal::deals).sum();
    BigDecimal undated = open.stream().filter(r -> r.year() == 0).map(PipelineFigures.MonthStageTotal::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Report(from.toString(), to.toString(), teamId, months, undatedDeals, money(undated),
        new java.util.TreeMap<>(weights));
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static Double ratio(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return null;
    }
    return part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
  }

  LocalDate today() {
    return months.today();
  }
}
