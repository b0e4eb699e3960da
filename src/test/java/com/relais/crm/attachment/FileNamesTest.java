package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void pathPartsControlCharactersAndLeadingDotsAreRemoved() {
    assertThat(FileNames.sanitise("../../etc/passwd\u0007.pdf")).isEqualTo("passwd.pdf");
    assertThat(FileNames.sanitise("C:\\Users\\me\\offer.docx")).isEqualTo("offer.docx");
    assertThat(FileNames.sanitise("..hidden")).isEqualTo("hidden");
    // no header injection through Content-Disposition
    assertThat(FileNames.sanitise("a\r\nX-Evil: 1.pdf")).isEqualTo("aX-Evil 1.pdf");
    assertThat(FileNames.sanitise("\"quoted\";name.pdf")).isEqualTo("quoted;name.pdf");
  }

  @Test
  void emptyOrMissingNamesGetAFallbackAndLongOnesKeepTheirExtension() {
    assertThat(FileNames.sanitise(null)).isEqualTo("file");
    assertThat(FileNames.sanitise("../")).isEqualTo("file");
    assertThat(FileNames.sanitise("\u0000\u0001")).isEqualTo("file");
    String longName = FileNames.sanitise("x".repeat(500) + ".pdf");
    assertThat(longName).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
  }

  @Test
  void extensionsAreLowerCaseAndOnlyFromTheLastDot() {
    assertThat(FileNames.extensionOf("Report.Final.PDF")).isEqualTo("pdf");
    assertThat(FileNames.extensionOf("README")).isEmpty();
    assertThat(FileNames.extensionOf("name.")).isEmpty();
  }
}
