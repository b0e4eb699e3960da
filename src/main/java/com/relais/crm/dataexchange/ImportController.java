package com.relais.crm.dataexchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/imports")
@PreAuthorize(StaffGroups.ADMINS_ONLY)
@Tag(name = "Imports", description = "Customers from a CSV or Excel file: a dry run, the import itself in the"
    + " background, the rejected rows as CSV, and an undo. Admins only.")
class ImportController {
  private final ImportIntake intake;
  private final ImportStore store;
  private final ImportUndo undo;
  private final ImportProperties properties;
  private final ObjectMapper json;

  ImportController(ImportIntake intake, ImportStore store, ImportUndo undo, ImportProperties properties,
      ObjectMapper json) {
    this.intake = intake;
    this.store = store;
    this.undo = undo;
    this.properties = properties;
    this.json = json;
  }

  /** An import as the API shows it. */
  record ImportView(long id, String kind, String mode, String onDuplicate, String fileName, String fileType,
      String status, int rows, int processed, int created, int updated, int skipped, int rejected,
      List<String> columns, String createdBy, Instant createdAt, Instant finishedAt, String undoneBy,
      Instant undoneAt) {
    static ImportView of(ImportStore.ImportJob job) {
      return new ImportView(job.id(), job.kind(), job.mode(), job.onDuplicate(), job.fileName(), job.fileType(),
          job.status().name(), job.rows(), job.processed(), job.created(), job.updated(), job.skipped(),
          job.rejected(), job.headers(), job.createdBy(), job.createdAt(), job.finishedAt(), job.undoneBy(),
          job.undoneAt());
    }
  }

  @PostMapping
  @Operation(summary = "Import customers from a CSV or XLSX file", description = "multipart/form-data with the file"
      + " in the part 'file'; kind=customers, mode=DRY_RUN (the default: report only, nothing written) or APPLY,"
      + " onDuplicate=SKIP (default) or UPDATE, and mapping, a JSON object of column header to field (name, email,"
      + " phone, address, category, acquisitionSource, emailConsent, emailConsentSource, smsConsent,"
      + " smsConsentSource), as query parameters or form fields before the file. Columns with the usual French or"
      + " English headers map by themselves. Answers 202 with the import's id once every row is staged; the rows are"
      + " then written in the background. 415 for a file that is neither CSV nor XLSX (judged from its bytes), 400"
      + " for an empty file, a file without a name column or a mapping naming an unknown field or column.")
  ResponseEntity<ImportView> create(HttpServletRequest request) throws IOException {
    ImportUpload.Received received = ImportUpload.receive(request, properties.maxSize().toBytes());
    try {
      ImportRequest asked = ImportRequest.of(received.fields(), json);
      long id = intake.take(asked, received.fileName(), received.file(), received.size());
      return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/imports/" + id))
          .body(ImportView.of(store.get(id)));
    } finally {
      Files.deleteIfExists(received.file());
    }
  }

  @GetMapping
  @Operation(summary = "The last 50 imports, newest first")
  List<ImportView> list() {
    return store.recent(50).stream().map(ImportView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import's progress and counts", description = "status RUNNING until every row is settled,"
      + " then DONE (UNDONE after an undo); processed of rows, and how many were created, updated, skipped (a"
      + " duplicate with onDuplicate=SKIP, or nothing to change) and rejected. In a dry run the counts say what"
      + " would happen.")
  ImportView get(@PathVariable long id) {
    return ImportView.of(store.get(id));
  }

  @GetMapping(path = "/{id}/rejected", produces = "text/csv")
  @Operation(summary = "The rejected rows as CSV", description = "row (its number in the file, the header being"
      + " row 1), reason, then the row's own columns as they were, so the file can be fixed and imported again.")
  ResponseEntity<StreamingResponseBody> rejected(@PathVariable long id) {
    ImportStore.ImportJob job = store.get(id);
    StreamingResponseBody body = out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      // a byte-order mark, so that Excel opens the accents right
      writer.write('\uFEFF');
      List<String> header = new ArrayList<>(List.of("row", "reason"));
      header.addAll(job.headers());
      try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
          .get())) {
        store.eachRejected(id, row -> {
          List<Object> values = new ArrayList<>(List.of(row.rowNo(), row.reason()));
          values.addAll(row.columns());
          try {
            csv.printRecord(values);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
    };
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected.csv\"")
        .body(body);
  }

  @PostMapping("/{id}/undo")
  @Operation(summary = "Undo an applied import", description = "Removes the customers it created and gives those it"
      + " updated their old values, all or nothing: 409 when any of them was changed since (or has a deal, an"
      + " exchange or a file of its own), or when the import is a dry run, still running or already undone.")
  ImportView undo(@PathVariable long id) {
    return ImportView.of(undo.undo(id));
  }
}
