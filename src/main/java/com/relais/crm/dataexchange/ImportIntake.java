package com.relais.crm.dataexchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an uploaded file in: tells what it is, maps its columns, stages every row, and starts the background work,
 * all in one transaction, so a file that is refused (415, 400) leaves nothing behind and an accepted one is there
 * whole before the answer.
 */
@Service
class ImportIntake {
  private final ImportStore store;
  private final ImportProcess process;
  private final CurrentUser currentUser;
  private final ObjectMapper json;
  private final Clock clock;

  ImportIntake(ImportStore store, ImportProcess process, CurrentUser currentUser,
      ObjectMapper json, Clock clock) {
    this.store = store;
    this.process = process;
    this.currentUser = currentUser;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  long take(ImportRequest request, String fileName, Path file, long size) throws IOException {
    if (size == 0) {
      throw new InvalidFieldException("file", "The file is empty");
    }
    FileKind kind = FileKind.of(file);
    List<String> header = new ArrayList<>();
    long[] importId = {0};
    ImportStore.Stager[] stager = {null};
    int[] rows = {0};
    kind.reader().read(file, new SheetReader.Rows() {
      @Override
      public void header(List<String> names) {
        header.addAll(names);
        ColumnMapping mapping = ColumnMapping.of(names, request.mapping());
        importId[0] = store.create(request.kind(), request.mode(), request.onDuplicate(), safeName(fileName),
            kind.name(), names, mappingText(request), currentUser.id(), clock.instant());
        stager[0] = store.stager(importId[0]);
        if (mapping.columns().isEmpty()) {
          throw new InvalidFieldException("file", "No column of the file is a customer field");
        }
      }

      @Override
      public void row(int number, List<String> values) {
        stager[0].stage(number, values);
        rows[0]++;
      }
    });
    if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
      throw new InvalidFieldException("file", "The file has no header row naming its columns");
    }
    if (rows[0] == 0) {
      throw new InvalidFieldException("file", "The file has a header but no rows");
    }
    stager[0].flush();
    store.setTotal(importId[0], rows[0]);
    process.start(importId[0]);
    return importId[0];
  }

  /** The mapping as the batches read it back (it was checked against the header when the header was read). */
  private String mappingText(ImportRequest request) {
    try {
      return json.writeValueAsString(request.mapping());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String safeName(String fileName) {
    if (fileName == null) {
      return null;
    }
    String plain = fileName.replaceAll("[\\p{Cntrl}]", "").strip();
    return plain.length() > 255 ? plain.substring(0, 255) : plain;
  }
}
