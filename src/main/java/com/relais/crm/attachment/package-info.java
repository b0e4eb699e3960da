/** Files of customers, deals and exchanges, kept in an S3 object store and checked by Apache Tika. */
package com.relais.crm.attachment;
