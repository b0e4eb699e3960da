package com.relais.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.DealDriver;
import com.relais.crm.HttpTest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many events of a deal tell nobody (the owner's own steps, nobody following, no rule for the kind); for those the
 * dispatcher must not read the deal and its customer for merge fields it will never use. When someone is told, the
 * fields are read once for all their channels, and the text they get is made from them. A person's choices are
 * remembered between events, and one they change counts at their next event all the same.
 */
@HttpTest
class FieldsReadWhenToldTest {
  @Autowired NotificationDispatcher dispatcher;
  @Autowired DealDriver deals;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationPreferences preferences;
  @Autowired TransactionTemplate transaction;

  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void quiet() {
    jdbc.update("delete from notification_preference");
    jdbc.update("delete from subscription");
    preferences.forgetRemembered();
  }

  /** Counts every read: the Happening itself must ask it once at most, whatever channels ask for the fields. */
  private Supplier<Map<String, Object>> countedFields() {
    return () -> {
      reads.incrementAndGet();
      Map<String, Object> fields = new HashMap<>();
      fields.put("customerName", "Read Once SARL");
      fields.put("dealTitle", "Cold room");
      fields.put("stage", "SALE_2_PROPOSAL");
      fields.put("fromStage", "SALE_1_QUALIFIED");
      return fields;
    };
  }

  private void dispatch(EventKind kind, long deal, String actor, Set<String> toldAnyway) {
    transaction.executeWithoutResult(status -> dispatcher.dispatch(new Happening(kind, null, deal, actor,
        countedFields(), toldAnyway, person -> true, kind + ":" + deal + ":" + reads.get() + ":" + actor)));
  }

  private int notificationsOf(String user, long deal) {
    return jdbc.queryForObject("select count(*) from notification where user_id = ? and opportunity_id = ?",
        Integer.class, user, deal);
  }

  @Test
  void theOwnersOwnStepReadsNothingAndTellsNobody() {
    long deal = deals.openDeal("Read Once SARL", "1200");
    int before = notificationsOf("sales", deal);

    dispatch(EventKind.STAGE_CHANGED, deal, "sales", Set.of("sales"));

    assertThat(reads).as("nobody to tell, no rule for stage changes: no merge fields read").hasValue(0);
    assertThat(notificationsOf("sales", deal)).isEqualTo(before);
  }

  @Test
  void someoneToldOnTwoChannelsGetsTextsMadeFromOneRead() {
    long deal = deals.openDeal("Read Once SARL", "1200");
    jdbc.update("insert into notification_preference (user_id, event_kind, channels, digest)"
        + " values ('sales', 'STAGE_CHANGED', 'IN_APP,TASK', 'NONE')");
    preferences.forgetRemembered();

    int before = notificationsOf("sales", deal);

    dispatch(EventKind.STAGE_CHANGED, deal, "logistics", Set.of("sales"));

    assertThat(reads).as("read once for both channels").hasValue(1);
    assertThat(notificationsOf("sales", deal)).isEqualTo(before + 1);
    assertThat(jdbc.queryForList("select text from notification where user_id = 'sales' and opportunity_id = ?",
        String.class, deal)).anySatisfy(text -> assertThat(text).contains("Read Once SARL", "Cold room"));
  }

  @Test
  void aChoiceChangedInTheSettingsCountsAtTheNextEventThoughChoicesAreRemembered() {
    long deal = deals.openDeal("Read Once SARL", "1200");
    int before = notificationsOf("sales", deal);
    dispatch(EventKind.STAGE_CHANGED, deal, "logistics", Set.of("sales"));
    assertThat(notificationsOf("sales", deal)).as("on screen, by default").isEqualTo(before + 1);

    preferences.change("sales", java.util.List.of(new NotificationPreferences.Preference(EventKind.STAGE_CHANGED,
        Set.of(), NotificationPreferences.Digest.NONE)));
    dispatch(EventKind.STAGE_CHANGED, deal, "logistics", Set.of("sales"));

    assertThat(notificationsOf("sales", deal)).as("every channel turned off just before").isEqualTo(before + 1);
  }
}
