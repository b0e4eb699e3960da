package com.relais.crm.privacy;

import com.relais.crm.attachment.AttachmentPersonalData;
import com.relais.crm.campaign.CampaignPersonalData;
import com.relais.crm.communication.ExchangePersonalData;
import com.relais.crm.contact.ContactPersonalData;
import com.relais.crm.dataexchange.ImportPersonalData;
import com.relais.crm.delivery.DeliveryPersonalData;
import com.relais.crm.document.DocumentPersonalData;
import com.relais.crm.messaging.OutboxPersonalData;
import com.relais.crm.notification.NotificationPersonalData;
import com.relais.crm.opportunity.DealPersonalData;
import com.relais.crm.support.SupportPersonalData;
import org.springframework.stereotype.Component;

/**
 * The faces through which each module gives up what it holds on a person: every module keeps its own tables, so
 * the export reads and the erasure changes them only through these. A module that starts keeping a copy of a
 * customer's name, address or words adds its face here.
 */
@Component
record PersonalDataHolders(ExchangePersonalData exchanges, AttachmentPersonalData attachments,
    DocumentPersonalData documents, DealPersonalData deals, DeliveryPersonalData deliveries,
    SupportPersonalData supportCases, NotificationPersonalData notifications, OutboxPersonalData outbox,
    CampaignPersonalData campaigns, ContactPersonalData contacts, ImportPersonalData imports,
    com.relais.crm.routing.RoutePersonalData routes) {}
