/** The quick search box: one word, hits among customers, exchanges and the text of attachments. */
package com.relais.crm.search;
