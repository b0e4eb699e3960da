package com.relais.crm.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.platform.BodyReadAlready;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist sets a task's follow-up and due dates by sending the whole task back ({@code PUT .../task/{id}}),
 * including the {@code camundaFormRef} it was given. The engine's REST layer cannot read that field back (an
 * interface without a setter), so every date change on a task with a Camunda Form failed with an empty
 * {@code InvalidRequestException}: nobody could put a task into the Pending filter. The field is taken out of the
 * body before the engine reads it; the engine never updates it from this call anyway. Everything else is passed on
 * as it came, so a wrong body still gets the engine's own answer.
 */
@Component
class TaskUpdateFormRef extends OncePerRequestFilter {
  private static final Pattern TASK_UPDATE = Pattern.compile("/(camunda/api/engine/engine/[^/]+|engine-rest)/task/[^/]+/?");
  private static final String FORM_REF = "camundaFormRef";

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"PUT".equals(request.getMethod()) || !TASK_UPDATE.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    byte[] passed = body;
    try {
      JsonNode task = body.length == 0 ? null : json.readTree(body);
      if (task instanceof ObjectNode fields && fields.remove(FORM_REF) != null) {
        passed = json.writeValueAsBytes(fields);
      }
    } catch (IOException notJson) {
      // not ours to judge: the engine answers a malformed body itself
    }
    chain.doFilter(new BodyReadAlready(request, passed), response);
  }
}
