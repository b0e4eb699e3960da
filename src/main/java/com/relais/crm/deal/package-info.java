/**
 * The deal's contract with the engine, shared by every process of a deal: its business key ({@link
 * com.relais.crm.deal.DealKey}), the display variables each instance carries ({@link
 * com.relais.crm.deal.DealVariables}), the stage an element enters ({@link com.relais.crm.deal.StageProperty}) and
 * the question lower modules ask about a deal ({@link com.relais.crm.deal.DealLookup}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "engine"})
package com.relais.crm.deal;
