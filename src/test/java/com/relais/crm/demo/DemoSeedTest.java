package com.relais.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.Eventually;
import com.relais.crm.RelaisCrmApplication;
import com.relais.crm.attachment.Attachment;
import com.relais.crm.attachment.AttachmentService;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerCategory;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.deal.DealKey;
import com.relais.crm.delivery.Delivery;
import com.relais.crm.delivery.DeliveryService;
import com.relais.crm.delivery.DeliveryStage;
import com.relais.crm.opportunity.DealFilter;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleStage;
import com.relais.crm.opportunity.StageChange;
import com.relais.crm.platform.NotFoundException;
import com.relais.crm.support.OpenSupportCases;
import com.relais.crm.support.SupportCase;
import com.relais.crm.support.SupportCaseService;
import com.relais.crm.support.SupportCaseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The quick start as a user finds it on the first start of the demo profile: the seed has run once on an empty
 * database of its own, and the CRM, Tasklist and Cockpit show customers, exchanges, files and deals at every stage.
 * A second application context beside the suite's shared one ({@link com.relais.crm.HttpTest}): its own in-memory
 * H2, its own mail sink ports and object directory, an engine under a name of its own, and no webapps (they keep
 * static state that closing this context would clear under the suite's feet). Closed after the class.
 */
@SpringBootTest(classes = RelaisCrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-seed;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "relais.demo.seed=true",
        "relais.storage.embedded-directory=target/demo-seed-objects",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles("demo")
@DirtiesContext
class DemoSeedTest {
  private static final int SMTP_PORT = freePort();
  private static final int IMAP_PORT = freePort();
  private static final String SALES = "sales";

  /** The suite's context holds the default mail sink ports; read once, so every reader gets the same port. */
  @DynamicPropertySource
  static void mailSinkPorts(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("relais.replies.sink-imap-port", () -> IMAP_PORT);
  }

  @Autowired DemoSeed seed;
  @Autowired CustomerService customers;
  @Autowired OpportunityService opportunities;
  @Autowired CommunicationService communications;
  @Autowired AttachmentService attachments;
  @Autowired DeliveryService deliveries;
  @Autowired SupportCaseService supportCases;
  @Autowired OpenSupportCases openSupportCases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @Test
  void customersOfEveryCategoryAndSourceWithHowTheyConsented() throws Exception {
    assertThat(seeded().customers()).isEqualTo(DemoCustomers.CUSTOMERS.size()).isGreaterThanOrEqualTo(30);
    List<Customer> all = customers.search(null, null, PageRequest.of(0, 200)).getContent();
    for (String category : List.of(CustomerCategory.PROSPECT, CustomerCategory.CUSTOMER, CustomerCategory.KEY_ACCOUNT,
        CustomerCategory.PARTNER, CustomerCategory.INACTIVE)) {
      assertThat(customers.search(null, category, PageRequest.of(0, 1)).getTotalElements()).as(category).isPositive();
    }
    assertThat(all).extracting(Customer::getAcquisitionSource).contains(AcquisitionSource.values());
    assertThat(all).allSatisfy(customer -> assertThat(customer.getPhone()).startsWith("+33 "));
    assertThat(all).anySatisfy(customer -> {
      assertThat(customer.getEmailConsent().granted()).isTrue();
      assertThat(customer.getEmailConsent().source()).isNotBlank();
    });
    assertThat(all).anySatisfy(customer -> assertThat(customer.getSmsConsent().granted()).isTrue());
    assertThat(all).anySatisfy(customer -> {
      assertThat(customer.getEmailConsent().granted()).isFalse();
      assertThat(customer.getSmsConsent().granted()).isFalse();
    });
    assertThat(all).extracting(Customer::getCreatedBy).contains(SALES, "sales2", "manager");
  }

  @Test
  void exchangesBySeveralPeopleOverTheLastWeeks() throws Exception {
    assertThat(seeded().exchanges()).isEqualTo(DemoExchanges.EXCHANGES.size());
    assertThat(jdbc.sql("select distinct author from communication").query(String.class).list())
        .contains(SALES, "sales2", "manager", "support", "logistics");
    OffsetDateTime earliest = jdbc.sql("select min(starts_at) from communication").query(OffsetDateTime.class)
        .single();
    assertThat(earliest.toInstant()).isBefore(Instant.now().minus(Duration.ofDays(28)));
    assertThat(jdbc.sql("select count(*) from communication where status = 'PLANNED'").query(Long.class).single())
        .isPositive();
  }

  /** Private notes: another salesperson reads them as if they did not exist; their author reads them. */
  @Test
  void aPrivateExchangeIsReadByItsAuthorOnly() throws Exception {
    seeded();
    record PrivateNote(long id, String author) {}
    List<PrivateNote> notes = jdbc.sql("select id, author from communication where private_entry = true")
        .query((row, number) -> new PrivateNote(row.getLong("id"), row.getString("author"))).list();
    assertThat(notes).isNotEmpty();
    for (PrivateNote note : notes) {
      String other = SALES.equals(note.author()) ? "sales2" : SALES;
      assertThatThrownBy(() -> as(other, () -> communications.get(note.id())))
          .isInstanceOf(NotFoundException.class);
      assertThat(as(note.author(), () -> communications.get(note.id())).isPrivateEntry()).isTrue();
    }
  }

  @Test
  void filesOnCustomersAndTheQuotesTextFoundByTheQuickSearch() throws Exception {
    assertThat(seeded().files()).isEqualTo(3);
    // the text is extracted after the upload's commit, on a pool of its own
    List<Attachment> hits = Eventually.eventually(() -> attachments.matching("chariot", 10), found -> !found.isEmpty());
    assertThat(hits).extracting(Attachment::getFileName)
        .allSatisfy(name -> assertThat(name.toLowerCase()).doesNotContain("chariot"))
        .anySatisfy(name -> assertThat(name).startsWith("Devis"));
    assertThat(jdbc.sql("select content_type from attachment").query(String.class).list())
        .contains("application/pdf", "image/png");
  }

  @Test
  void atLeastOneDealInEveryStageOfTheSaleNoneStoppedShort() throws Exception {
    SeedSummary summary = seeded();
    assertThat(summary.dealsStopped()).isZero();
    assertThat(summary.deals()).containsOnlyKeys(Milestone.values());
    for (SaleStage stage : SaleStage.values()) {
      assertThat(opportunities.list(new DealFilter(stage, null, null, null, null, null, null, null),
          PageRequest.of(0, 1)).getTotalElements()).as(stage.name()).isPositive();
    }
    assertThat(opportunities.list(new DealFilter(null, "sales2", null, null, null, null, null, null),
        PageRequest.of(0, 1)).getTotalElements()).isPositive();
  }

  @Test
  void oneDeliveryNoteWaitsToBeSentAndAnotherForTheCustomersSignature() throws Exception {
    SeedSummary summary = seeded();
    long toSend = only(summary.dealsAt(Milestone.NOTE_TO_SEND));
    assertThat(opportunities.get(toSend).getStage()).isEqualTo(SaleStage.SALE_5_SIGNATURE);
    assertThat(openTask(toSend, "userTask_sendDeliveryNote")).isNotNull();

    long awaiting = only(summary.dealsAt(Milestone.AWAITING_SIGNATURE));
    assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(DealKey.of(awaiting))
        .messageEventSubscriptionName("DeliveryNoteSigned").count()).isEqualTo(1);
  }

  @Test
  void aDeliveryWaitsForFinancesApproval() throws Exception {
    long id = only(seeded().dealsAt(Milestone.FINANCIAL_APPROVAL));
    assertThat(opportunities.get(id).getDeliveryNoteSignedBy()).isEqualTo("M. Fontaine");
    Delivery delivery = deliveries.get(id);
    assertThat(delivery.getStage()).isEqualTo(DeliveryStage.DELIVERY_4_FINANCIAL_APPROVAL);
    assertThat(delivery.getCarrierQuote()).isEqualByComparingTo("380");
    Task approval = openTask(id, "userTask_approveTransport");
    assertThat(taskService.getIdentityLinksForTask(approval.getId()))
        .anyMatch(link -> "finance".equals(link.getGroupId()));
  }

  @Test
  void aNegativeReceptionLeftASupportCaseOpen() throws Exception {
    long id = only(seeded().dealsAt(Milestone.SUPPORT_CASE));
    assertThat(deliveries.get(id).getStage()).isEqualTo(DeliveryStage.DELIVERY_8_REJECTED);
    assertThat(openSupportCases.dealIds()).contains(id);
    SupportCase supportCase = supportCases.ofDeal(id).get(0);
    assertThat(supportCase.getStatus()).isEqualTo(SupportCaseStatus.TRIAGED);
    assertThat(supportCase.getPriority()).isEqualTo("HIGH");
    assertThat(openTask(id, "userTask_resolveCase")).isNotNull();
  }

  @Test
  void aWonDealIsReceivedAndItsAfterSaleRuns() throws Exception {
    long id = only(seeded().dealsAt(Milestone.AFTER_SALE));
    assertThat(deliveries.get(id).getStage()).isEqualTo(DeliveryStage.DELIVERY_7_RECEIVED);
    ProcessInstance afterSale = runtimeService.createProcessInstanceQuery().processDefinitionKey("after-sale")
        .processInstanceBusinessKey(DealKey.of(id)).singleResult();
    assertThat(afterSale).isNotNull();
    // the installation is done; the template's other tasks wait
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(afterSale.getId())
        .taskDefinitionKey("userTask_afterSaleTask").finished().count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceId(afterSale.getId())
        .taskDefinitionKey("userTask_afterSaleTask").count()).isPositive();
    // each step was taken by a person of the team it belongs to, as Tasklist would record it
    assertThat(opportunities.historyOf(id)).extracting(StageChange::getChangedBy)
        .contains(SALES, "logistics", "finance");
  }

  @Test
  void aSecondRunSeedsNothing() throws Exception {
    seeded();
    long customersBefore = count("customer");
    long dealsBefore = count("opportunity");
    long exchangesBefore = count("communication");

    assertThat(seed.seedIfEmpty().createdNothing()).isTrue();

    assertThat(count("customer")).isEqualTo(customersBefore);
    assertThat(count("opportunity")).isEqualTo(dealsBefore);
    assertThat(count("communication")).isEqualTo(exchangesBefore);
  }

  /** The seed started at the ready event, on its own thread. */
  private SeedSummary seeded() throws Exception {
    return seed.finished().get(5, TimeUnit.MINUTES);
  }

  private Task openTask(long dealId, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(DealKey.of(dealId)).taskDefinitionKey(taskKey)
        .singleResult();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static long only(List<Long> deals) {
    assertThat(deals).hasSize(1);
    return deals.get(0);
  }

  /** A call as this salesperson, as the /api filter chain would make it. */
  private static <T> T as(String user, Supplier<T> call) {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
        List.of(new SimpleGrantedAuthority("GROUP_sales"))));
    try {
      return call.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
