package com.relais.crm.opportunity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The comments people wrote in a deal's stage forms, each kept with its stage, who and when. */
@Repository
class StageComments {
  private final JdbcClient jdbc;

  StageComments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(long opportunityId, String stage, String taskName, String comment, String writtenBy, Instant at) {
    jdbc.sql("insert into stage_comment (opportunity_id, stage, task_name, comment, written_by, written_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(opportunityId, stage, taskName, comment, writtenBy, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }

  List<OpportunityView.StageCommentView> of(long opportunityId) {
    return jdbc.sql("select stage, task_name, comment, written_by, written_at from stage_comment"
            + " where opportunity_id = ? order by written_at, id")
        .param(opportunityId)
        .query((rs, n) -> new OpportunityView.StageCommentView(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
        .list();
  }
}
