package com.relais.crm.document;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.deal.DealLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Documents", description = "The PDFs generated for a deal: its delivery note and its reception note, and"
    + " the copy of each the customer signed online.")
class DocumentController {
  /** The groups that handle deal documents every day (delivery and reception notes). */
  private static final String[] DOCUMENT_GROUPS = {StaffGroups.LOGISTICS, StaffGroups.FINANCE};

  private final DocumentService documents;
  private final DocumentSignatures signatures;
  private final DealLookup readPolicy;

  DocumentController(DocumentService documents, DocumentSignatures signatures, DealLookup readPolicy) {
    this.documents = documents;
    this.signatures = signatures;
    this.readPolicy = readPolicy;
  }

  record DocumentView(long id, long opportunityId, DocumentKind kind, String fileName, long size, String sha256,
      Instant createdAt, String contentUrl) {
    static DocumentView of(GeneratedDocument d) {
      return new DocumentView(d.getId(), d.getOpportunityId(), d.getKind(), d.getFileName(), d.getSizeBytes(),
          d.getSha256(), d.getCreatedAt(), "/api/documents/" + d.getId() + "/content");
    }
  }

  @GetMapping("/api/opportunities/{id}/documents")
  @Operation(summary = "List the documents generated for a deal", description = "Oldest first, each with the link"
      + " to download it. For logistics, finance, sales, managers, admins, users granted access and those with a"
      + " task on the deal (403 for others).")
  List<DocumentView> ofDeal(@PathVariable long id) {
    readPolicy.requireReadable(id, DOCUMENT_GROUPS);
    return documents.ofDeal(id).stream().map(DocumentView::of).toList();
  }

  @GetMapping("/api/documents/{id}/content")
  @Operation(summary = "Download a generated document as a PDF", description = "For the same callers as the deal's"
      + " list of documents (403 for others); 404 for an unknown document.")
  ResponseEntity<InputStreamResource> content(@PathVariable long id) {
    GeneratedDocument document = documents.get(id);
    readPolicy.requireReadable(document.getOpportunityId(), DOCUMENT_GROUPS);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .contentLength(document.getSizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.getFileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(documents.content(document)));
  }

  @GetMapping("/api/documents/{id}/signature")
  @Operation(summary = "Check the document's own digital signature", description = "Reads the PDF as stored and"
      + " checks its last signature: signed, signedBy (the name in the signature), signedAt, intact (the signature"
      + " verifies and covers every byte of the file but itself: false after any change of a byte, or bytes added"
      + " after the signature), certificate (the signer certificate's subject) and serviceKey (made with the key the"
      + " service signs with now). A document without a signature answers signed = false, intact = false. For the"
      + " same callers as the deal's list of documents (403 for others); 404 for an unknown document.")
  SignatureStatus signature(@PathVariable long id) {
    GeneratedDocument document = documents.get(id);
    readPolicy.requireReadable(document.getOpportunityId(), DOCUMENT_GROUPS);
    return signatures.check(document);
  }
}
