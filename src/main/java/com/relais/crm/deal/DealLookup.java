package com.relais.crm.deal;

/**
 * What the modules below the deals (exchanges, attachments, documents) need to know about a deal, asked here and
 * answered by the opportunity module, so that they never import it (the arrow points down, not up).
 */
public interface DealLookup {

  /**
   * The customer the deal belongs to.
   *
   * @throws com.relais.crm.platform.NotFoundException when there is no such deal
   */
  long customerOf(long opportunityId);

  /**
   * Refuses (403) a caller who may not read the deal.
   *
   * @param workingGroups groups whose daily work covers this part of every deal (logistics for its documents), on
   *     top of the sales side, the users granted access and those with a task on the deal
   */
  void requireReadable(long opportunityId, String... workingGroups);
}
