package com.relais.crm.campaign;

import com.relais.crm.engine.DecisionVariables;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names shared between processes/campaign.bpmn and the Java side. */
final class CampaignBpmn {
  static final String PROCESS_KEY = "campaign";
  static final String TASK_APPROVE = "userTask_approveCampaign";

  static final String CAMPAIGN_ID = "campaignId";
  static final String CAMPAIGN_NAME = "campaignName";
  static final String AUDIENCE_COUNT = "audienceCount";
  static final String EXCLUDED_NO_CONSENT = "excludedNoConsent";
  static final String AUDIENCE_SAMPLE = "audienceSample";
  static final String PREVIEW = "renderedPreview";
  static final String SEND_AT = "sendAt";
  static final String APPROVED = "campaignApproved";
  static final String DECISION_NOTE = "decisionNote";
  static final String ALL_SENT = "allSent";
  static final String BATCH_PAUSE = "batchPause";
  static final String REPLY_WINDOW = "replyWindow";

  private CampaignBpmn() {}

  static String businessKey(long campaignId) {
    return "campaign-" + campaignId;
  }

  /** The approval's decision, held to true or false, and what was done of a reply, held to its values. */
  @Component
  static class Decisions implements DecisionVariables {
    @Override
    public Map<String, Set<String>> choices() {
      return Map.of("replyOutcome", Set.of("ANSWERED", "CALLED", "DEAL_OPENED", "NOTHING_NEEDED"));
    }

    @Override
    public Set<String> flags() {
      return Set.of(APPROVED);
    }
  }
}
