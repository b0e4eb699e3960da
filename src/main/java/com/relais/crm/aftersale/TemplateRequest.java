package com.relais.crm.aftersale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin gives to create a template or its next version. */
record TemplateRequest(
    @NotBlank @Size(max = 200) String name,
    Boolean defaultTemplate,
    @NotEmpty @Size(max = 50) List<@Valid TaskDefinition> tasks) {

  boolean isDefault() {
    return Boolean.TRUE.equals(defaultTemplate);
  }
}
