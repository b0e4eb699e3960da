package com.relais.crm.attachment;

import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/attachments")
class AttachmentController {
  private final AttachmentService attachments;

  AttachmentController(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentView> upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) Long customerId,
      @RequestParam(required = false) Long opportunityId,
      @RequestParam(required = false) Long communicationId) throws IOException {
    Owner owner = Owner.of(customerId, opportunityId, communicationId);
    try (InputStream content = file.getInputStream()) {
      Attachment stored = attachments.upload(owner, file.getOriginalFilename(), content);
      return ResponseEntity.created(URI.create("/api/attachments/" + stored.getId())).body(AttachmentView.of(stored));
    }
  }

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
