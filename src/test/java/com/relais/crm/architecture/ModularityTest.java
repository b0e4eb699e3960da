package com.relais.crm.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.RelaisCrmApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities are Spring Modulith modules: no cycle between them, no reach into another module's internals,
 * and each depends only on the modules its package-info allows (the layers of docs/architecture.md).
 */
class ModularityTest {
  static final ApplicationModules MODULES = ApplicationModules.of(RelaisCrmApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void aCycleBetweenModulesIsRefused() {
    ApplicationModules withCycle = ApplicationModules.of("com.relais.cyclefixture", new ImportOption.OnlyIncludeTests());
    assertThatThrownBy(withCycle::verify).isInstanceOf(Violations.class).hasMessageContaining("Cycle");
  }

  @Test
  void everyCapabilityIsAModule() {
    assertThat(MODULES.stream().map(module -> module.getIdentifier().toString())).contains(
        "platform", "identity", "engine", "deal", "customer", "communication", "attachment", "document",
        "opportunity", "delivery", "support", "aftersale", "contact", "campaign", "notification", "search", "timeline",
        "audit", "dataexchange", "privacy", "reporting", "web", "demo", "signing",
        "routing");
  }

  /**
   * The diagrams linked from docs/architecture.md, drawn from the code at every test run: Spring Modulith's PlantUML
   * diagrams and module canvases, and a Mermaid graph that GitHub and most Markdown viewers draw as it is. A change
   * of the modules shows up as a change of these files in the commit that makes it.
   */
  @Test
  void drawsTheModuleDiagrams() throws Exception {
    Path folder = Path.of("docs", "modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    Files.writeString(folder.resolve("README.md"), mermaid());
    assertThat(Files.readString(folder.resolve("components.puml"))).contains("Opportunity", "Delivery");
    assertThat(Files.readString(folder.resolve("README.md"))).contains("delivery --> opportunity");
  }

  private static String mermaid() {
    String edges = MODULES.stream()
        .sorted((a, b) -> a.getIdentifier().toString().compareTo(b.getIdentifier().toString()))
        .flatMap(module -> module.getDirectDependencies(MODULES).uniqueModules()
            .map(ApplicationModule::getIdentifier)
            .map(Object::toString)
            .distinct().sorted()
            .map(target -> "  " + module.getIdentifier() + " --> " + target))
        .collect(Collectors.joining("\n"));
    return "# Modules (generated)\n\n"
        + "Written by `ModularityTest` from the code at every test run; do not edit. An arrow means \"uses\". "
        + "The PlantUML files beside this one are Spring Modulith's own diagrams and module canvases.\n\n"
        + "```mermaid\ngraph TD\n" + edges + "\n```\n";
  }
}
