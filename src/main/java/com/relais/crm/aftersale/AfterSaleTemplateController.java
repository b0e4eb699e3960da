package com.relais.crm.aftersale;

import com.relais.crm.identity.StaffGroups;
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
class AfterSaleTemplateController {
  static final String ADMINS = StaffGroups.ADMINS_ONLY;

  private final AfterSaleTemplates templates;

  AfterSaleTemplateController(AfterSaleTemplates templates) {
    this.templates = templates;
  }

  @GetMapping
  List<AfterSaleTemplate> list() {
    return templates.active();
  }

  @GetMapping("/{id}")
  AfterSaleTemplate get(@PathVariable long id) {
    return templates.get(id);
  }

  @PostMapping
  @PreAuthorize(ADMINS)
  ResponseEntity<AfterSaleTemplate> create(@Valid @RequestBody TemplateRequest request) {
    AfterSaleTemplate template = templates.create(request);
    return ResponseEntity.created(URI.create("/api/after-sale-templates/" + template.id())).body(template);
  }

  /** Answers the new version (a new id); the previous version stays readable, inactive. */
  @PutMapping("/{id}")
  @PreAuthorize(ADMINS)
  AfterSaleTemplate update(@PathVariable long id, @Valid @RequestBody TemplateRequest request) {
    return templates.update(id, request);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(ADMINS)
  AfterSaleTemplate deactivate(@PathVariable long id) {
    return templates.deactivate(id);
  }
}
