package com.relais.crm.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {
  List<Attachment> findByOwnerTypeAndOwnerIdOrderByUploadedAtDescIdDesc(OwnerType ownerType, long ownerId);

  /**
   * Attachments whose name or extracted text contains the pattern; an attachment of a private exchange only for
   * the exchange's author and assignees (or {@code admin}).
   */
  @Query("""
      select a from Attachment a
      where (lower(a.extractedText) like :pattern escape '\\' or lower(a.fileName) like :pattern escape '\\')
        and (:admin = true or a.ownerType <> com.relais.crm.attachment.OwnerType.COMMUNICATION
             or exists (select 1 from Communication c where c.id = a.ownerId
                        and (c.privateEntry = false or c.author = :user or :user member of c.assignees)))
      order by a.uploadedAt desc, a.id desc""")
  List<Attachment> searchText(String pattern, String user, boolean admin, org.springframework.data.domain.Pageable page);

  boolean existsByObjectKey(String objectKey);

  /** A bulk update: the extraction thread never loads (or overwrites) the rest of the row. */
  @Transactional
  @Modifying
  @Query("update Attachment a set a.extractedText = :text, a.textStatus = :status where a.id = :id")
  int storeText(long id, String text, TextStatus status);
}
