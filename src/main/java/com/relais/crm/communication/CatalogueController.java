package com.relais.crm.communication;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
  @Operation(summary = "List the entries of this catalogue", description = "Everyone logged in. The active entries in"
      + " their order; withRetired=true adds the retired ones.")
  List<CatalogueEntry> list(@RequestParam(defaultValue = "false") boolean withRetired) {
    return catalogue.list(kind, withRetired);
  }

  @GetMapping("/{code}")
  @Operation(summary = "Read one entry by its code", description = "Everyone logged in; 404 for an unknown code.")
  CatalogueEntry get(@PathVariable String code) {
    return catalogue.get(kind, code);
  }

  @PostMapping
  @PreAuthorize(ADMINS)
  @Operation(summary = "Add an entry", description = "code is 2 to 40 capital letters, digits or _ and never changes"
      + " afterwards. A status must have an outcome (OPEN, DONE or CANCELLED), a type must not. Without a position"
      + " the entry goes to the end. 409 when the code exists already. Admins only (403 for others).")
  ResponseEntity<CatalogueEntry> add(@Valid @RequestBody CatalogueEntryRequest request) {
    CatalogueEntry added = catalogue.add(kind, request);
    return ResponseEntity.created(URI.create(path + "/" + added.code())).body(added);
  }

  @PutMapping("/{code}")
  @PreAuthorize(ADMINS)
  @Operation(summary = "Relabel, reorder, retire or bring back an entry", description = "The code cannot change. A"
      + " built-in entry cannot be retired and a built-in status keeps its outcome (400). A retired entry stays on"
      + " the exchanges that carry it. 404 for an unknown code. Admins only (403 for others).")
  CatalogueEntry change(@PathVariable String code, @Valid @RequestBody CatalogueEntryRequest request) {
    return catalogue.change(kind, code, request);
  }

  /** The exchange types, one path of its own so the API reference names it. */
  @RestController
  @RequestMapping(Types.PATH)
  @Tag(name = "Exchange catalogue", description = "The types and statuses an exchange can take. Everyone logged in"
      + " reads them; only admins add, relabel, reorder or retire entries.")
  static class Types extends CatalogueController {
    static final String PATH = "/api/communication-types";

    Types(ExchangeCatalogue catalogue) {
      super(catalogue, CatalogueKind.TYPE, PATH);
    }
  }

  /** The exchange statuses. */
  @RestController
  @RequestMapping(Statuses.PATH)
  @Tag(name = "Exchange catalogue", description = "The types and statuses an exchange can take. Everyone logged in"
      + " reads them; only admins add, relabel, reorder or retire entries.")
  static class Statuses extends CatalogueController {
    static final String PATH = "/api/communication-statuses";

    Statuses(ExchangeCatalogue catalogue) {
      super(catalogue, CatalogueKind.STATUS, PATH);
    }
  }
}
