package com.relais.crm.customer;

/** One category of the catalogue; a retired one ({@code active} false) stays on the customers that have it. */
public record CategoryEntry(String code, String label, boolean active, boolean builtIn, int position) {}
