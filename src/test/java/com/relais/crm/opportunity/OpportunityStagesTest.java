package com.relais.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deal's guarded state changes, without Spring or the engine. */
class OpportunityStagesTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(3600);

  private static Opportunity deal() {
    return new Opportunity(7L, "  Forklift  ", new BigDecimal("1200.00"), "EUR", "sales", null, T0);
  }

  @Test
  void aNewDealIsAProspectWithItsTitleTrimmed() {
    Opportunity deal = deal();
    assertThat(deal.getStage()).isEqualTo(SaleStage.SALE_1_PROSPECT);
    assertThat(deal.getTitle()).isEqualTo("Forklift");
  }

  @Test
  void movingReturnsThePreviousStageAndStampsTheTime() {
    Opportunity deal = deal();
    assertThat(deal.moveTo(SaleStage.SALE_2_QUALIFIED, T1)).contains(SaleStage.SALE_1_PROSPECT);
    assertThat(deal.getStage()).isEqualTo(SaleStage.SALE_2_QUALIFIED);
    assertThat(deal.getUpdatedAt()).isEqualTo(T1);
  }

  @Test
  void enteringTheSameStageAgainChangesNothing() {
    Opportunity deal = deal();
    deal.moveTo(SaleStage.SALE_2_QUALIFIED, T1);
    assertThat(deal.moveTo(SaleStage.SALE_2_QUALIFIED, T1.plusSeconds(5))).isEmpty();
    assertThat(deal.getUpdatedAt()).isEqualTo(T1);
  }

  @Test
  void aWonOrLostDealNeverMovesAgain() {
    Opportunity won = deal();
    won.moveTo(SaleStage.SALE_6_WON, T1);
    assertThatThrownBy(() -> won.moveTo(SaleStage.SALE_1_PROSPECT, T1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SALE_6_WON");
    Opportunity lost = deal();
    lost.moveTo(SaleStage.SALE_LOST, T1);
    assertThatThrownBy(() -> lost.moveTo(SaleStage.SALE_2_QUALIFIED, T1)).isInstanceOf(IllegalStateException.class);
    assertThat(lost.getStage()).isEqualTo(SaleStage.SALE_LOST);
  }

  @Test
  void theDeliveryNoteIsSignedOnce() {
    Opportunity deal = deal();
    deal.recordDeliveryNoteSignature("M. Durand", T1);
    assertThat(deal.getDeliveryNoteSignedBy()).isEqualTo("M. Durand");
    assertThatThrownBy(() -> deal.recordDeliveryNoteSignature("Someone else", T1))
        .isInstanceOf(IllegalStateException.class);
    assertThat(deal.getDeliveryNoteSignedBy()).isEqualTo("M. Durand");
  }
}
