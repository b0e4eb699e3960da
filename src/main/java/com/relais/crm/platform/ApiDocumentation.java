package com.relais.crm.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reference at /v3/api-docs: what the document says about the API as a whole, and the error answers that
 * every /api operation may give ({@link ProblemResponses}), which the controllers do not repeat on each method.
 */
@Configuration
class ApiDocumentation {
  private static final String BASIC_AUTH = "basicAuth";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  private static final String DESCRIPTION = "The CRM's records (customers, deals, exchanges, attachments,"
      + " after-sale) live under /api, behind HTTP Basic with the same users and passwords as Tasklist. Errors are"
      + " application/problem+json (RFC 9457), with errors[].field naming each bad field of a 400, and lists are"
      + " paged with page (from 0), size and sort (sort=name,asc). The engine's own REST API at /engine-rest is"
      + " documented by Camunda.";

  /** Only a change can conflict with the record's current state. */
  private static final Set<PathItem.HttpMethod> WRITES =
      Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

  private record ProblemAnswer(String status, String description, boolean writesOnly) {}

  private static final List<ProblemAnswer> PROBLEM_ANSWERS = List.of(
      new ProblemAnswer("400", "Bad input: the body names the fields", false),
      new ProblemAnswer("401", "No or wrong login", false),
      new ProblemAnswer("403", "Not allowed for your groups", false),
      new ProblemAnswer("404", "No such record, or one you may not see", false),
      new ProblemAnswer("409", "Conflicts with the record's current state", true),
      new ProblemAnswer("503", "The database or file store is unavailable; retry later (Retry-After)", false));

  @Bean
  OpenAPI relaisOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Relais CRM API").version("1").description(DESCRIPTION))
        .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("The users and passwords of Tasklist (the engine's identity service)")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
  }

  /**
   * Adds the error answers a client must handle to every /api operation, keeping any an operation declares itself.
   * The Problem schema is added here rather than in the bean above: springdoc drops component schemas that nothing
   * refers to before it calls the customizers.
   */
  @Bean
  OpenApiCustomizer problemAnswers() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      openApi.getPaths().forEach((path, item) -> {
        if (path.equals("/api") || path.startsWith("/api/")) {
          item.readOperationsMap().forEach((method, operation) -> addProblems(operation, WRITES.contains(method)));
        }
      });
    };
  }

  private static void addProblems(Operation operation, boolean write) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    ApiResponses responses = operation.getResponses();
    for (ProblemAnswer answer : PROBLEM_ANSWERS) {
      if ((write || !answer.writesOnly()) && !responses.containsKey(answer.status())) {
        responses.addApiResponse(answer.status(), problemAnswer(answer.description()));
      }
    }
  }

  private static ApiResponse problemAnswer(String description) {
    Schema<Object> problem = new Schema<>();
    problem.set$ref("#/components/schemas/" + PROBLEM);
    return new ApiResponse().description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
  }

  /** What Spring's ProblemDetail writes, plus the {@code errors} that {@link ProblemResponses} adds on a 400. */
  private static Schema<Object> problemSchema() {
    Schema<Object> error = schema("object", "One wrong field");
    error.addProperty("field", schema("string", "The field as the request names it, such as tasks[1].dueOffset"));
    error.addProperty("message", schema("string", "What is wrong with it"));
    Schema<Object> errors = schema("array", "The wrong fields (a 400 on bad input)");
    errors.setItems(error);

    Schema<Object> type = schema("string", "A URI naming the kind of problem; about:blank when the status says all");
    type.setFormat("uri");
    Schema<Object> status = schema("integer", "The HTTP status");
    status.setFormat("int32");
    Schema<Object> instance = schema("string", "The path of the request that failed");
    instance.setFormat("uri");

    Schema<Object> problem = schema("object", "An error, as application/problem+json (RFC 9457)");
    problem.addProperty("type", type);
    problem.addProperty("title", schema("string", "A short summary of the kind of problem"));
    problem.addProperty("status", status);
    problem.addProperty("detail", schema("string", "What went wrong, in a sentence a person can act on"));
    problem.addProperty("instance", instance);
    problem.addProperty("errors", errors);
    return problem;
  }

  /** Sets both {@code type} (OpenAPI 3.0) and {@code types} (3.1, springdoc's default), so either version has it. */
  private static Schema<Object> schema(String type, String description) {
    Schema<Object> schema = new Schema<>();
    schema.setType(type);
    schema.addType(type);
    schema.setDescription(description);
    return schema;
  }
}
