package com.relais.crm.customer;

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

@RestController
@RequestMapping("/api/customer-categories")
@Tag(name = "Customer categories", description = "The company's catalogue of customer categories. Everyone logged in"
    + " reads it; only admins add, relabel, reorder or retire entries.")
class CategoryController {
  private final CustomerCategories categories;

  CategoryController(CustomerCategories categories) {
    this.categories = categories;
  }

  @GetMapping
  @Operation(summary = "List the categories", description = "The active ones in their order; withRetired=true adds"
      + " the retired ones.")
  List<CategoryEntry> list(@RequestParam(defaultValue = "false") boolean withRetired) {
    return categories.list(withRetired);
  }

  @GetMapping("/{code}")
  @Operation(summary = "One category by its code", description = "404 for an unknown code.")
  CategoryEntry get(@PathVariable String code) {
    return categories.get(code);
  }

  @PostMapping
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: add a category", description = "code is 2 to 40 capital letters, digits or _ and"
      + " never changes afterwards; 409 when it exists.")
  ResponseEntity<CategoryEntry> add(@Valid @RequestBody CategoryRequest request) {
    CategoryEntry added = categories.add(request);
    return ResponseEntity.created(URI.create("/api/customer-categories/" + added.code())).body(added);
  }

  @PutMapping("/{code}")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: relabel, reorder, retire or bring back a category", description = "A built-in"
      + " category cannot be retired (400); a retired one stays on the customers that have it.")
  CategoryEntry change(@PathVariable String code, @Valid @RequestBody CategoryRequest request) {
    return categories.change(code, request);
  }
}
