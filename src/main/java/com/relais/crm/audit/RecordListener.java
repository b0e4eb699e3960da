package com.relais.crm.audit;

import com.relais.crm.identity.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Records every insert, change and deletion of an {@link AuditedAs} entity, field by field, through the session's
 * own connection while Hibernate writes the record: the audit row commits or rolls back with the change it
 * describes, and no change can reach the database without one (one listener for all entities rather than Envers:
 * one table that the API, the review and an erasure read, instead of a shadow table per entity).
 */
@Component
class RecordListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {
  private static final String INSERT = "insert into audit_change"
      + " (changed_at, changed_by, entity, entity_id, field, old_value, new_value) values (?, ?, ?, ?, ?, ?, ?)";
  /** The field of the one row that records a whole new record, and a removed one. */
  static final String CREATED = "(created)";
  static final String DELETED = "(deleted)";
  /** A change's own time stamp is the audit row's time; recording it as a field would double every change. */
  private static final Set<String> ALWAYS_IGNORED = Set.of("updatedAt");

  private final EntityManagerFactory entityManagerFactory;
  private final CurrentUser currentUser;
  private final Clock clock;

  RecordListener(EntityManagerFactory entityManagerFactory, CurrentUser currentUser, Clock clock) {
    this.entityManagerFactory = entityManagerFactory;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @PostConstruct
  void register() {
    EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
        .getServiceRegistry().getService(EventListenerRegistry.class);
    registry.appendListeners(EventType.POST_INSERT, this);
    registry.appendListeners(EventType.POST_UPDATE, this);
    registry.appendListeners(EventType.POST_DELETE, this);
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    AuditedAs audited = event.getEntity().getClass().getAnnotation(AuditedAs.class);
    if (audited != null) {
      write(event.getSession(), audited, event.getId(), List.of(new FieldChanges.Change(CREATED, null,
          FieldChanges.summary(event.getPersister(), event.getState(), ignored(audited, event.getPersister())))));
    }
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    AuditedAs audited = event.getEntity().getClass().getAnnotation(AuditedAs.class);
    if (audited != null && event.getOldState() != null) {
      write(event.getSession(), audited, event.getId(), FieldChanges.between(event.getPersister(),
          event.getOldState(), event.getState(), ignored(audited, event.getPersister())));
    }
  }

  @Override
  public void onPostDelete(PostDeleteEvent event) {
    AuditedAs audited = event.getEntity().getClass().getAnnotation(AuditedAs.class);
    if (audited != null) {
      write(event.getSession(), audited, event.getId(), List.of(new FieldChanges.Change(DELETED,
          FieldChanges.summary(event.getPersister(), event.getDeletedState(), ignored(audited, event.getPersister())),
          null)));
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  private static Set<String> ignored(AuditedAs audited, EntityPersister persister) {
    List<String> names = new ArrayList<>(List.of(audited.ignore()));
    names.addAll(ALWAYS_IGNORED);
    if (persister.isVersioned()) {
      names.add(persister.getPropertyNames()[persister.getVersionProperty()]);
    }
    return Set.copyOf(names);
  }

  private void write(EventSource session, AuditedAs audited, Object id, List<FieldChanges.Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(clock.instant());
    String by = currentUser.id();
    session.doWork(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (FieldChanges.Change change : changes) {
          insert.setTimestamp(1, at);
          insert.setString(2, by);
          insert.setString(3, audited.value());
          insert.setString(4, String.valueOf(id));
          insert.setString(5, change.field());
          insert.setString(6, change.from());
          insert.setString(7, change.to());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    });
  }
}
