package com.relais.crm.attachment;

import com.relais.crm.platform.NotFoundException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files held on one customer, for the export and the erasure of their personal data (privacy module): those
 * attached to the customer, to their deals and to their exchanges, private ones included. An admin's act on the
 * whole record: no visibility rule applies here, the caller checks that an admin asks.
 */
@Component
public class AttachmentPersonalData {
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final AttachmentStore store;
  private final RemovalAfterCommit removal;

  AttachmentPersonalData(JdbcClient jdbc, AttachmentStore store, RemovalAfterCommit removal) {
    this.jdbc = jdbc;
    this.store = store;
    this.removal = removal;
  }

  /** Oldest first; the rows only (not the extracted text, which can be a megabyte each). */
  @Transactional(readOnly = true)
  public List<AttachmentView> of(long customerId, Collection<Long> opportunityIds) {
    return jdbc.sql("select a.id, a.file_name, a.content_type, a.size, a.sha256, a.owner_type, a.owner_id,"
            + " a.uploaded_by, a.uploaded_at, a.text_status from attachment a where " + ofPerson(opportunityIds)
            + " order by a.uploaded_at, a.id")
        .param("customerId", customerId).param("deals", List.copyOf(opportunityIds))
        .query(AttachmentPersonalData::view).list();
  }

  /** The file's bytes; the caller closes the stream. */
  public InputStream content(long attachmentId) {
    String key = jdbc.sql("select object_key from attachment where id = ?").param(attachmentId).query(String.class)
        .optional().orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    return store.get(key);
  }

  /**
   * Removes the rows of the person's files in the caller's transaction (with SQL: the audit records no deletion
   * summing up the file names being erased), and their objects from the store after it commits
   * ({@link RemovalAfterCommit}), so that a rolled back erasure still has every file.
   *
   * @return the ids of the attachments removed
   */
  @Transactional
  public List<Long> erase(long customerId, Collection<Long> opportunityIds) {
    List<Long> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    jdbc.sql("select a.id, a.object_key from attachment a where " + ofPerson(opportunityIds))
        .param("customerId", customerId).param("deals", List.copyOf(opportunityIds))
        .query(rs -> {
          ids.add(rs.getLong(1));
          keys.add(rs.getString(2));
        });
    for (int from = 0; from < ids.size(); from += CHUNK) {
      jdbc.sql("delete from attachment where id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).update();
    }
    removal.removeAfterCommit(keys);
    return ids;
  }

  /** Binds :customerId, and :deals when there are deals (an empty "in ()" is not SQL). */
  private static String ofPerson(Collection<Long> opportunityIds) {
    return "((a.owner_type = '" + OwnerType.CUSTOMER.name() + "' and a.owner_id = :customerId)"
        + " or (a.owner_type = '" + OwnerType.COMMUNICATION.name() + "' and a.owner_id in"
        + " (select c.id from communication c where c.customer_id = :customerId))"
        + (opportunityIds.isEmpty() ? ""
            : " or (a.owner_type = '" + OwnerType.OPPORTUNITY.name() + "' and a.owner_id in (:deals))")
        + ")";
  }

  private static AttachmentView view(ResultSet rs, int row) throws SQLException {
    return new AttachmentView(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size"), rs.getString("sha256"), OwnerType.valueOf(rs.getString("owner_type")),
        rs.getLong("owner_id"), rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), TextStatus.valueOf(rs.getString("text_status")));
  }
}
