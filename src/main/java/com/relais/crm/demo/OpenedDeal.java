package com.relais.crm.demo;

/** A deal of the plan once opened: its opportunity id is its business key in every process. */
record OpenedDeal(long id, DealPlan plan) {}
