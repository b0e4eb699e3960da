package com.relais.crm.campaign;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The one class that talks to the engine's runtime for campaigns: it starts a submitted campaign's process. */
@Component
class CampaignProcess {
  private final RuntimeService runtimeService;
  private final java.time.Duration replyWindow;

  CampaignProcess(RuntimeService runtimeService,
      @org.springframework.beans.factory.annotation.Value("${relais.campaigns.reply-window:P30D}")
      java.time.Duration replyWindow) {
    this.runtimeService = runtimeService;
    this.replyWindow = replyWindow;
  }

  /** A customer's reply for the person or group the routing table names (processes/campaign-reply.bpmn). */
  void startReply(Long campaignId, Map<String, Object> variables) {
    runtimeService.startProcessInstanceByKey("campaign-reply",
        campaignId == null ? "reply" : CampaignBpmn.businessKey(campaignId), variables);
  }

  void start(Campaign campaign, Campaigns.AudiencePreview preview, String renderedPreview) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignBpmn.CAMPAIGN_ID, campaign.id());
    variables.put(CampaignBpmn.CAMPAIGN_NAME, campaign.name());
    variables.put(CampaignBpmn.AUDIENCE_COUNT, preview.count());
    variables.put(CampaignBpmn.EXCLUDED_NO_CONSENT, preview.excludedNoConsent());
    StringBuilder sample = new StringBuilder();
    preview.sample().forEach(r -> sample.append(r.name()).append(" (").append(r.category()).append(")\n"));
    variables.put(CampaignBpmn.AUDIENCE_SAMPLE, sample.toString().strip());
    variables.put(CampaignBpmn.PREVIEW, renderedPreview.length() > 3900 ? renderedPreview.substring(0, 3900)
        : renderedPreview);
    // without a sending time it goes out as soon as it is approved
    variables.put(CampaignBpmn.REPLY_WINDOW, replyWindow.toString());
    variables.put(CampaignBpmn.SEND_AT, campaign.sendAt() == null ? new Date(0) : Date.from(campaign.sendAt()));
    runtimeService.startProcessInstanceByKey(CampaignBpmn.PROCESS_KEY, CampaignBpmn.businessKey(campaign.id()),
        variables);
  }
}
