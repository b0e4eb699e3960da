package com.relais.crm.attachment;

import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.deal.DealLookup;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.LikePattern;
import com.relais.crm.platform.NotFoundException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads: owner checked, bytes checked by Tika and streamed to the store with their size and SHA-256, then the
 * row. The object is written first and removed again when anything after it fails, so no row ever lacks its object
 * and no refused upload leaves anything behind.
 */
@Service
public class AttachmentService {
  private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
  static final String KEY_PREFIX = "attachments/";
  // enough for Tika's magic detectors; zip containers mark and reset further themselves
  private static final int DETECTION_BUFFER = 64 * 1024;

  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final ContentCheck contentCheck;
  private final AttachmentProperties properties;
  private final CustomerService customers;
  private final DealLookup deals;
  private final CommunicationService communications;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AttachmentService(AttachmentRepository attachments, AttachmentStore store, ContentCheck contentCheck,
      AttachmentProperties properties, CustomerService customers, DealLookup deals,
      CommunicationService communications, CurrentUser currentUser, ApplicationEventPublisher events,
      TransactionTemplate transaction, Clock clock) {
    this.attachments = attachments;
    this.store = store;
    this.contentCheck = contentCheck;
    this.properties = properties;
    this.customers = customers;
    this.deals = deals;
    this.communications = communications;
    this.currentUser = currentUser;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The caller closes {@code content}. */
  public Attachment upload(Owner owner, String originalName, InputStream content) throws IOException {
    try {
      requireVisible(owner);
    } catch (NotFoundException e) {
      throw new InvalidFieldException(owner.field(), owner.field() + ": " + e.getMessage());
    }
    String fileName = FileNames.sanitise(originalName);
    long limit = properties.maxSize().toBytes();
    CheckedStream checked = new CheckedStream(content, limit);
    BufferedInputStream buffered = new BufferedInputStream(checked, DETECTION_BUFFER);

    MediaType type;
    try {
      type = contentCheck.detect(buffered);
    } catch (IOException e) {
      throw refusal(e, limit).orElseThrow(() -> e);
    }
    if (checked.count() == 0) {
      throw new InvalidFieldException("file", "file is empty");
    }
    contentCheck.accept(type, fileName);

    String key = KEY_PREFIX + UUID.randomUUID();
    try {
      store.put(key, buffered, type.toString());
    } catch (RuntimeException e) {
      // a multipart upload cut off half-way leaves no object, but a store may have kept parts: remove the key
      deleteQuietly(key);
      throw refusal(e, limit).orElse(e);
    }
    if (checked.count() == 0) {
      deleteQuietly(key);
      throw new InvalidFieldException("file", "file is empty");
    }
    Attachment attachment = new Attachment(key, fileName, type.toString(), checked.count(), checked.sha256(),
        owner.type(), owner.id(), currentUser.id(), clock.instant());
    try {
      return transaction.execute(status -> {
        Attachment saved = attachments.save(attachment);
        events.publishEvent(new AttachmentStored(saved.getId(), key, saved.getContentType()));
        events.publishEvent(new AttachmentAdded(saved.getId(), owner.type(), owner.id(), saved.getFileName(),
            currentUser.id()));
        return saved;
      });
    } catch (RuntimeException e) {
      deleteQuietly(key);
      throw e;
    }
  }

  /**
   * The caller's answer when reading the upload itself failed: past the limit (413), or cut short, malformed or
   * abandoned by the client (400). Empty when the store failed, which stays a 503.
   */
  private static Optional<RuntimeException> refusal(Exception failure, long limit) {
    if (CheckedStream.isCause(failure)) {
      return Optional.of(UploadRefused.tooLarge(limit));
    }
    return Optional.ofNullable(CheckedStream.unreadable(failure))
        .map(e -> new InvalidFieldException("file", "The file could not be read to its end: " + e.getMessage()));
  }

  /** An attachment of something the caller may not see (a private exchange) answers like a missing one. */
  @Transactional(readOnly = true)
  public Attachment get(long id) {
    Attachment attachment = attachments.findById(id).orElseThrow(() -> new NotFoundException("Attachment", id));
    try {
      requireVisible(new Owner(attachment.getOwnerType(), attachment.getOwnerId()));
    } catch (NotFoundException e) {
      throw new NotFoundException("Attachment", id);
    }
    return attachment;
  }

  /** The caller closes the stream. */
  public InputStream content(Attachment attachment) {
    return store.get(attachment.getObjectKey());
  }

  @Transactional(readOnly = true)
  public List<Attachment> of(Owner owner) {
    requireVisible(owner);
    return attachments.findByOwnerTypeAndOwnerIdOrderByUploadedAtDescIdDesc(owner.type(), owner.id());
  }

  /** The quick search's share: attachments whose name or extracted text contains {@code q}. */
  @Transactional(readOnly = true)
  public List<Attachment> matching(String q, int limit) {
    String pattern = LikePattern.containing(q);
    return attachments.searchText(pattern, currentUser.id(), currentUser.isAdmin(),
        org.springframework.data.domain.PageRequest.of(0, limit));
  }

  private void requireVisible(Owner owner) {
    switch (owner.type()) {
      case CUSTOMER -> {
        if (!customers.exists(owner.id())) {
          throw new NotFoundException("Customer", owner.id());
        }
      }
      case OPPORTUNITY -> deals.customerOf(owner.id());
      case COMMUNICATION -> communications.get(owner.id());
    }
  }

  private void deleteQuietly(String key) {
    try {
      store.delete(key);
    } catch (RuntimeException e) {
      // the sweep of strays (keys without a row) removes it later
      log.warn("Could not remove {} after a failed upload: {}", key, e.getMessage());
    }
  }
}
