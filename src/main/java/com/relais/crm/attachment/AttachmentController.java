package com.relais.crm.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/attachments")
@Tag(name = "Attachments", description = "Files attached to a customer, a deal or an exchange, checked by type and"
    + " kept in the file store. The attachments of a private exchange are seen only by those who see the exchange.")
class AttachmentController {
  private final AttachmentService attachments;
  private final MultipartUpload uploads;

  AttachmentController(AttachmentService attachments, MultipartUpload uploads) {
    this.attachments = attachments;
    this.uploads = uploads;
  }

  /**
   * The body is read by {@link MultipartUpload} as it arrives, which also answers a body that is not multipart (415
   * problem+json, where {@code consumes} would leave it to the plain error page); the annotation documents it.
   */
  @PostMapping
  @Operation(summary = "Upload a file to a customer, a deal or an exchange", description = "multipart/form-data with"
      + " the file in a part named file, and exactly one of customerId, opportunityId, communicationId as a query"
      + " parameter or as a form field before the file. Everyone logged in. Answers 201. 413 when the file passes the"
      + " size limit; 415 for a type not allowed, bytes that disagree with the file name, or a body that is not"
      + " multipart; 400 for an empty file, no part named file, or an owner that is missing, given twice or unknown."
      + " Nothing is stored on an error.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class)))
  ResponseEntity<AttachmentView> upload(
      HttpServletRequest request,
      @RequestParam(required = false) Long customerId,
      @RequestParam(required = false) Long opportunityId,
      @RequestParam(required = false) Long communicationId) throws IOException {
    Attachment stored = uploads.receive(request, customerId, opportunityId, communicationId);
    return ResponseEntity.created(URI.create("/api/attachments/" + stored.getId())).body(AttachmentView.of(stored));
  }

  /** The multipart form as OpenAPI shows it; the owner may also be one of these fields, placed before the file. */
  record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
      Long customerId, Long opportunityId, Long communicationId) {}

  @GetMapping("/{id}")
  @Operation(summary = "Read an attachment's details", description = "File name, type, size, SHA-256, owner, who"
      + " uploaded it and whether its text was extracted. 404 for an unknown id or an attachment of a private"
      + " exchange the caller may not see.")
  AttachmentView get(@PathVariable long id) {
    return AttachmentView.of(attachments.get(id));
  }

  /** Always a download, never rendered inline, and the browser may not second-guess the type. */
  @GetMapping("/{id}/content")
  @Operation(summary = "Download an attachment's file", description = "Always as a download under its file name,"
      + " never shown inline. 404 as for the details; 503 when the file store cannot be reached.")
  ResponseEntity<InputStreamResource> content(@PathVariable long id) {
    Attachment attachment = attachments.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.getContentType()))
        .contentLength(attachment.getSize())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(attachment.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(attachments.content(attachment)));
  }

  @GetMapping
  @Operation(summary = "List the files of one customer, deal or exchange", description = "Give exactly one of"
      + " customerId, opportunityId, communicationId (400 otherwise); newest first. 404 for an unknown owner or a"
      + " private exchange the caller may not see.")
  List<AttachmentView> list(
      @RequestParam(required = false) Long customerId,
      @RequestParam(required = false) Long opportunityId,
      @RequestParam(required = false) Long communicationId) {
    return attachments.of(Owner.of(customerId, opportunityId, communicationId)).stream()
        .map(AttachmentView::of).toList();
  }
}
