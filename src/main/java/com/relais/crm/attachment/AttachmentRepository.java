package com.relais.crm.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {
  List<Attachment> findByOwnerTypeAndOwnerIdOrderByUploadedAtDescIdDesc(OwnerType ownerType, long ownerId);

  /** A bulk update: the extraction thread never loads (or overwrites) the rest of the row. */
  @Transactional
  @Modifying
  @Query("update Attachment a set a.extractedText = :text, a.textStatus = :status where a.id = :id")
  int storeText(long id, String text, TextStatus status);
}
