package com.relais.crm.opportunity;

import com.relais.crm.deal.DealKey;
import com.relais.crm.identity.CurrentUser;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the sale's stage tasks: the form's comment is kept with the stage it was written in (who,
 * when, which task) and taken out of the process, so the next stage's form opens empty instead of showing it again.
 * Runs in the completion's transaction: the comment and the step are kept together or not at all.
 */
@Component("stageCommentRecorder")
class StageCommentRecorder implements TaskListener {
  private final OpportunityRepository opportunities;
  private final StageComments comments;
  private final CurrentUser currentUser;
  private final Clock clock;

  StageCommentRecorder(OpportunityRepository opportunities, StageComments comments, CurrentUser currentUser,
      Clock clock) {
    this.opportunities = opportunities;
    this.comments = comments;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Object comment = task.getVariable(SaleBpmn.STAGE_COMMENT);
    task.getExecution().removeVariable(SaleBpmn.STAGE_COMMENT);
    if (comment == null || comment.toString().isBlank()) {
      return;
    }
    long opportunityId = DealKey.opportunityId(task);
    String stage = opportunities.findById(opportunityId).map(deal -> deal.getStage().name()).orElseThrow();
    comments.add(opportunityId, stage, task.getName(), comment.toString().strip(), currentUser.id(), clock.instant());
  }
}
