package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@HttpTest
class StraySweepTest {
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AttachmentStore store;
  @Autowired StraySweep sweep;

  @Test
  void anObjectWithoutARowIsRemovedOnTheSecondSweepAndRealAttachmentsStay() throws Exception {
    long customerId = Api.as(rest, "sales").post("/api/customers", Api.customer("Sweep Co")).json()
        .path("id").asLong();
    var upload = Uploads.upload(rest, "sales", "customerId=" + customerId, "kept.pdf", Uploads.pdf("kept"),
        "application/pdf");
    assertThat(upload.getStatusCode().value()).isEqualTo(201);
    String kept = jdbc.queryForObject("select object_key from attachment where file_name = 'kept.pdf' "
        + "order by id desc fetch first 1 rows only", String.class);
    String stray = AttachmentService.KEY_PREFIX + UUID.randomUUID();
    store.put(stray, new ByteArrayInputStream(new byte[] {1, 2, 3}), "application/octet-stream");

    sweep.sweep();
    assertThat(store.exists(stray)).as("an upload may still be writing its row").isTrue();
    sweep.sweep();
    assertThat(store.exists(stray)).isFalse();
    assertThat(store.exists(kept)).isTrue();
  }
}
