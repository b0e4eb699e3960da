/** A customer's history in one list: exchanges, attachments and the stage changes of its deals. */
package com.relais.crm.timeline;
