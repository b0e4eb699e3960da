package com.relais.crm.dataexchange;

import com.relais.crm.platform.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Receives {@code POST /api/imports}: the fields (from the query, or form fields before the file) and the part named
 * {@code file}, copied to a temporary file as it arrives (an XLSX is a ZIP and is read from its end), never past the
 * size limit. The caller deletes the file.
 */
final class ImportUpload {
  static final String FILE_PART = "file";
  private static final int FIELD_MAX = 8 * 1024;

  record Received(Map<String, String> fields, String fileName, Path file, long size) {}

  private ImportUpload() {}

  static Received receive(HttpServletRequest request, long limit) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data in a part named 'file'"), null);
    }
    if (request.getContentLengthLong() > limit + FIELD_MAX * 8L) {
      throw tooLarge(limit);
    }
    Map<String, String> fields = new HashMap<>();
    request.getParameterMap().forEach((name, values) -> fields.put(name, values[0]));
    JakartaServletFileUpload<?, ?> parser = new JakartaServletFileUpload<>();
    parser.setHeaderCharset(StandardCharsets.UTF_8);
    try {
      FileItemInputIterator parts = parser.getItemIterator(request);
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (FILE_PART.equals(part.getFieldName()) && !part.isFormField()) {
          Path file = Files.createTempFile("relais-import-", ".upload");
          long size;
          try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            size = copy(in, out, limit);
          } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
          }
          return new Received(fields, part.getName(), file, size);
        }
        if (part.isFormField()) {
          try (InputStream in = part.getInputStream()) {
            fields.put(part.getFieldName(), new String(in.readNBytes(FIELD_MAX), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (org.apache.commons.fileupload2.core.FileUploadException e) {
      throw new InvalidFieldException(FILE_PART, "The multipart body could not be read: " + e.getMessage());
    }
    throw new InvalidFieldException(FILE_PART, "The request has no part named 'file' with the file to import");
  }

  private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      total += read;
      if (total > limit) {
        throw tooLarge(limit);
      }
      out.write(buffer, 0, read);
    }
    return total;
  }

  private static ErrorResponseException tooLarge(long limit) {
    return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemDetail.forStatusAndDetail(
        HttpStatus.PAYLOAD_TOO_LARGE, "An import file may have " + (limit / (1024 * 1024)) + " MB at most"), null);
  }
}
