package com.relais.crm.communication;

import com.relais.crm.audit.AuditedAs;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** One exchange with a customer (or a general note). Private ones are seen by their author and assignees only. */
@AuditedAs("exchange")
@Entity
public class Communication {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  // a code of the exchange catalogue (communication_catalogue, kind TYPE)
  private String type;

  private String subject;
  private String details;
  private Instant startsAt;
  private Instant endsAt;

  // a code of the exchange catalogue (kind STATUS)
  private String status;

  private boolean privateEntry;
  private String author;
  private Long customerId;

  // small sets read with every exchange; batch loading keeps a page of results to a few queries
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "communication_assignee", joinColumns = @JoinColumn(name = "communication_id"))
  @Column(name = "user_id")
  @BatchSize(size = 50)
  private Set<String> assignees = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "communication_opportunity", joinColumns = @JoinColumn(name = "communication_id"))
  @Column(name = "opportunity_id")
  @BatchSize(size = 50)
  private Set<Long> opportunityIds = new LinkedHashSet<>();

  private Instant createdAt;
  private Instant updatedAt;

  @Version
  private long version;

  protected Communication() {}

  Communication(CommunicationDetails details, String author, Instant now) {
    this.author = author;
    this.createdAt = now;
    update(details, now);
  }

  void update(CommunicationDetails d, Instant now) {
    this.type = d.type();
    this.subject = d.subject().strip();
    this.details = d.details();
    this.startsAt = d.start();
    this.endsAt = d.end();
    this.status = d.status();
    this.privateEntry = d.privateEntry();
    this.customerId = d.customerId();
    this.assignees.clear();
    this.assignees.addAll(d.assignees());
    this.opportunityIds.clear();
    this.opportunityIds.addAll(d.opportunityIds());
    this.updatedAt = now;
  }

  /** Shared exchanges are seen by everyone; private ones by their author and assignees. Admins are decided by the caller. */
  boolean isVisibleTo(String userId) {
    return !privateEntry || author.equals(userId) || assignees.contains(userId);
  }

  public Long getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetails() {
    return details;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getStatus() {
    return status;
  }

  public boolean isPrivateEntry() {
    return privateEntry;
  }

  public String getAuthor() {
    return author;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public Set<String> getAssignees() {
    return Set.copyOf(assignees);
  }

  public Set<Long> getOpportunityIds() {
    return Set.copyOf(opportunityIds);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
