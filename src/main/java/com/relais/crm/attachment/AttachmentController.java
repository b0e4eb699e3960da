package com.relais.crm.attachment;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
  AttachmentView get(@PathVariable long id) {
    return AttachmentView.of(attachments.get(id));
  }

  /** Always a download, never rendered inline, and the browser may not second-guess the type. */
  @GetMapping("/{id}/content")
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
  List<AttachmentView> list(
      @RequestParam(required = false) Long customerId,
      @RequestParam(required = false) Long opportunityId,
      @RequestParam(required = false) Long communicationId) {
    return attachments.of(Owner.of(customerId, opportunityId, communicationId)).stream()
        .map(AttachmentView::of).toList();
  }
}
