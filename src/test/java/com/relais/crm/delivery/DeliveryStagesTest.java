package com.relais.crm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The delivery's guarded state changes, without Spring or the engine. */
class DeliveryStagesTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private static Delivery delivery() {
    return new Delivery(9L, "EXTERNAL", false, T0);
  }

  @Test
  void aDeliveryStartsAtItsNoteAndMovesStageByStage() {
    Delivery delivery = delivery();
    assertThat(delivery.getStage()).isEqualTo(DeliveryStage.DELIVERY_1_NOTE_ISSUED);
    assertThat(delivery.moveTo(DeliveryStage.DELIVERY_2_CARRIER_TRANSFER, T0)).contains(
        DeliveryStage.DELIVERY_1_NOTE_ISSUED);
    assertThat(delivery.moveTo(DeliveryStage.DELIVERY_2_CARRIER_TRANSFER, T0)).isEmpty();
  }

  @Test
  void aReceivedOrRejectedDeliveryNeverMovesAgain() {
    Delivery received = delivery();
    received.moveTo(DeliveryStage.DELIVERY_7_RECEIVED, T0);
    assertThatThrownBy(() -> received.moveTo(DeliveryStage.DELIVERY_5_CONFIRMATION, T0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELIVERY_7_RECEIVED");
    Delivery rejected = delivery();
    rejected.moveTo(DeliveryStage.DELIVERY_8_REJECTED, T0);
    assertThatThrownBy(() -> rejected.moveTo(DeliveryStage.DELIVERY_7_RECEIVED, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCarrierQuoteCountsOnceTheSameAgainIsADuplicateAnotherAConflict() {
    Delivery delivery = delivery();
    assertThat(delivery.acceptQuote(new BigDecimal("420.00"), T0)).isTrue();
    assertThat(delivery.acceptQuote(new BigDecimal("420"), T0)).isFalse();
    assertThatThrownBy(() -> delivery.acceptQuote(new BigDecimal("500"), T0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("420");
    assertThat(delivery.getCarrierQuote()).isEqualByComparingTo("420");
  }
}
