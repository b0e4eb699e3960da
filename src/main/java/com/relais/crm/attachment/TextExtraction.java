package com.relais.crm.attachment;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pulls an attachment's text for search once its upload has committed, on a small pool of its own so a slow or
 * hostile file never holds a request thread. Tika's AutoDetectParser guards against decompression bombs; the write
 * limit bounds the text kept. Any failure marks the attachment FAILED; the file itself stays available.
 *
 * <p>Documents ({@code application/*}: PDF, Office, OpenDocument) are parsed from a temporary copy that Tika removes
 * afterwards: their parsers need the whole document at hand, and given a stream PDFBox and POI read all of it into
 * the heap first (20 MB per file and thread), while from a file they read what they parse. Images, text and mail are
 * parsed as they stream in.
 */
@Component
class TextExtraction {
  private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);

  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final int textLimit;
  private final AutoDetectParser parser = new AutoDetectParser();

  TextExtraction(AttachmentRepository attachments, AttachmentStore store, AttachmentProperties properties) {
    this.attachments = attachments;
    this.store = store;
    this.textLimit = properties.textLimit();
  }

  @Async(AttachmentAsync.EXECUTOR)
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void extract(AttachmentStored stored) {
    BodyContentHandler text = new BodyContentHandler(textLimit);
    TextStatus status = TextStatus.DONE;
    try (TikaInputStream content = TikaInputStream.get(store.get(stored.objectKey()))) {
      if (stored.contentType().startsWith("application/")) {
        content.getPath(); // copies it to a temporary file, removed when the stream closes
      }
      // no parser in the context: documents embedded in documents are not unpacked, one more bound on the work
      parser.parse(content, text, new Metadata(), new ParseContext());
    } catch (Exception e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        status = TextStatus.TRUNCATED;
      } else {
        log.warn("No text from attachment {}: {}", stored.attachmentId(), e.toString());
        attachments.storeText(stored.attachmentId(), null, TextStatus.FAILED);
        return;
      }
    } catch (Throwable e) {
      // StackOverflowError or OutOfMemoryError from a crafted file must not leave the row PENDING for ever
      log.warn("No text from attachment {}: {}", stored.attachmentId(), e.toString());
      attachments.storeText(stored.attachmentId(), null, TextStatus.FAILED);
      return;
    }
    String extracted = text.toString().replaceAll("\\s+", " ").strip();
    attachments.storeText(stored.attachmentId(), extracted.isEmpty() ? null : extracted, status);
  }
}
