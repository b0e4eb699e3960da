package com.relais.crm.engine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for decision tables (feel-scala, what the DMN engine uses by default), with every expression
 * parsed once instead of at every evaluation. A decision table's expressions are few and fixed per deployed version,
 * while the notification rules alone are asked at every event of every deal: before this, parsing was a fifth of the
 * time spent in FEEL (docs/performance.md). Evaluation, the variables offered to an expression and the errors are
 * Camunda's own: an expression that does not parse is not kept, and is handed to Camunda's engine, which reports it
 * as it always has.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {
  /** Far more than all deployed versions of all tables hold; past it the cache starts again rather than grow. */
  private static final int MOST_KEPT = 10_000;

  private final java.util.Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final java.util.Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders == null ? List.of() : functionProviders);
  }

  /** For a DMN engine configuration: {@code configuration.setFeelEngineFactory(ParsedOnceFeelEngine.factory(...))}. */
  public static FeelEngineFactory factory(List<FeelCustomFunctionProvider> functionProviders) {
    return () -> new ParsedOnceFeelEngine(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    if (parsed == null) {
      return super.evaluateSimpleExpression(expression, variables);
    }
    return (T) valueOf(feelEngine.eval(parsed, contextOf(new ContextVariableWrapper(variables))));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    if (parsed == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }
    // as Camunda's engine does: the tested input is named by a variable of its own, beside the others
    var input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
    Object value = valueOf(feelEngine.eval(parsed,
        contextOf(new CompositeVariableProvider(toScalaList(input, new ContextVariableWrapper(variables))))));
    return Boolean.TRUE.equals(value);
  }

  private ParsedExpression parsed(java.util.Map<String, ParsedExpression> cache, String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    ParsedExpression known = cache.get(expression);
    if (known != null) {
      return known;
    }
    if (!(parser.apply(expression) instanceof Right<Failure, ParsedExpression> right)) {
      return null;
    }
    if (cache.size() >= MOST_KEPT) {
      cache.clear();
    }
    cache.put(expression, right.value());
    return right.value();
  }

  private static CustomContext contextOf(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }

  private static Object valueOf(Either<Failure, Object> result) {
    if (result instanceof Left<Failure, Object> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }
}
