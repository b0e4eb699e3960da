package com.relais.crm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What an uploaded file is, from its bytes (Tika's magic and container detectors, never the name it was sent
 * under): an Excel workbook, or text read as CSV; anything else is a 415.
 */
enum FileKind {
  CSV(new CsvSheet()), XLSX(new XlsxSheet());

  private static final MediaType XLSX_TYPE =
      MediaType.parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private final SheetReader reader;

  FileKind(SheetReader reader) {
    this.reader = reader;
  }

  SheetReader reader() {
    return reader;
  }

  static FileKind of(Path file) throws IOException {
    MediaType type;
    try (InputStream in = TikaInputStream.get(file)) {
      type = DETECTOR.detect(in, new Metadata()).getBaseType();
    }
    if (type.equals(XLSX_TYPE)) {
      return XLSX;
    }
    if ("text".equals(type.getType()) && looksLikeText(file)) {
      return CSV;
    }
    throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file is " + type + ", not a CSV file or an Excel workbook (.xlsx);"
            + " save it as one of those and import it again"), null);
  }

  /** Tika calls a file text by its start; a NUL byte anywhere in the first part says it is not one after all. */
  private static boolean looksLikeText(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(64 * 1024);
      boolean utf16 = start.length >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
          || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF));
      if (utf16) {
        return true;
      }
      for (byte b : start) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    }
  }
}
