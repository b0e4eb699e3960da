package com.relais.crm.document;

import com.relais.crm.attachment.AttachmentStore;
import com.relais.crm.platform.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders and keeps a deal's documents. The object key is fixed per deal and kind, so a retried job overwrites
 * its own object instead of leaving a stray one, and the row is written once.
 */
@Service
public class DocumentService {
  private final AttachmentStore store;
  private final GeneratedDocumentRepository documents;
  private final Clock clock;

  DocumentService(AttachmentStore store, GeneratedDocumentRepository documents, Clock clock) {
    this.store = store;
    this.documents = documents;
    this.clock = clock;
  }

  @Transactional
  public GeneratedDocument generate(long opportunityId, DocumentKind kind, List<NoteLine> lines, String signatureCaption) {
    return keep(opportunityId, kind, () -> NotePdf.render(kind.title,
        lines.stream().map(l -> new NotePdf.Line(l.label(), l.value())).toList(), signatureCaption));
  }

  /**
   * Stores the deal's document of this kind once: the PDF is made and written only when the deal has none yet (a
   * retried step finds its row and makes nothing), under the key of the deal and kind (a retry after a rollback
   * overwrites its own object).
   */
  @Transactional
  GeneratedDocument keep(long opportunityId, DocumentKind kind, Supplier<byte[]> render) {
    String key = "documents/" + opportunityId + "/" + kind.fileStem + ".pdf";
    return documents.findByObjectKey(key).orElseGet(() -> {
      byte[] pdf = render.get();
      store.put(key, new ByteArrayInputStream(pdf), "application/pdf");
      String fileName = kind.fileStem + "-" + opportunityId + ".pdf";
      return documents.save(new GeneratedDocument(opportunityId, kind, key, fileName, pdf.length, sha256(pdf),
          clock.instant()));
    });
  }

  @Transactional(readOnly = true)
  public List<GeneratedDocument> ofDeal(long opportunityId) {
    return documents.findByOpportunityIdOrderByCreatedAtAsc(opportunityId);
  }

  /** The id of the deal's document of this kind, if it was generated. */
  @Transactional(readOnly = true)
  public Optional<Long> idOf(long opportunityId, DocumentKind kind) {
    return documents.findIdByOpportunityIdAndKind(opportunityId, kind);
  }

  @Transactional(readOnly = true)
  public GeneratedDocument get(long id) {
    return documents.findById(id).orElseThrow(() -> new NotFoundException("Document", id));
  }

  public InputStream content(GeneratedDocument document) {
    return store.get(document.getObjectKey());
  }

  /** The whole PDF in memory: the notes are one page, a few kilobytes. */
  byte[] bytes(GeneratedDocument document) {
    try (InputStream in = content(document)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + document.getObjectKey(), e);
    }
  }

  /** A labelled line of a note. */
  public record NoteLine(String label, String value) {}

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
