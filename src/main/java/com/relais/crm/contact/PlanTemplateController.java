package com.relais.crm.contact;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plan-templates")
@Tag(name = "Work plans")
class PlanTemplateController {
  private final PlanTemplates templates;

  PlanTemplateController(PlanTemplates templates) {
    this.templates = templates;
  }

  @GetMapping
  @Operation(summary = "The templates that fill work plans ahead, per customer category")
  List<PlanTemplates.Template> list() {
    return templates.list();
  }

  @PostMapping
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: add a template", description = "category, kind, title, everyMonths (1 to 24)")
  ResponseEntity<PlanTemplates.Template> add(@RequestBody PlanTemplates.TemplateRequest request) {
    var template = templates.add(request);
    return ResponseEntity.created(URI.create("/api/plan-templates/" + template.id())).body(template);
  }

  @PatchMapping("/{id}")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: change a template's title or period, or retire it (active: false)")
  PlanTemplates.Template change(@PathVariable long id, @RequestBody PlanTemplates.TemplateRequest request) {
    return templates.change(id, request);
  }
}
