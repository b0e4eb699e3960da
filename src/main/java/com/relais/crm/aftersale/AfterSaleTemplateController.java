package com.relais.crm.aftersale;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Everyone logged in reads the templates; only admins change them. */
@RestController
@RequestMapping("/api/after-sale-templates")
@Tag(name = "After-sale", description = "The follow-up work of a won deal, run from a versioned template: the"
    + " templates (admins change them), starting an after-sale, the running ones and the access grants they give.")
class AfterSaleTemplateController {
  static final String ADMINS = StaffGroups.ADMINS_ONLY;

  private final AfterSaleTemplates templates;

  AfterSaleTemplateController(AfterSaleTemplates templates) {
    this.templates = templates;
  }

  @GetMapping
  @Operation(summary = "List the active after-sale templates", description = "Everyone logged in; by name.")
  List<AfterSaleTemplate> list() {
    return templates.active();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one template version with its tasks", description = "Any version, active or not."
      + " Everyone logged in; 404 for an unknown id.")
  AfterSaleTemplate get(@PathVariable long id) {
    return templates.get(id);
  }

  @PostMapping
  @PreAuthorize(ADMINS)
  @Operation(summary = "Create an after-sale template", description = "A name and at least one task; each task needs"
      + " a candidateGroup or candidateUser and a dueOffset such as P3D (400 naming the field otherwise). A new"
      + " default template replaces the previous default. Answers 201. Admins only (403 for others).")
  ResponseEntity<AfterSaleTemplate> create(@Valid @RequestBody TemplateRequest request) {
    AfterSaleTemplate template = templates.create(request);
    return ResponseEntity.created(URI.create("/api/after-sale-templates/" + template.id())).body(template);
  }

  /** Answers the new version (a new id); the previous version stays readable, inactive. */
  @PutMapping("/{id}")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Save the next version of a template", description = "Answers the new version, with a new id;"
      + " the previous one stays readable but inactive, and running after-sales keep the tasks they copied. 404 when"
      + " the template has no active version. Admins only (403 for others).")
  AfterSaleTemplate update(@PathVariable long id, @Valid @RequestBody TemplateRequest request) {
    return templates.update(id, request);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Deactivate a template", description = "Its active version stops being offered and is no"
      + " longer the default; it stays readable. 404 when the template has no active version. Admins only (403 for"
      + " others).")
  AfterSaleTemplate deactivate(@PathVariable long id) {
    return templates.deactivate(id);
  }
}
