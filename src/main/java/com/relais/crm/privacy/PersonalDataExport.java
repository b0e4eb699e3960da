package com.relais.crm.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.attachment.AttachmentView;
import com.relais.crm.audit.AuditTrail;
import com.relais.crm.communication.CommunicationView;
import com.relais.crm.customer.Customer;
import com.relais.crm.delivery.DeliveryService;
import com.relais.crm.document.DocumentService;
import com.relais.crm.document.GeneratedDocument;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.OpportunityView.StageChangeView;
import com.relais.crm.support.SupportCaseService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.util.StreamUtils;

/**
 * Everything held on one customer, as a ZIP written straight to the response: one JSON file per kind of record and
 * the files themselves. Each JSON file is written as it is read (the exchanges a page at a time, the engine's
 * history one instance at a time), so neither a long history nor large files are held in memory. Private exchanges
 * are included: only admins export.
 */
@Service
class PersonalDataExport {
  static final int PAGE = 200;

  private final PersonalDataHolders holders;
  private final AuditTrail audit;
  private final OpportunityService opportunities;
  private final DeliveryService deliveries;
  private final SupportCaseService supportCases;
  private final DocumentService documents;
  private final EngineRecords engine;
  private final ExportedFiles files;
  private final ObjectMapper json;

  PersonalDataExport(PersonalDataHolders holders, AuditTrail audit, OpportunityService opportunities,
      DeliveryService deliveries, SupportCaseService supportCases, DocumentService documents, EngineRecords engine,
      ExportedFiles files, ObjectMapper json) {
    this.holders = holders;
    this.audit = audit;
    this.opportunities = opportunities;
    this.deliveries = deliveries;
    this.supportCases = supportCases;
    this.documents = documents;
    this.engine = engine;
    this.files = files;
    this.json = json;
  }

  /** Writes the ZIP of {@code customer} to {@code out}, which the caller closes. */
  void write(Customer customer, OutputStream out) throws IOException {
    long id = customer.getId();
    List<Long> deals = holders.deals().idsOf(id);
    // closing the ZIP frees its compressor; the response stream itself stays the caller's
    try (ZipOutputStream zip = new ZipOutputStream(StreamUtils.nonClosing(out))) {
      entry(zip, "customer.json", g -> json.writeValue(g,
          ExportedRecords.CustomerFile.of(customer, audit.history(CustomerErasure.Audited.CUSTOMER, id))));
      entry(zip, "exchanges.json", g -> exchanges(g, id));
      entry(zip, "deals.json", g -> arrayOf(g, deals, this::dealRecord));
      entry(zip, "support-cases.json", g -> arrayOfEach(g, deals, deal -> supportCases.ofDeal(deal).stream()
          .map(ExportedRecords.SupportCaseRecord::of).toList()));
      entry(zip, "notifications.json", g -> json.writeValue(g, holders.notifications().about(id, deals)));
      entry(zip, "plan-items.json", g -> json.writeValue(g, new ExportedRecords.PlanFile(
          holders.contacts().planOf(id), holders.contacts().listsOf(id), holders.contacts().followUpsOf(id))));
      entry(zip, "campaigns.json", g -> json.writeValue(g, new ExportedRecords.CampaignsFile(
          holders.campaigns().sentTo(id), holders.campaigns().repliesOf(id), holders.campaigns().signupsOf(id))));
      // the courier rounds copy the customer's name, address and coordinates onto each stop of their deals
      entry(zip, "route-stops.json", g -> json.writeValue(g, holders.routes().stopsOf(deals)));
      entry(zip, "engine.json", g -> arrayOf(g, engine.instanceIdsOf(id, deals), engine::read));
      List<ExportedFiles.IndexEntry> index = new ArrayList<>();
      for (AttachmentView attachment : holders.attachments().of(id, deals)) {
        index.add(files.attachment(zip, attachment));
      }
      for (long deal : deals) {
        for (GeneratedDocument document : documents.ofDeal(deal)) {
          index.add(files.document(zip, document));
        }
      }
      entry(zip, ExportedFiles.FOLDER + "index.json", g -> json.writeValue(g, index));
      zip.finish();
    }
  }

  /** The customer's exchanges, private ones too, a page at a time in id order. */
  private void exchanges(JsonGenerator g, long customerId) throws IOException {
    g.writeStartArray();
    long after = 0;
    List<CommunicationView> page;
    do {
      page = holders.exchanges().after(customerId, after, PAGE);
      for (CommunicationView exchange : page) {
        json.writeValue(g, exchange);
        after = exchange.id();
      }
      g.flush();
    } while (page.size() == PAGE);
    g.writeEndArray();
  }

  private ExportedRecords.DealRecord dealRecord(long dealId) {
    return ExportedRecords.DealRecord.of(opportunities.get(dealId),
        opportunities.historyOf(dealId).stream().map(StageChangeView::of).toList(),
        opportunities.commentsOf(dealId),
        deliveries.find(dealId).map(ExportedRecords.DeliveryRecord::of).orElse(null));
  }

  /** One element per key, read just before it is written; a key whose record is gone meanwhile is left out. */
  private <K> void arrayOf(JsonGenerator g, List<K> keys, Reading<K, ?> one) throws IOException {
    g.writeStartArray();
    for (K key : keys) {
      Object element = one.of(key);
      if (element != null) {
        json.writeValue(g, element);
        g.flush();
      }
    }
    g.writeEndArray();
  }

  /** The elements each key reads, all in one array. */
  private <K> void arrayOfEach(JsonGenerator g, List<K> keys, Reading<K, ? extends List<?>> many)
      throws IOException {
    g.writeStartArray();
    for (K key : keys) {
      for (Object element : many.of(key)) {
        json.writeValue(g, element);
      }
      g.flush();
    }
    g.writeEndArray();
  }

  private void entry(ZipOutputStream zip, String name, Writing body) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    // the generator must not close the ZIP when it closes; it flushes into the entry
    try (JsonGenerator g = json.createGenerator(StreamUtils.nonClosing(zip))) {
      g.useDefaultPrettyPrinter();
      body.write(g);
    }
    zip.closeEntry();
  }

  @FunctionalInterface
  private interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  @FunctionalInterface
  private interface Reading<K, V> {
    V of(K key);
  }
}
