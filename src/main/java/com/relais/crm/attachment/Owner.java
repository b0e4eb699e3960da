package com.relais.crm.attachment;

/**
 * The one record an attachment belongs to, as given on upload or in a list request. Public so that code inside the
 * service (the staff web app's uploads, the demo's seed) can upload as POST /api/attachments does.
 */
public record Owner(OwnerType type, long id) {

  /** Exactly one of the three ids must be given; the field names are the request parameters. */
  public static Owner of(Long customerId, Long opportunityId, Long communicationId) {
    int given = (customerId == null ? 0 : 1) + (opportunityId == null ? 0 : 1) + (communicationId == null ? 0 : 1);
    if (given != 1) {
      throw new com.relais.crm.platform.InvalidFieldException("customerId",
          "give exactly one of customerId, opportunityId, communicationId");
    }
    if (customerId != null) {
      return new Owner(OwnerType.CUSTOMER, customerId);
    }
    if (opportunityId != null) {
      return new Owner(OwnerType.OPPORTUNITY, opportunityId);
    }
    return new Owner(OwnerType.COMMUNICATION, communicationId);
  }

  String field() {
    return switch (type) {
      case CUSTOMER -> "customerId";
      case OPPORTUNITY -> "opportunityId";
      case COMMUNICATION -> "communicationId";
    };
  }
}
