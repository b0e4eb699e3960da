package com.relais.crm.attachment;

import com.relais.crm.platform.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletRequestContext;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.stereotype.Component;

/**
 * Reads {@code POST /api/attachments} as it arrives: the owner from the query or from form fields placed before the
 * file, then the part named {@code file} handed to {@link AttachmentService#upload} straight from the socket — no
 * temporary file, no part held in memory (Spring's multipart resolution is off for this reason). A request whose
 * Content-Length already passes the limit is refused before a byte of its body is read; one that passes it later
 * is cut off there.
 */
@Component
class MultipartUpload {
  static final String FILE_PART = "file";
  /** Room for the boundaries, the part headers and the owner field around the file itself. */
  static final long ENVELOPE = 64 * 1024;
  private static final List<String> OWNER_FIELDS = List.of("customerId", "opportunityId", "communicationId");
  // an id has at most 19 digits; anything longer is not one
  private static final int FIELD_MAX = 64;

  private final AttachmentService attachments;
  private final long limit;

  MultipartUpload(AttachmentService attachments, AttachmentProperties properties) {
    this.attachments = attachments;
    this.limit = properties.maxSize().toBytes();
  }

  /** The ids are the owner as given in the query (null when absent). */
  Attachment receive(HttpServletRequest request, Long customerId, Long opportunityId, Long communicationId)
      throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw UploadRefused.notMultipart(type);
    }
    if (request.getContentLengthLong() > limit + ENVELOPE) {
      throw UploadRefused.tooLarge(limit);
    }
    Map<String, Long> owner = new LinkedHashMap<>();
    owner.put("customerId", customerId);
    owner.put("opportunityId", opportunityId);
    owner.put("communicationId", communicationId);
    try {
      FileItemInputIterator parts = parser().getItemIterator(new CappedRequest(request, limit + ENVELOPE, limit));
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        String name = part.getFieldName();
        if (FILE_PART.equals(name)) {
          // not closed on a refusal: closing would read the rest of the file, which Tomcat discards more cheaply
          // once the answer is sent
          return attachments.upload(owner(owner), part.getName(), part.getInputStream());
        }
        if (!part.isFormField()) {
          throw new InvalidFieldException(FILE_PART, "The file must be sent in a part named '" + FILE_PART
              + "', not '" + name + "'");
        }
        if (OWNER_FIELDS.contains(name)) {
          ownerField(owner, name, part);
        }
      }
    } catch (CheckedStream.LimitExceeded e) {
      throw UploadRefused.tooLarge(limit);
    } catch (IOException e) {
      // the fields before the file: a body that is not multipart after all, cut short, or malformed
      throw new InvalidFieldException(FILE_PART, "The multipart body could not be read: " + e.getMessage());
    }
    throw new InvalidFieldException(FILE_PART, "The request has no part named '" + FILE_PART + "' with the file");
  }

  private static JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> parser() {
    JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> parser = new JakartaServletFileUpload<>();
    // browsers send file names in UTF-8, whatever the request's charset
    parser.setHeaderCharset(StandardCharsets.UTF_8);
    return parser;
  }

  private static void ownerField(Map<String, Long> owner, String name, FileItemInput part) throws IOException {
    String value;
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(FIELD_MAX + 1);
      value = new String(bytes, StandardCharsets.UTF_8).strip();
    }
    if (owner.get(name) != null) {
      throw new InvalidFieldException(name, name + " is given twice");
    }
    try {
      owner.put(name, Long.valueOf(value));
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(name, name + " has a wrong value: '" + value + "'");
    }
  }

  private static Owner owner(Map<String, Long> ids) {
    if (ids.values().stream().allMatch(java.util.Objects::isNull)) {
      throw new InvalidFieldException("customerId", "give exactly one of customerId, opportunityId, "
          + "communicationId, as a query parameter or as a form field before the file");
    }
    return Owner.of(ids.get("customerId"), ids.get("opportunityId"), ids.get("communicationId"));
  }

  /** The request body as the parser sees it, cut off with a 413 once it passes the limit and its envelope. */
  private static final class CappedRequest extends JakartaServletRequestContext {
    private final long max;
    private final long limit;

    CappedRequest(HttpServletRequest request, long max, long limit) {
      super(request);
      this.max = max;
      this.limit = limit;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return BoundedInputStream.builder().setInputStream(super.getInputStream()).setMaxCount(max)
          .setOnMaxCount((bound, count) -> {
            throw new CheckedStream.LimitExceeded(limit);
          }).get();
    }
  }
}
