package com.relais.crm.document;

import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DocumentController {
  private final DocumentService documents;

  DocumentController(DocumentService documents) {
    this.documents = documents;
  }

  record DocumentView(long id, long opportunityId, DocumentKind kind, String fileName, long size, String sha256,
      Instant createdAt, String contentUrl) {
    static DocumentView of(GeneratedDocument d) {
      return new DocumentView(d.getId(), d.getOpportunityId(), d.getKind(), d.getFileName(), d.getSizeBytes(),
          d.getSha256(), d.getCreatedAt(), "/api/documents/" + d.getId() + "/content");
    }
  }

  @GetMapping("/api/opportunities/{id}/documents")
  List<DocumentView> ofDeal(@PathVariable long id) {
    return documents.ofDeal(id).stream().map(DocumentView::of).toList();
  }

  @GetMapping("/api/documents/{id}/content")
  ResponseEntity<InputStreamResource> content(@PathVariable long id) {
    GeneratedDocument document = documents.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .contentLength(document.getSizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.getFileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(documents.content(document)));
  }
}
