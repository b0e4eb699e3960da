package com.relais.crm.delivery;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.deal.DealLookup;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.OpportunityView.StageChangeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Delivery", description = "The delivery of a won deal: its stage, the decisions taken along the way and"
    + " the carrier's quote.")
class DeliveryController {
  private final DeliveryService deliveries;
  private final DeliveryProcess process;
  private final OpportunityService opportunities;
  private final DealLookup readPolicy;

  DeliveryController(DeliveryService deliveries, DeliveryProcess process, OpportunityService opportunities,
      DealLookup readPolicy) {
    this.deliveries = deliveries;
    this.process = process;
    this.opportunities = opportunities;
    this.readPolicy = readPolicy;
  }

  record DeliveryView(long opportunityId, DeliveryStage stage, String transport, boolean simplified,
      BigDecimal carrierQuote, BigDecimal transportCost, String approverGroup, String paymentReference,
      String receptionOutcome, String receptionComment, Long supportCaseId, Double latitude, Double longitude,
      Instant updatedAt, List<StageChangeView> stageHistory) {}

  /** The delivery's own place, as the customer's coordinates are checked; both null: the customer's address. */
  record DeliveryPlace(@DecimalMin("-90.0") @DecimalMax("90.0") Double latitude,
      @DecimalMin("-180.0") @DecimalMax("180.0") Double longitude) {}

  record CarrierQuote(@NotNull @DecimalMin(value = "0.00", message = "must not be negative")
      @DecimalMax(value = "999999999.99", message = "is too large") BigDecimal amount) {}

  record QuoteReceipt(long opportunityId, BigDecimal amount, boolean alreadyReceived) {}

  @GetMapping("/api/opportunities/{id}/delivery")
  @Operation(summary = "Read a deal's delivery", description = "Its stage, transport, costs, approver, payment,"
      + " reception outcome, support case and stage history. For logistics, finance, support, sales, managers,"
      + " admins, users granted access and those with a task on the deal (403 for others); 404 for an unknown deal"
      + " or one whose delivery has not started.")
  DeliveryView get(@PathVariable long id) {
    opportunities.get(id);
    readPolicy.requireReadable(id, StaffGroups.LOGISTICS, StaffGroups.FINANCE, StaffGroups.SUPPORT);
    Delivery d = deliveries.get(id);
    List<StageChangeView> history = opportunities.historyOf(id).stream()
        .filter(change -> change.getToStage().startsWith("DELIVERY_"))
        .map(StageChangeView::of)
        .toList();
    return new DeliveryView(id, d.getStage(), d.getTransport(), d.isSimplified(), d.getCarrierQuote(),
        d.getTransportCost(), d.getApproverGroup(), d.getPaymentReference(), d.getReceptionOutcome(),
        d.getReceptionComment(), d.getSupportCaseId(), d.getLatitude(), d.getLongitude(), d.getUpdatedAt(),
        history);
  }

  /** Logistics sends a delivery to another site of the customer's; the couriers' rounds then drive there. */
  @PutMapping("/api/opportunities/{id}/delivery/place")
  @PreAuthorize(StaffGroups.LOGISTICS_SIDE_ONLY)
  @Operation(summary = "Set where a deal's delivery goes", description = "latitude (-90..90) and longitude"
      + " (-180..180) in WGS 84 degrees, for a delivery to a site other than the customer's address; both null (or"
      + " left out) sends it back to the customer's address. The couriers' rounds use this place when it is set,"
      + " else the customer's coordinates. 400 for one coordinate without the other or a value out of range, 409"
      + " for a delivery already received or rejected, 404 for an unknown deal or one whose delivery has not"
      + " started; nothing changes then. For logistics, managers and admins (403 for others). Answers the"
      + " delivery as GET does.")
  DeliveryView place(@PathVariable long id, @Valid @RequestBody DeliveryPlace place) {
    opportunities.get(id);
    deliveries.placeAt(id, place.latitude(), place.longitude());
    return get(id);
  }

  /** Called by the carrier integration or by logistics entering a quote received by phone or mail. */
  @PostMapping("/api/opportunities/{id}/delivery/carrier-quote")
  @PreAuthorize(StaffGroups.LOGISTICS_SIDE_ONLY)
  @Operation(summary = "Record the carrier's quote for a deal's delivery", description = "Called by the carrier"
      + " integration, or by logistics for a quote received by phone or mail. The same quote twice is acknowledged"
      + " once (alreadyReceived = true). 409 for a different quote after one was recorded, or when the delivery is"
      + " not waiting for a quote (internal transport, timed out or finished); 404 for an unknown deal. For"
      + " logistics, managers and admins (403 for others).")
  QuoteReceipt carrierQuote(@PathVariable long id, @Valid @RequestBody CarrierQuote quote) {
    opportunities.get(id);
    boolean fresh = process.receiveQuote(id, quote.amount());
    return new QuoteReceipt(id, quote.amount(), !fresh);
  }
}
