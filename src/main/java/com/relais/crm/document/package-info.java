/** Documents the flows generate for a deal (delivery note, reception note): rendered as PDF, kept in the object store. */
package com.relais.crm.document;
