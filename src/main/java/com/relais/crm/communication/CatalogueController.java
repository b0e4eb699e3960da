package com.relais.crm.communication;

import com.relais.crm.identity.StaffGroups;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/communication-types} and {@code /api/communication-statuses}: everyone reads them (forms offer the
 * active ones); only admins add, relabel, reorder or retire entries.
 */
abstract class CatalogueController {
  private static final String ADMINS = StaffGroups.ADMINS_ONLY;

  private final ExchangeCatalogue catalogue;
  private final CatalogueKind kind;
  private final String path;

  CatalogueController(ExchangeCatalogue catalogue, CatalogueKind kind, String path) {
    this.catalogue = catalogue;
    this.kind = kind;
    this.path = path;
  }

  @GetMapping
  List<CatalogueEntry> list(@RequestParam(defaultValue = "false") boolean withRetired) {
    return catalogue.list(kind, withRetired);
  }

  @GetMapping("/{code}")
  CatalogueEntry get(@PathVariable String code) {
    return catalogue.get(kind, code);
  }

  @PostMapping
  @PreAuthorize(ADMINS)
  ResponseEntity<CatalogueEntry> add(@Valid @RequestBody CatalogueEntryRequest request) {
    CatalogueEntry added = catalogue.add(kind, request);
    return ResponseEntity.created(URI.create(path + "/" + added.code())).body(added);
  }

  @PutMapping("/{code}")
  @PreAuthorize(ADMINS)
  CatalogueEntry change(@PathVariable String code, @Valid @RequestBody CatalogueEntryRequest request) {
    return catalogue.change(kind, code, request);
  }

  /** The exchange types, one path of its own so the API reference names it. */
  @RestController
  @RequestMapping(Types.PATH)
  static class Types extends CatalogueController {
    static final String PATH = "/api/communication-types";

    Types(ExchangeCatalogue catalogue) {
      super(catalogue, CatalogueKind.TYPE, PATH);
    }
  }

  /** The exchange statuses. */
  @RestController
  @RequestMapping(Statuses.PATH)
  static class Statuses extends CatalogueController {
    static final String PATH = "/api/communication-statuses";

    Statuses(ExchangeCatalogue catalogue) {
      super(catalogue, CatalogueKind.STATUS, PATH);
    }
  }
}
