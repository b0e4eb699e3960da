package com.relais.crm.communication;

/**
 * One exchange type or status. Built-in entries are the documented values (docs/api.md): they can be relabelled, never retired.
 * A retired entry stays on the exchanges that use it and in searches, but new exchanges cannot pick it.
 */
public record CatalogueEntry(
    CatalogueKind kind, String code, String label, StatusOutcome outcome, boolean active, boolean builtIn,
    int position) {}
