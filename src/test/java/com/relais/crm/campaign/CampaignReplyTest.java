package com.relais.crm.campaign;

import static com.relais.crm.Eventually.eventuallyPresent;
import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Replies to a campaign, mailed over SMTP to the replies mailbox and read back over IMAP: logged on the customer,
 * counted in the campaign, and routed by reply-routing.dmn, a sales lead to the customer's account manager and a
 * stranger's mail to the triage group; the same mail read twice is taken in once.
 */
@HttpTest
class CampaignReplyTest {
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired JavaMailSender mailer;

  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private void reply(String from, String subject, String text, String messageId) throws Exception {
    MimeMessage mail = mailer.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mail, "UTF-8");
    helper.setFrom(from);
    helper.setTo("relais@localhost");
    helper.setSubject(subject);
    helper.setText(text);
    mail.saveChanges();
    mail.setHeader("Message-ID", messageId);
    mailer.send(mail);
  }

  private Task replyTask(String businessKey, String containing) {
    return eventuallyPresent(() -> taskService.createTaskQuery().processDefinitionKey("campaign-reply")
        .processInstanceBusinessKey(businessKey).list().stream()
        .filter(t -> taskService.getVariable(t.getId(), "replyText").toString().contains(containing))
        .findFirst().orElse(null));
  }

  @Test
  void aSalesLeadReachesTheAccountManagerAndAStrangerGoesToTriage() throws Exception {
    String category = "REPLY_" + run.toUpperCase().replace('-', '_');
    Api admin = Api.as(rest, "admin");
    Api sales = Api.as(rest, "sales");
    admin.post("/api/customer-categories", Map.of("code", category, "label", "Reply " + run));
    String email = "replier." + run + "@example.com";
    long customer = sales.post("/api/customers", Map.of("name", "Replier " + run, "email", email, "category",
        category, "emailConsent", Map.of("granted", true, "source", "web form"))).json().path("id").asLong();
    // an earlier deal makes sales2 the account manager
    assertThat(sales.post("/api/opportunities", Map.of("customerId", customer, "title", "First order", "amount", 100,
        "currency", "EUR", "owner", "sales2")).status()).isEqualTo(201);
    long campaign = sales.post("/api/campaigns", Map.of("name", "Reply test " + run, "channel", "EMAIL", "purpose",
        "PROMOTIONAL", "subject", "News", "text", "Hello {{name}}", "audience", Map.of("categories",
            List.of(category)))).json().path("id").asLong();
    sales.post("/api/campaigns/" + campaign + "/submit", Map.of());
    String approval = taskService.createTaskQuery().processInstanceBusinessKey("campaign-" + campaign).singleResult()
        .getId();
    Api.as(rest, "manager").post("/engine-rest/task/" + approval + "/complete", Map.of("variables",
        Map.of("campaignApproved", Map.of("value", true))));
    eventuallyPresent(() -> "SENT".equals(sales.get("/api/campaigns/" + campaign).json().path("status").asText())
        ? true : null);

    String messageId = "<reply-" + run + "@example.com>";
    reply(email, "Re: News", "I am interested, could you send me a quote for 40 boxes?", messageId);
    Task lead = replyTask("campaign-" + campaign, "quote for 40 boxes");
    assertThat(lead.getAssignee()).isEqualTo("sales2");
    assertThat(taskService.getVariable(lead.getId(), "replyTopic")).isEqualTo("Sales lead");
    assertThat(sales.get("/api/communications?customerId=" + customer).json().toString())
        .contains("Reply to campaign Reply test " + run + ": Re: News");
    assertThat(sales.get("/api/campaigns/" + campaign).json().path("counts").path("replies").asLong()).isOne();

    // the same mail again (a second copy in the mailbox): taken in once
    reply(email, "Re: News", "I am interested, could you send me a quote for 40 boxes?", messageId);
    String strangerText = "Who are you? " + run;
    reply("stranger." + run + "@example.org", "Hello", strangerText, "<stranger-" + run + "@example.org>");
    Task triage = replyTask("reply", strangerText);
    assertThat(triage.getAssignee()).isNull();
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).taskCandidateGroup("sales").count()).isOne();
    assertThat(taskService.getVariable(triage.getId(), "replyTopic").toString()).startsWith("Unknown sender");
    // by now the mailbox was read after the duplicate arrived
    assertThat(sales.get("/api/campaigns/" + campaign).json().path("counts").path("replies").asLong()).isOne();

    // the account manager records what they did
    assertThat(Api.as(rest, "sales2").post("/engine-rest/task/" + lead.getId() + "/complete", Map.of("variables",
        Map.of("replyOutcome", Map.of("value", "DEAL_OPENED")))).status()).isEqualTo(204);
  }
}
