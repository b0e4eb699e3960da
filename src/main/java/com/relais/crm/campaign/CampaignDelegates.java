package com.relais.crm.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The campaign diagram's service tasks: each reads the campaign's id and calls one method of the sending. */
final class CampaignDelegates {
  private CampaignDelegates() {}

  private static long campaignId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CampaignBpmn.CAMPAIGN_ID)).longValue();
  }

  private static String note(DelegateExecution execution) {
    Object note = execution.getVariable(CampaignBpmn.DECISION_NOTE);
    return note == null ? null : note.toString();
  }

  /** Approved: runs in the manager's completion, so the approver is the one who completed it. */
  @Component("scheduleCampaign")
  static class Schedule implements JavaDelegate {
    private final CampaignSending sending;

    Schedule(CampaignSending sending) {
      this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sending.schedule(campaignId(execution), note(execution));
    }
  }

  @Component("rejectCampaign")
  static class Reject implements JavaDelegate {
    private final CampaignSending sending;

    Reject(CampaignSending sending) {
      this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sending.reject(campaignId(execution), note(execution));
    }
  }

  @Component("sendCampaignBatch")
  static class SendBatch implements JavaDelegate {
    private final CampaignSending sending;

    SendBatch(CampaignSending sending) {
      this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(CampaignBpmn.ALL_SENT, sending.sendBatch(campaignId(execution)));
      execution.setVariable(CampaignBpmn.BATCH_PAUSE, sending.pause().toString());
    }
  }

  @Component("markCampaignSent")
  static class MarkSent implements JavaDelegate {
    private final CampaignSending sending;

    MarkSent(CampaignSending sending) {
      this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sending.markSent(campaignId(execution));
    }
  }

  /** The reply window is over: replies and opt-outs after it no longer count for this campaign. */
  @Component("closeCampaign")
  static class Close implements JavaDelegate {
    private final CampaignSending sending;

    Close(CampaignSending sending) {
      this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sending.close(campaignId(execution));
    }
  }
}
