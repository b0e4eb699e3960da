package com.relais.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.HttpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows kept for the commit are written by it and only by it: all of them when the step commits, none when it rolls
 * back, and a transaction opened inside another commits its own rows with itself.
 */
@HttpTest
class WrittenAtCommitTest {
  private static final String INSERT = "insert into written_at_commit_probe (line) values (?)";

  @Autowired WrittenAtCommit atCommit;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void probeTable() {
    jdbc.execute("create table if not exists written_at_commit_probe (line varchar(40) not null)");
    jdbc.update("delete from written_at_commit_probe");
  }

  @AfterEach
  void dropProbe() {
    jdbc.execute("drop table written_at_commit_probe");
  }

  private int lines() {
    return jdbc.queryForObject("select count(*) from written_at_commit_probe", Integer.class);
  }

  @Test
  void theStepsRowsAreWrittenTogetherWhenItCommits() {
    new TransactionTemplate(transactions).executeWithoutResult(step -> {
      atCommit.insert(INSERT, "first");
      atCommit.insert(INSERT, "second");
      assertThat(lines()).as("not written before the commit").isZero();
    });
    assertThat(jdbc.queryForList("select line from written_at_commit_probe", String.class))
        .containsExactlyInAnyOrder("first", "second");
  }

  @Test
  void aStepThatFailsLeavesNoneOfItsRows() {
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(step -> {
      atCommit.insert(INSERT, "lost with the step");
      throw new IllegalStateException("the step fails after appending");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(lines()).isZero();
  }

  @Test
  void anInnerTransactionCommitsItsOwnRowsEvenWhenTheOuterRollsBack() {
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    new TransactionTemplate(transactions).executeWithoutResult(outer -> {
      atCommit.insert(INSERT, "outer");
      inner.executeWithoutResult(status -> atCommit.insert(INSERT, "inner"));
      outer.setRollbackOnly();
    });
    assertThat(jdbc.queryForList("select line from written_at_commit_probe", String.class))
        .containsExactly("inner");
  }

  @Test
  void withoutATransactionTheRowIsWrittenAtOnce() {
    atCommit.insert(INSERT, "at once");
    assertThat(lines()).isEqualTo(1);
  }
}
