package com.relais.crm.communication;

import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import com.relais.crm.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exchange types and statuses people may pick from, kept in {@code communication_catalogue}. */
@Service
public class ExchangeCatalogue {
  static final String DEFAULT_STATUS = "PLANNED";

  /** The audit's name for entries of this catalogue; an entry's id there is "KIND/CODE". */
  static final String AUDITED = "exchange-catalogue";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ExchangeCatalogue(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<CatalogueEntry> list(CatalogueKind kind, boolean withRetired) {
    return jdbc.sql("select * from communication_catalogue where kind = ? " + (withRetired ? "" : "and active = true ")
            + "order by position, code")
        .param(kind.name())
        .query(ExchangeCatalogue::entry)
        .list();
  }

  @Transactional(readOnly = true)
  public CatalogueEntry get(CatalogueKind kind, String code) {
    return find(kind, code).orElseThrow(() -> new NotFoundException(label(kind), code));
  }

  @Transactional
  public CatalogueEntry add(CatalogueKind kind, CatalogueEntryRequest request) {
    if (request.code() == null) {
      throw new InvalidFieldException("code", "code: must be given for a new entry");
    }
    checkOutcome(kind, request.outcome());
    if (kind == CatalogueKind.STATUS && request.outcome() == null) {
      throw new InvalidFieldException("outcome", "outcome: a status must say whether it is OPEN, DONE or CANCELLED");
    }
    int position = request.position() != null ? request.position()
        : jdbc.sql("select coalesce(max(position), 0) + 10 from communication_catalogue where kind = ?")
            .param(kind.name()).query(Integer.class).single();
    try {
      jdbc.sql("insert into communication_catalogue (kind, code, label, outcome, active, built_in, position) "
              + "values (?, ?, ?, ?, ?, false, ?)")
          .params(kind.name(), request.code(), request.label().strip(),
              request.outcome() == null ? null : request.outcome().name(),
              request.active() == null || request.active(), position)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException(label(kind) + " " + request.code() + " already exists; change it with PUT");
    }
    CatalogueEntry added = get(kind, request.code());
    audit.recordChange(AUDITED, kind + "/" + request.code(), null, added);
    return added;
  }

  /** Relabels, reorders, retires or brings back an entry; its code never changes, so stored exchanges stay valid. */
  @Transactional
  public CatalogueEntry change(CatalogueKind kind, String code, CatalogueEntryRequest request) {
    CatalogueEntry current = get(kind, code);
    if (request.code() != null && !request.code().equals(code)) {
      throw new InvalidFieldException("code", "code: cannot be changed; retire this entry and add a new one");
    }
    checkOutcome(kind, request.outcome());
    boolean active = request.active() == null ? current.active() : request.active();
    StatusOutcome outcome = request.outcome() == null ? current.outcome() : request.outcome();
    if (current.builtIn() && !active) {
      throw new InvalidFieldException("active", "active: " + code + " is built in and cannot be retired");
    }
    if (current.builtIn() && outcome != current.outcome()) {
      throw new InvalidFieldException("outcome", "outcome: the outcome of built-in status " + code + " is fixed");
    }
    jdbc.sql("update communication_catalogue set label = ?, outcome = ?, active = ?, position = ? "
            + "where kind = ? and code = ?")
        .params(request.label().strip(), outcome == null ? null : outcome.name(), active,
            request.position() == null ? current.position() : request.position(), kind.name(), code)
        .update();
    CatalogueEntry changed = get(kind, code);
    audit.recordChange(AUDITED, kind + "/" + code, current, changed);
    return changed;
  }

  /** For a new or changed exchange: the code must be in the list and not retired. */
  @Transactional(readOnly = true)
  public void requireSelectable(CatalogueKind kind, String code) {
    if (find(kind, code).filter(CatalogueEntry::active).isEmpty()) {
      throw unknown(kind, code, "one of " + codes(kind, false));
    }
  }

  /** For a search: retired codes still find the exchanges that carry them. */
  @Transactional(readOnly = true)
  public void requireKnown(CatalogueKind kind, String code) {
    if (find(kind, code).isEmpty()) {
      throw unknown(kind, code, "one of " + codes(kind, true));
    }
  }

  /** Whether an exchange in this status counts as done (retired statuses too: old exchanges keep theirs). */
  @Transactional(readOnly = true)
  boolean isDone(String statusCode) {
    return find(CatalogueKind.STATUS, statusCode).map(e -> e.outcome() == StatusOutcome.DONE).orElse(false);
  }

  private InvalidFieldException unknown(CatalogueKind kind, String code, String expected) {
    return new InvalidFieldException(kind.field(),
        kind.field() + ": '" + code + "' is not a " + (find(kind, code).isPresent() ? "current " : "known ")
            + kind.field() + "; use " + expected);
  }

  private List<String> codes(CatalogueKind kind, boolean withRetired) {
    return list(kind, withRetired).stream().map(CatalogueEntry::code).toList();
  }

  private Optional<CatalogueEntry> find(CatalogueKind kind, String code) {
    return jdbc.sql("select * from communication_catalogue where kind = ? and code = ?")
        .params(kind.name(), code)
        .query(ExchangeCatalogue::entry)
        .optional();
  }

  private static void checkOutcome(CatalogueKind kind, StatusOutcome outcome) {
    if (kind == CatalogueKind.TYPE && outcome != null) {
      throw new InvalidFieldException("outcome", "outcome: only statuses have an outcome");
    }
  }

  private static String label(CatalogueKind kind) {
    return kind == CatalogueKind.TYPE ? "Exchange type" : "Exchange status";
  }

  private static CatalogueEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String outcome = rs.getString("outcome");
    return new CatalogueEntry(CatalogueKind.valueOf(rs.getString("kind")), rs.getString("code"),
        rs.getString("label"), outcome == null ? null : StatusOutcome.valueOf(outcome), rs.getBoolean("active"),
        rs.getBoolean("built_in"), rs.getInt("position"));
  }
}
