package com.relais.crm.opportunity;

import com.relais.crm.engine.DecisionVariables;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names shared between processes/sale.bpmn and the Java side. */
public final class SaleBpmn {
  public static final String PROCESS_KEY = "sale";
  public static final String MESSAGE_DELIVERY_NOTE_SIGNED = "DeliveryNoteSigned";

  public static final String SALE_OUTCOME = "saleOutcome";
  public static final String OUTCOME_WON = "WON";
  public static final String OUTCOME_LOST = "LOST";
  public static final String OUTCOME_OPEN = "OPEN";
  public static final String TRANSPORT = "transport";
  public static final String SIMPLIFIED = "simplified";
  public static final String SIGNED_BY = "signedBy";
  public static final String AFTER_SALE_TEMPLATE_ID = "afterSaleTemplateId";
  /** The comment field of the stage forms; kept with its stage (StageCommentRecorder), then removed. */
  public static final String STAGE_COMMENT = "stageComment";
  public static final String DELIVERY_NOTE_ATTACHMENT_ID = "deliveryNoteAttachmentId";

  public static final String TRANSPORT_EXTERNAL = "EXTERNAL";
  public static final String TRANSPORT_INTERNAL = "INTERNAL";

  private SaleBpmn() {}

  /** The sale's decisions, held to these values at every task completion. */
  @Component
  static class Decisions implements DecisionVariables {
    @Override
    public Map<String, Set<String>> choices() {
      return Map.of(SALE_OUTCOME, Set.of(OUTCOME_OPEN, OUTCOME_WON, OUTCOME_LOST),
          TRANSPORT, Set.of(TRANSPORT_EXTERNAL, TRANSPORT_INTERNAL));
    }

    @Override
    public Set<String> flags() {
      return Set.of(SIMPLIFIED);
    }
  }
}
