package com.relais.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The support case's guarded state changes, without Spring or the engine. */
class SupportCaseStatesTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static SupportCase open() {
    return new SupportCase(3L, "delivery-pi-1", "Two boxes crushed", T0);
  }

  @Test
  void aCaseIsTriagedResolvedAndConfirmed() {
    SupportCase supportCase = open();
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.OPEN);
    supportCase.triage("HIGH", T1);
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.TRIAGED);
    supportCase.proposeResolution("REPLACE", "new boxes", T1);
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.AWAITING_CONFIRMATION);
    supportCase.customerAnswered(true, T1);
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.RESOLVED);
    assertThat(supportCase.getResolvedAt()).isEqualTo(T1);
  }

  @Test
  void anUnhappyCustomerReopensTheCase() {
    SupportCase supportCase = open();
    supportCase.proposeResolution("REFUND", null, T1);
    supportCase.customerAnswered(false, T1);
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.REOPENED);
    assertThat(supportCase.getResolvedAt()).isNull();
  }

  @Test
  void aResolvedCaseRefusesFurtherWork() {
    SupportCase supportCase = open();
    supportCase.customerAnswered(true, T1);
    assertThatThrownBy(() -> supportCase.triage("LOW", T1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> supportCase.proposeResolution("X", null, T1)).isInstanceOf(IllegalStateException.class);
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.RESOLVED);
  }

  @Test
  void escalationIsMarked() {
    SupportCase supportCase = open();
    supportCase.escalated(T1);
    assertThat(supportCase.isEscalated()).isTrue();
  }
}
